import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createScratchDatabase, openStore } from '@continuity/store';
import { given, task } from './task-process.ts';

/**
 * `npm run bench:million -- --database-url URL [--people 1000000 --part 100000 --keep --json]`
 * A trust-scale population into PostgreSQL on a machine whose disk cannot hold its NDJSON (about 35 GB
 * at a million people) beside its database (about 64 GB): generated and imported a part at a time,
 * each part's files removed once it is in. The parts together are exactly the population
 * `continuity synth --people N` writes. Then, over the whole population: the disengaged worklist, the
 * board projection's first fill, and a board pack read from it from cold (issue 8's goal: under 60 s).
 * `--keep` leaves the database in place (its name is printed) for further measurement.
 */
const { values: flags } = parseArgs({
  options: {
    people: { type: 'string', default: '1000000' },
    part: { type: 'string', default: '100000' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const people = Number(flags.people);
const part = Number(flags.part);
if (!flags['database-url']) throw new Error('--database-url (a PostgreSQL server) is required');
if (!(Number.isInteger(people) && people > 0 && Number.isInteger(part) && part > 0)) throw new Error('--people and --part must be whole numbers above 0');
const asOf = '2026-06-30';
const say = (line: string) => process.stderr.write(`${line}\n`);
const gib = (bytes: number) => Number((bytes / 2 ** 30).toFixed(1));
const freeBytes = (dir: string) => {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
};

const scratch = await createScratchDatabase(flags['database-url'], 'continuity_million');
const results: Array<Record<string, unknown>> = [];
const work = mkdtempSync(join(tmpdir(), 'continuity-million-'));
try {
  let resources = 0;
  let importSeconds = 0;
  for (let from = 0; from < people; from += part) {
    const to = Math.min(people, from + part);
    const files = join(work, `people-${from}`);
    say(`people ${from}-${to - 1} of ${people}: generate (${gib(freeBytes(work))} GB free)`);
    const [made] = await task('synth.ts', ['--people', String(people), '--from', String(from), '--to', String(to), '--seed', '1', '--as-of', asOf, '--out', files]);
    say(`people ${from}-${to - 1} of ${people}: import`);
    const [imported] = await task('import.ts', ['--target', scratch.url, '--from', files, '--passes', 'first']);
    rmSync(files, { recursive: true, force: true });
    const created = (imported!.extra as { created: number }).created;
    resources += created;
    importSeconds += imported!.seconds!;
    results.push({
      step: `import people ${from}-${to - 1}`,
      synthSeconds: round(made!.seconds!),
      resources: imported!.rows,
      created,
      seconds: round(imported!.seconds!),
      rowsPerSecond: Math.round(imported!.rows! / imported!.seconds!),
      peakRssMib: imported!.peakRssMib,
      databaseGB: gib(await databaseBytes(scratch.url)),
    });
  }
  results.push({ step: `import of ${people} people, all parts`, resources, seconds: round(importSeconds), rowsPerSecond: Math.round(resources / importSeconds) });

  say('disengaged worklist');
  for (const line of await task('worklist.ts', ['--target', scratch.url, '--as-of', asOf, '--runs', '3'])) {
    results.push(given({ step: line.task, medianMs: line.medianMs, p95Ms: line.p95Ms, evaluated: line.evaluated, items: line.items }));
  }
  say('board projection: first fill, then a pack from cold');
  for (const only of ['fill', 'kept-pack', 'kept-pack']) {
    for (const line of await task('board.ts', ['--target', scratch.url, '--as-of', asOf, '--runs', '1', '--only', only])) {
      results.push(given({ step: line.task, coldMs: line.coldMs, coldNodeMs: line.coldNodeMs, warmMs: line.warmMs }));
    }
  }
  results.push({ step: 'database size at the end', databaseGB: gib(await databaseBytes(scratch.url)) });
} finally {
  rmSync(work, { recursive: true, force: true });
  if (flags.keep) say(`database kept: ${new URL(scratch.url).pathname.slice(1)}`);
  else await scratch.drop();
}

if (flags.json) console.log(JSON.stringify({ people, part, results }, null, 2));
else console.table(results);

function round(n: number) {
  return Number(n.toFixed(1));
}

async function databaseBytes(url: string): Promise<number> {
  const store = await openStore({ databaseUrl: url });
  try {
    const { rows } = await sql<{ bytes: string }>`SELECT pg_database_size(current_database()) AS bytes`.execute(store.db);
    return Number(rows[0]!.bytes);
  } finally {
    await store.close();
  }
}
