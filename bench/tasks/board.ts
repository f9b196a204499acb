import { boardTiles } from '@continuity/domain';
import { sql } from 'kysely';
import { boardDashboard, keptTileBuild, keptTileTrend, openStore, refreshBoardProjection, trendDays, updatePersonRecord } from '@continuity/store';
import { argument } from './measure.ts';

/**
 * The board dashboard (issue 8): `--only tiles` times each tile's build with its trend from the
 * records, `--only pack` the whole pack from the records; each cold (the first build in this
 * process) and warm (asked again for the same day and data, median of `runs`). For the board
 * projection (board-projection.ts): `--only fill` makes it current for the day's trend (the first
 * fill builds every person's shares), `--only kept-pack` times a pack read from it, and
 * `--only writes` writes `--people` people's latest contact back a week (a day's back-dated
 * contacts) before a pack, which then rebuilds them first. Node's CPU time beside the wall time says
 * how much of a build is JavaScript; the rest is waiting on the database. Run each in its own
 * process so that each starts cold.
 */
const target = argument('target');
const asOf = argument('as-of');
const runs = Number(argument('runs'));
const only = argument('only');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => Math.round(n);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; nodeMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, ms: performance.now() - started, nodeMs: (used.user + used.system) / 1000 };
}

const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
try {
  if (only === 'tiles') {
    for (const tile of boardTiles) {
      const days = tile.trend ? trendDays(asOf) : [asOf];
      // As the dashboard asks: the trend (which keeps the day's build too), then the day's build.
      const build = async () => {
        if (tile.trend) await keptTileTrend(store.db, tile.key, days, {}, { fromRecords: true });
        return keptTileBuild(store.db, tile.key, asOf, {}, { fromRecords: true });
      };
      const cold = await timed(build);
      const warm: number[] = [];
      for (let run = 0; run < runs; run += 1) warm.push((await timed(build)).ms);
      const line = { task: `board tile ${tile.key}`, points: days.length, units: cold.result.units.length, coldMs: ms(cold.ms), coldNodeMs: ms(cold.nodeMs), warmMs: ms(median(warm)) };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } else if (only === 'fill') {
    const fill = await timed(() => refreshBoardProjection(store.db, trendDays(asOf)));
    process.stdout.write(`${JSON.stringify({ task: 'board projection filled', days: fill.result.daysAdded.length, coldMs: ms(fill.ms), coldNodeMs: ms(fill.nodeMs) })}\n`);
  } else if (only === 'writes') {
    const written = await backDateContacts(Number(argument('people')));
    const cold = await timed(() => boardDashboard(store.db, { asOf }));
    process.stdout.write(`${JSON.stringify({ task: `board pack from the projection after ${written} people written`, tiles: cold.result.tiles.length, coldMs: ms(cold.ms), coldNodeMs: ms(cold.nodeMs) })}\n`);
  } else {
    const fromRecords = only === 'pack';
    const cold = await timed(() => boardDashboard(store.db, { asOf, fromRecords }));
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) warm.push((await timed(() => boardDashboard(store.db, { asOf, fromRecords }))).ms);
    process.stdout.write(`${JSON.stringify({ task: fromRecords ? 'board pack from the records' : 'board pack from the projection', tiles: cold.result.tiles.length, coldMs: ms(cold.ms), coldNodeMs: ms(cold.nodeMs), warmMs: ms(median(warm)) })}\n`);
  }
} finally {
  await store.close();
}

/** The latest contact of some people (chosen by a hash of their id, so spread across the trust) moved back a week, each written as a clinician's edit. */
async function backDateContacts(people: number): Promise<number> {
  const latest = (await sql<{ person_id: string; id: string; version_id: number; resource: { period?: { start?: string; end?: string } } }>`
    SELECT DISTINCT ON (person_id) person_id, id, version_id, resource FROM record
    WHERE resource_type = 'Encounter' AND person_id IN (SELECT person_id FROM person ORDER BY md5(person_id) LIMIT ${people})
    ORDER BY person_id, occurred_at DESC`.execute(store.db)).rows;
  const weekBefore = (at: string | undefined) => (at ? new Date(Date.parse(at) - 7 * 86_400_000).toISOString() : undefined);
  for (const contact of latest) {
    const period = { ...contact.resource.period, start: weekBefore(contact.resource.period?.start), end: weekBefore(contact.resource.period?.end) };
    await updatePersonRecord(store.db, { type: 'Encounter', id: contact.id, personId: contact.person_id, resource: { ...contact.resource, period } as never }, contact.version_id);
  }
  return latest.length;
}
