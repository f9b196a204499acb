import { extension, system, type ReferralFacts } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';

type Row = Record<string, any>;

/** A contact as the contacts query gives it: id, period start, serviceProvider reference, episodeOfCare and basedOn references. */
type ContactRow = [string, string | null, string | null, unknown[] | null, unknown[] | null];

const idAfter = (prefix: string, reference: unknown) => (typeof reference === 'string' && reference.startsWith(prefix) ? reference.slice(prefix.length) : null);

/**
 * The waiting rules' facts for some people, read by key in five queries: referrals, attended
 * contacts (finished Encounters that are not admissions), care plans, check-ins while waiting,
 * and which team holds each episode.
 */
export async function loadReferralFacts(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, ReferralFacts>> {
  const byKey = peopleByKeySql(personIds);
  const checkIn = JSON.stringify({ category: [{ coding: [{ system: system.communicationCategory, code: 'waiting-check-in' }] }] });
  const [referrals, contacts, plans, checkIns, episodes] = await Promise.all([
    rows(db, sql`SELECT person_id, id, status, resource->>'authoredOn' AS authored_on, resource->'performer'->0->>'reference' AS performer,
                   jsonb_path_query_first(resource, ${`$.extension[*] ? (@.url == "${extension.triageOutcome}").extension[*] ? (@.url == "outcome").valueCoding.code`}::jsonpath) #>> '{}' AS triage
                 FROM record WHERE resource_type = 'ServiceRequest' ${byKey}`),
    // A person's contacts as one JSON array of [id, start, provider, episodes, basedOn], parsed once by
    // the driver: a population's contacts are most of what the waiting tile reads, and a row per
    // contact, with two JSON columns each, cost Node twice as much to take in.
    rows(db, sql`SELECT person_id, json_agg(json_build_array(id, resource->'period'->>'start', resource->'serviceProvider'->>'reference',
                   jsonb_path_query_array(resource, '$.episodeOfCare[*].reference'), jsonb_path_query_array(resource, '$.basedOn[*].reference'))) AS contacts
                 FROM record WHERE resource_type = 'Encounter' AND status = 'finished' AND NOT coalesce(resource->'class'->>'code' = 'IMP', false) ${byKey}
                 GROUP BY person_id`),
    rows(db, sql`SELECT person_id, id, coalesce(resource->>'created', resource->'period'->>'start') AS agreed FROM record
                 WHERE resource_type = 'CarePlan' AND status NOT IN ('entered-in-error', 'revoked', 'draft') ${byKey}`),
    rows(db, sql`SELECT person_id, id, resource->>'sent' AS sent, resource->'sender'->>'reference' AS sender, resource->'about'->0->>'reference' AS about
                 FROM record WHERE resource_type = 'Communication' AND resource @> ${checkIn}::jsonb ${byKey}`),
    rows(db, sql`SELECT person_id, id, resource->'managingOrganization'->>'reference' AS team FROM record WHERE resource_type = 'EpisodeOfCare' ${byKey}`),
  ]);
  const facts = new Map<string, ReferralFacts>();
  const of = (personId: string) => {
    let f = facts.get(personId);
    if (!f) facts.set(personId, (f = { personId, referrals: [], contacts: [], carePlans: [], checkIns: [], episodeTeams: {} }));
    return f;
  };
  for (const r of referrals) of(r.person_id).referrals.push({ id: r.id, status: r.status, authoredOn: r.authored_on, teamId: idAfter('Organization/', r.performer), triage: r.triage ? { outcome: r.triage } : null });
  for (const person of contacts) {
    const own = of(person.person_id).contacts;
    for (const [id, start, provider, episodes, basedOn] of person.contacts as ContactRow[]) {
      own.push({
        id, start, teamId: idAfter('Organization/', provider),
        episodeIds: (episodes ?? []).map((e) => idAfter('EpisodeOfCare/', e)).filter((e): e is string => e !== null),
        referralIds: (basedOn ?? []).map((e) => idAfter('ServiceRequest/', e)).filter((e): e is string => e !== null),
      });
    }
  }
  for (const p of plans) of(p.person_id).carePlans.push({ id: p.id, agreed: p.agreed });
  for (const c of checkIns) of(c.person_id).checkIns.push({ id: c.id, sent: c.sent, teamId: idAfter('Organization/', c.sender), referralId: idAfter('ServiceRequest/', c.about) });
  for (const e of episodes) of(e.person_id).episodeTeams[e.id] = idAfter('Organization/', e.team);
  return facts;
}

async function rows(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}
