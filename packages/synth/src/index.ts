import { Calendar } from './calendar/calendar.ts';
import { writePerson } from './person-story.ts';
import { britishFaker } from './people/names.ts';
import { buildServices } from './services/organisation.ts';
import { NdjsonWriter } from './writer/ndjson-writer.ts';

export interface SynthOptions {
  people: number;
  seed: number;
  /** The date the population is seen from, YYYY-MM-DD: every record is dated relative to it. */
  asOf: string;
  outDir: string;
  onProgress?: (peopleDone: number) => void;
}

export interface SynthResult {
  people: number;
  /** Resource type -> number of resources written. */
  files: Record<string, number>;
}

const PROGRESS_EVERY = 500;

/**
 * Writes a synthetic population as FHIR R4 NDJSON, one file per resource type, into outDir.
 * The same seed and as-of always give the same bytes. People are written one at a time and the
 * files are written with backpressure, so memory stays flat however large the population.
 * docs/synthetic-population.md describes what is generated and the figures behind it.
 */
export async function generatePopulation(options: SynthOptions): Promise<SynthResult> {
  const { people, seed, outDir, onProgress } = options;
  if (!Number.isInteger(people) || people < 1) throw new Error('people must be a whole number of at least 1');
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new Error('seed must be a whole number from 0 to 4294967295');
  const cal = new Calendar(options.asOf);
  const services = buildServices(seed, people);
  const writer = new NdjsonWriter(outDir);
  try {
    for (const resource of services.resources) writer.write(resource);
    const faker = britishFaker();
    const emit = writer.write.bind(writer);
    for (let index = 0; index < people; index++) {
      writePerson(index, seed, cal, services, faker, emit);
      if (writer.needsDrain) await writer.drained();
      if ((index + 1) % PROGRESS_EVERY === 0) onProgress?.(index + 1);
    }
    await writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
  onProgress?.(people);
  return { people, files: { ...writer.counts } };
}

export { syntheticNhsNumber } from './people/nhs-number.ts';
