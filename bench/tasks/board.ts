import { boardTiles } from '@continuity/domain';
import { boardDashboard, keptTileBuild, keptTileTrend, openStore, trendDays } from '@continuity/store';
import { argument } from './measure.ts';

/**
 * The board dashboard (issue 8): `--only tiles` times each tile's build with its trend, `--only pack`
 * the whole pack; each cold (the first build in this process) and warm (asked again for the same day
 * and data, median of `runs`). Node's CPU time beside the wall time says how much of a build is
 * JavaScript; the rest is waiting on the database. Run each in its own process so that both start cold.
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
        if (tile.trend) await keptTileTrend(store.db, tile.key, days);
        return keptTileBuild(store.db, tile.key, asOf);
      };
      const cold = await timed(build);
      const warm: number[] = [];
      for (let run = 0; run < runs; run += 1) warm.push((await timed(build)).ms);
      const line = { task: `board tile ${tile.key}`, points: days.length, units: cold.result.units.length, coldMs: ms(cold.ms), coldNodeMs: ms(cold.nodeMs), warmMs: ms(median(warm)) };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } else {
    const cold = await timed(() => boardDashboard(store.db, { asOf }));
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) warm.push((await timed(() => boardDashboard(store.db, { asOf }))).ms);
    process.stdout.write(`${JSON.stringify({ task: 'board pack', tiles: cold.result.tiles.length, coldMs: ms(cold.ms), coldNodeMs: ms(cold.nodeMs), warmMs: ms(median(warm)) })}\n`);
  }
} finally {
  await store.close();
}
