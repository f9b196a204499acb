import { inIntensiveCare, intensiveReviewRules, londonDay, system, teamsOpenTo } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { peopleByKeySql } from '../records/people-by-key.ts';
import type { Database } from '../schema.ts';
import { loadIntensiveReviewFacts, organisationsOfType } from './intensive-review-facts.ts';

// As the intensive-review worklist reads its candidates: a slice of people's facts at a time.
const SLICE_SIZE = 20_000;

/**
 * The people in intensive or assertive care at the end of a day, with the teams they are open to:
 * by the domain's own rule (inIntensiveCare, intensiveReviewRules.alreadyIntensive), read from the
 * same facts as the intensive-review worklist. Only people with an episode ever coded intensive or
 * assertive, or managed by an assertive outreach team, can be, so only they are read. Care
 * intensity is read as the record now stands, as the worklist reads it.
 */
export async function peopleInIntensiveCare(db: Kysely<Database>, asOf: string): Promise<Array<{ personId: string; teamIds: string[] }>> {
  const [aot, police] = await Promise.all([organisationsOfType(db, 'aot'), organisationsOfType(db, 'police')]);
  const candidates = await intensiveCareCandidates(db, aot);

  const day = londonDay(asOf)!;
  const people: Array<{ personId: string; teamIds: string[] }> = [];
  for (let i = 0; i < candidates.length; i += SLICE_SIZE) {
    const facts = await loadIntensiveReviewFacts(db, candidates.slice(i, i + SLICE_SIZE), { aot, police });
    for (const f of facts.values()) if (inIntensiveCare(f, asOf)) people.push({ personId: f.personId, teamIds: teamsOpenTo(f, day) });
  }
  return people.sort((a, b) => (a.personId < b.personId ? -1 : 1));
}

/**
 * The people who can be in intensive or assertive care: an episode ever coded intensive or
 * assertive, or managed by an assertive outreach team. With `people`, only those of them, read by key.
 */
export async function intensiveCareCandidates(db: Kysely<Database>, aot: ReadonlySet<string>, people?: readonly string[]): Promise<string[]> {
  const { intensities, teamTypes } = intensiveReviewRules.alreadyIntensive;
  const teamsOfType = new Set(teamTypes.includes('aot') ? [...aot] : []);
  const coded = intensities.map((code) => sql`resource @> ${JSON.stringify({ type: [{ coding: [{ system: system.careIntensity, code }] }] })}::jsonb`);
  return (await sql<{ person_id: string }>`
    SELECT DISTINCT person_id FROM record WHERE resource_type = 'EpisodeOfCare'
      AND (${sql.join(coded, sql` OR `)} OR resource->'managingOrganization'->>'reference' = ANY(${[...teamsOfType].map((t) => `Organization/${t}`)}::text[]))
      ${people ? peopleByKeySql(people) : sql``}
    ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
}
