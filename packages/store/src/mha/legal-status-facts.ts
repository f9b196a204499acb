import { ctoLegalStatus, extension, system, type MhaFacts } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadPersonEpisodes } from '../records/person-episodes.ts';

type Row = Record<string, any>;

/** Flags in the mha-legal-status category (docs/fhir.md), as JSON containment the Flag partition can test. */
export const legalStatusCategory = JSON.stringify({ category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }] });
/** Section 117 aftercare Flags (docs/fhir.md): shown with the legal statuses, never a deadline. */
export const aftercareCategory = JSON.stringify({ category: [{ coding: [{ system: system.flagCategory, code: 's117-aftercare' }] }] });
/** A CTO Flag: coded 17 in the NHS Data Dictionary legal status classification. */
export const ctoCode = JSON.stringify({ code: { coding: [{ system: system.mhaLegalStatus, code: ctoLegalStatus }] } });

/**
 * The Mental Health Act facts of some people, in three set-based queries by person id: who they
 * are (for the date of death), their episodes (for a team's list) and every legal status Flag
 * with its code, period and expiry.
 */
export async function loadMhaFacts(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, MhaFacts>> {
  const cohort = sql`AND person_id = ANY(${[...personIds]}::text[])`;
  const [people, episodes, flags] = await Promise.all([
    rows(db, sql`SELECT person_id, deceased_at FROM person WHERE true ${cohort}`),
    loadPersonEpisodes(db, personIds),
    rows(
      db,
      sql`SELECT person_id, id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
            jsonb_path_query_first(resource, ${`$.code.coding[*] ? (@.system == "${system.mhaLegalStatus}").code`}::jsonpath) #>> '{}' AS code,
            jsonb_path_query_first(resource, ${`$.extension[*] ? (@.url == "${extension.reviewDue}").valueDate`}::jsonpath) #>> '{}' AS expires
          FROM record WHERE resource_type = 'Flag' AND resource @> ${legalStatusCategory}::jsonb ${cohort}`,
    ),
  ]);
  const facts = new Map<string, MhaFacts>();
  for (const r of people) facts.set(r.person_id, { personId: r.person_id, deceasedAt: r.deceased_at ? new Date(r.deceased_at).toISOString() : null, episodes: [], legalStatuses: [] });
  for (const [personId, held] of episodes) facts.get(personId)?.episodes.push(...held);
  for (const r of flags) facts.get(r.person_id)?.legalStatuses.push({ id: r.id, status: r.status, code: r.code, start: r.start, end: r.end, expires: r.expires });
  return facts;
}

async function rows(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}
