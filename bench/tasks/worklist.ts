import { disengagedWorklist, openStore } from '@continuity/store';
import { argument } from './measure.ts';

/** The disengaged worklist over the whole population and for one team: median of a few runs. */
const target = argument('target');
const asOf = argument('as-of');
const runs = Number(argument('runs'));
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const biggestTeam = await store.db
    .selectFrom('record')
    .select((eb) => [eb.ref('resource', '->').key('managingOrganization').as('team'), eb.fn.countAll<string>().as('people')])
    .where('resource_type', '=', 'EpisodeOfCare')
    .where('status', '=', 'active')
    .groupBy('team')
    .orderBy('people', 'desc')
    .limit(1)
    .executeTakeFirst();
  const team = String((biggestTeam?.team as { reference?: string } | undefined)?.reference ?? '').replace(/^Organization\//, '');
  for (const scope of [{ name: 'whole population' }, { name: `one team (${team})`, team }]) {
    const took: number[] = [];
    let items = 0;
    let evaluated = 0;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const result = await disengagedWorklist(store.db, { asOf, ...(scope.team ? { team: scope.team } : {}) });
      took.push(performance.now() - started);
      items = result.list.items.length;
      evaluated = result.evaluated;
    }
    process.stdout.write(`${JSON.stringify({ task: `worklist:disengaged ${scope.name}`, medianMs: Math.round(median(took)), evaluated, items })}\n`);
  }
} finally {
  await store.close();
}
