import type { Store, WorklistScope } from '@continuity/store';
import type { Worklist } from '@continuity/domain';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The team with the most active episodes of care: the busiest team's list. */
async function biggestTeam(store: Store): Promise<string> {
  const biggest = await store.db
    .selectFrom('record')
    .select((eb) => [eb.ref('resource', '->').key('managingOrganization').as('team'), eb.fn.countAll<string>().as('people')])
    .where('resource_type', '=', 'EpisodeOfCare')
    .where('status', '=', 'active')
    .groupBy('team')
    .orderBy('people', 'desc')
    .limit(1)
    .executeTakeFirst();
  return String((biggest?.team as { reference?: string } | undefined)?.reference ?? '').replace(/^Organization\//, '');
}

/**
 * Times a worklist over the whole population and for the busiest team (median of `runs`), printing
 * one result line each; returns who the whole-population list named.
 */
export async function timeWorklist(
  store: Store,
  build: (scope: WorklistScope) => Promise<{ list: Worklist; evaluated: number }>,
  options: { asOf: string; runs: number },
): Promise<string[]> {
  const team = await biggestTeam(store);
  let listed: string[] = [];
  let name = '';
  for (const scope of [{ name: 'whole population' }, { name: `one team (${team})`, team }]) {
    const took: number[] = [];
    let items = 0;
    let evaluated = 0;
    for (let run = 0; run < options.runs; run += 1) {
      const started = performance.now();
      const result = await build({ asOf: options.asOf, ...(scope.team ? { team: scope.team } : {}) });
      took.push(performance.now() - started);
      items = result.list.items.length;
      evaluated = result.evaluated;
      name = result.list.worklist;
      if (!scope.team) listed = result.list.items.map((i) => i.patient.id);
    }
    process.stdout.write(`${JSON.stringify({ task: `worklist:${name} ${scope.name}`, medianMs: Math.round(median(took)), evaluated, items })}\n`);
  }
  return listed;
}
