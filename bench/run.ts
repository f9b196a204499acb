import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createScratchDatabase } from '@continuity/store';
import { given, task, type TaskLine } from './task-process.ts';

/**
 * `npm run bench [-- --people 100000 --runs 3 --database-url URL --scale-to 1000000 --json]`
 * Generation and bulk import at trust scale on PGlite and PostgreSQL, then read latencies and the
 * disengaged and monitoring-overdue worklists, and the board dashboard's tiles cold and warm.
 * Each task runs in its own process so its peak memory is its own. Figures are medians.
 */
const { values: flags } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL },
    json: { type: 'boolean', default: false },
    /** Also time the worklist over this many people's engagement states (copies of the population's). */
    'scale-to': { type: 'string', default: '1000000' },
  },
});
const people = Number(flags.people);
const runs = Number(flags.runs);
const scaleTo = Number(flags['scale-to']);
const asOf = '2026-06-30';
const say = (line: string) => process.stderr.write(`${line}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const results: Array<Record<string, unknown>> = [];
const work = mkdtempSync(join(tmpdir(), 'continuity-bench-'));
try {
  const population = join(work, 'population');
  for (const size of [Math.max(1, Math.round(people / 10)), people]) {
    const timings: TaskLine[] = [];
    for (let run = 1; run <= runs; run += 1) {
      say(`synth ${size} people, run ${run}/${runs}`);
      const out = size === people ? population : join(work, `small-${run}`);
      timings.push(...(await task('synth.ts', ['--people', String(size), '--seed', '1', '--as-of', asOf, '--out', out])));
      if (size !== people) rmSync(out, { recursive: true, force: true });
    }
    const seconds = median(timings.map((t) => t.seconds!));
    results.push({ step: 'synth', people: size, resources: timings[0]!.rows, medianSeconds: round(seconds), rowsPerSecond: Math.round(timings[0]!.rows! / seconds), peakRssMib: median(timings.map((t) => t.peakRssMib!)) });
  }

  const targets: Array<{ name: string; url: string; drop?: () => Promise<void> }> = [{ name: 'pglite', url: join(work, 'pglite') }];
  if (flags['database-url']) targets.push(await freshPostgres(flags['database-url']));
  for (const target of targets) {
    say(`import into ${target.name}`);
    for (const line of await task('import.ts', ['--target', target.url, '--from', population])) {
      const nodeCpuMicrosecondsPerResource = (line.extra as { nodeCpuMicrosecondsPerResource?: number } | undefined)?.nodeCpuMicrosecondsPerResource;
      results.push({ step: `${line.task} (${target.name})`, people, resources: line.rows, seconds: round(line.seconds!), rowsPerSecond: Math.round(line.rows! / line.seconds!), nodeCpuMicrosecondsPerResource, peakRssMib: line.peakRssMib });
    }
    say(`read latencies on ${target.name}`);
    for (const line of await task('queries.ts', ['--target', target.url, '--samples', '200'])) {
      results.push({ step: `${line.task} (${target.name})`, people, samples: line.samples, medianMs: line.medianMs, p95Ms: line.p95Ms });
    }
    say(`disengaged worklist on ${target.name}`);
    for (const line of await task('worklist.ts', ['--target', target.url, '--as-of', asOf, '--runs', String(runs)])) {
      // Whole-list timings carry evaluated and items; one-person updates carry samples and p95.
      results.push(given({ step: `${line.task} (${target.name})`, people, medianMs: line.medianMs, p95Ms: line.p95Ms, samples: line.samples, evaluated: line.evaluated, items: line.items }));
    }
    say(`monitoring-overdue worklist on ${target.name}`);
    for (const line of await task('monitoring.ts', ['--target', target.url, '--as-of', asOf, '--runs', String(runs)])) {
      results.push({ step: `${line.task} (${target.name})`, people, medianMs: line.medianMs, evaluated: line.evaluated, items: line.items });
    }
    if (target.name === 'postgres') {
      say(`board tiles and pack on ${target.name}`);
      // PostgreSQL only, and one warm run: a cold pack over the whole population is the slow part.
      // From the records; then the projection filled, a pack read from it, and one after 1% of people are written.
      for (const only of ['tiles', 'pack', 'fill', 'kept-pack', 'writes']) {
        for (const line of await task('board.ts', ['--target', target.url, '--as-of', asOf, '--runs', '1', '--only', only, '--people', String(Math.ceil(people / 100))])) {
          results.push(given({ step: `${line.task} (${target.name})`, people, coldMs: line.coldMs, coldNodeMs: line.coldNodeMs, warmMs: line.warmMs }));
        }
      }
    }
    say(`caseload pages under load on ${target.name}`);
    // A server process of its own: on PostgreSQL only, since PGlite is one process's embedded database.
    const loads = target.name === 'postgres' ? [['--mode', 'users', '--rate', '20'], ['--mode', 'users', '--rate', '50'], ['--mode', 'throughput']] : [];
    for (const load of loads) {
      for (const line of await task('caseload-load.ts', ['--target', target.url, '--as-of', asOf, '--users', '100', '--seconds', '30', ...load])) {
        results.push({ step: `${line.task} (${target.name})`, people, samples: line.samples, pagesPerSecond: line.pagesPerSecond, medianMs: line.medianMs, p95Ms: line.p95Ms, errors: line.errors });
      }
    }
    if (target.name === 'postgres') {
      say(`mixed caseload, record and contact load on ${target.name}`);
      for (const line of await task('mixed-load.ts', ['--target', target.url, '--as-of', asOf, '--users', '200', '--seconds', '60', '--rate', '40'])) {
        results.push({ step: `${line.task} (${target.name})`, people, requestsPerSecond: line.requestsPerSecond, caseload: line.caseload, record: line.record, contact: line.contact, errors: line.errors, rssMib: line.rssMib });
      }
    }
    if (target.name === 'postgres' && scaleTo > people) {
      say(`disengaged worklist with states copied to ${scaleTo} people on ${target.name}`);
      for (const line of await task('worklist-scale.ts', ['--target', target.url, '--as-of', asOf, '--people', String(scaleTo), '--runs', String(runs)])) {
        results.push({ step: `${line.task} (${target.name})`, people: line.evaluated, medianMs: line.medianMs, items: line.items });
      }
    }
    await target.drop?.();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (flags.json) console.log(JSON.stringify({ people, runs, results }, null, 2));
else console.table(results);

function round(n: number) {
  return Number(n.toFixed(2));
}

async function freshPostgres(serverUrl: string) {
  const scratch = await createScratchDatabase(serverUrl, 'continuity_bench');
  return { name: 'postgres', url: scratch.url, drop: scratch.drop };
}
