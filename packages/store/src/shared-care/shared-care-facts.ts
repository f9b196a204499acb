import type { SharedCareFacts } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadNames } from '../people/names.ts';
import { loadAgreements } from './shared-care-agreements.ts';
import { loadPersonEpisodes } from '../records/person-episodes.ts';

type Row = Record<string, any>;

/**
 * The shared care facts of some people: their agreements, the status now of the prescriptions
 * those agreements share, their episodes (for a team's list), and the practices' names. Four
 * queries by key, whatever the number of people.
 */
export async function loadSharedCareFacts(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, SharedCareFacts>> {
  const agreements = await loadAgreements(db, { personIds });
  const facts = new Map<string, SharedCareFacts>();
  for (const { agreement } of agreements) {
    let f = facts.get(agreement.personId);
    if (!f) facts.set(agreement.personId, (f = { personId: agreement.personId, episodes: [], agreements: [], prescriptions: [], practiceNames: {} }));
    f.agreements.push(agreement);
  }
  const people = [...facts.keys()];
  if (people.length === 0) return facts;
  const requests = [...new Set(agreements.map((a) => a.agreement.medicationRequestId))];
  const [prescriptions, episodes, persons, names] = await Promise.all([
    rows(db, sql`SELECT person_id, id, status FROM record WHERE resource_type = 'MedicationRequest' AND person_id = ANY(${people}::text[]) AND id = ANY(${requests}::text[])`),
    loadPersonEpisodes(db, people),
    rows(db, sql`SELECT person_id, deceased_at FROM person WHERE person_id = ANY(${people}::text[])`),
    loadNames(db, agreements.map((a) => `Organization/${a.agreement.practiceId}`)),
  ]);
  for (const r of prescriptions) facts.get(r.person_id)?.prescriptions.push({ id: r.id, status: r.status });
  for (const [personId, held] of episodes) facts.get(personId)?.episodes.push(...held);
  for (const r of persons) {
    const f = facts.get(r.person_id);
    if (f && r.deceased_at) f.deceasedAt = new Date(r.deceased_at).toISOString();
  }
  for (const f of facts.values()) {
    f.practiceNames = Object.fromEntries(f.agreements.map((a) => [a.practiceId, names.get(`Organization/${a.practiceId}`) ?? a.practiceId]));
  }
  return facts;
}

async function rows(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}
