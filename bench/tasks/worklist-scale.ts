import { disengagedWorklist, openStore } from '@continuity/store';
import { sql } from 'kysely';
import { argument } from './measure.ts';

/**
 * The whole-population disengaged worklist at a size the machine cannot import in a bench run: the
 * population's engagement states (and person rows) are copied under new ids until there are
 * `people` of them, then the list is timed. Records are not copied, so this measures the list as
 * a trust runs it every day (states kept up to date by writes), not a rebuild from records.
 * Destroys nothing but adds rows: run it last, on a scratch database.
 */
const target = argument('target');
const asOf = argument('as-of');
const people = Number(argument('people'));
const runs = Number(argument('runs'));
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const base = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM engagement_state`.execute(store.db)).rows[0]!.n);
  const copies = Math.ceil(people / base) - 1;
  for (let copy = 1; copy <= copies; copy += 1) {
    const suffix = `~${copy}`;
    await sql`INSERT INTO person (person_id, nhs_number, family_name, given_names, birth_date, gender)
              SELECT person_id || ${suffix}, nhs_number, family_name, given_names, birth_date, gender FROM person WHERE person_id NOT LIKE '%~%'`.execute(store.db);
    await sql`INSERT INTO engagement_state (person_id, generation, facts, valid_from, listable_from, team_ids, refreshed_at)
              SELECT person_id || ${suffix}, generation, jsonb_set(facts, '{personId}', to_jsonb(person_id || ${suffix})), valid_from, listable_from, team_ids, refreshed_at
              FROM engagement_state WHERE person_id NOT LIKE '%~%'`.execute(store.db);
  }
  await sql`ANALYZE engagement_state`.execute(store.db);
  await sql`ANALYZE person`.execute(store.db);
  const took: number[] = [];
  let result: Awaited<ReturnType<typeof disengagedWorklist>> | undefined;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    result = await disengagedWorklist(store.db, { asOf });
    took.push(performance.now() - started);
  }
  process.stdout.write(`${JSON.stringify({ task: `worklist:disengaged whole population, states copied to ${result!.evaluated} people`, medianMs: Math.round(median(took)), evaluated: result!.evaluated, items: result!.list.items.length })}\n`);
} finally {
  await store.close();
}
