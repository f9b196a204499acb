import { monitoringOverdueWorklist, openStore } from '@continuity/store';
import { argument } from './measure.ts';

/**
 * The monitoring-overdue worklist over the whole population and for its biggest team (median of a
 * few runs): every person with a current prescription is read afresh from the record table.
 */
const target = argument('target');
const asOf = argument('as-of');
const runs = Number(argument('runs'));
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

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
      const result = await monitoringOverdueWorklist(store.db, { asOf, ...(scope.team ? { team: scope.team } : {}) });
      took.push(performance.now() - started);
      items = result.list.items.length;
      evaluated = result.evaluated;
    }
    say({ task: `worklist:monitoring-overdue ${scope.name}`, medianMs: Math.round(median(took)), evaluated, items });
  }
} finally {
  await store.close();
}
