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
  /**
   * Only people from..to-1 (counted from 0) of the population, with all its services. A population
   * whose files and database will not fit on one disk together can then be generated and imported a
   * part at a time: the parts' files together hold exactly the lines of the whole population's
   * (each part repeats the services, which a second import finds unchanged).
   */
  part?: { from: number; to: number };
  onProgress?: (peopleDone: number) => void;
}

export interface SynthResult {
  /** People written: the part's, when only a part was asked for. */
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
  const { from, to } = options.part ?? { from: 0, to: people };
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from || to > people) {
    throw new Error(`part must be a range of whole numbers within the population (0 to ${people}), from before to`);
  }
  const cal = new Calendar(options.asOf);
  const services = buildServices(seed, people);
  const writer = new NdjsonWriter(outDir);
  try {
    for (const resource of services.resources) writer.write(resource);
    const faker = britishFaker();
    const emit = writer.write.bind(writer);
    for (let index = from; index < to; index++) {
      writePerson(index, seed, cal, services, faker, emit);
      if (writer.needsDrain) await writer.drained();
      if ((index + 1 - from) % PROGRESS_EVERY === 0) onProgress?.(index + 1 - from);
    }
    await writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
  onProgress?.(to - from);
  return { people: to - from, files: { ...writer.counts } };
}

export { syntheticNhsNumber } from './people/nhs-number.ts';
