import { fhirDate } from '@continuity/domain';
import { generatePopulation, type SynthResult } from '@continuity/synth';
import { Command, InvalidArgumentError } from 'commander';
import { progressBar } from '../progress.ts';

export const today = () => new Date().toISOString().slice(0, 10);

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

export function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) throw new InvalidArgumentError('must be a whole number from 0 to 4294967295');
  return n;
}

export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !fhirDate.safeParse(value).success) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return value;
}

export async function runSynth(options: { people: number; seed: number; asOf: string; outDir: string; quiet: boolean }): Promise<SynthResult> {
  const bar = progressBar('Generating', options.people, { quiet: options.quiet, unit: 'people' });
  try {
    return await generatePopulation({ ...options, onProgress: (done) => bar.update(done) });
  } finally {
    bar.stop();
  }
}

export function synthCommand(): Command {
  return new Command('synth')
    .description('Write a synthetic population as FHIR R4 NDJSON, one file per resource type. Same seed, same bytes.')
    .requiredOption('--people <n>', 'how many people', parseCount)
    .requiredOption('--seed <s>', 'random seed', parseSeed)
    .requiredOption('--out <dir>', 'folder to write the NDJSON files into')
    .option('--as-of <date>', 'the date the population is seen from (default today)', parseDate)
    .option('--json', 'print the result as JSON')
    .action(async (flags: { people: number; seed: number; out: string; asOf?: string; json?: boolean }) => {
      const started = performance.now();
      const result = await runSynth({ people: flags.people, seed: flags.seed, asOf: flags.asOf ?? today(), outDir: flags.out, quiet: Boolean(flags.json) });
      const seconds = (performance.now() - started) / 1000;
      const resources = Object.values(result.files).reduce((a, b) => a + b, 0);
      if (flags.json) console.log(JSON.stringify({ ...result, resources, seconds: Number(seconds.toFixed(2)) }));
      else console.log(`Wrote ${resources} resources for ${result.people} people to ${flags.out} in ${seconds.toFixed(1)} s.`);
    });
}
