import { carerConcernRules, compareCarerConcernFindings, concernChannelOf, endOfLondonDay, evaluateCarerConcerns, heldEpisodes, readCarer, type CarerConcernFinding, type UnansweredConcern, type Worklist } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import type { ListedPerson } from '../engagement/disengaged-worklist.ts';
import { loadPersonEpisodes } from '../records/person-episodes.ts';
import type { Database } from '../schema.ts';
import { heldByTeamsSql, onlyPeopleSql, scopeDay, scopeTeams, type WorklistScope } from '../worklists/worklist-scope.ts';
import { communicationOf } from './carer-concern-sql.ts';

export interface CarerConcernsOptions extends WorklistScope {
  /** Hours a response is due within: carer-concern-rules.ts unless the installation sets another figure. */
  responseHours?: number;
  /** The instant the list is judged at; the end of the as-of day, or now if that is earlier. Tests fix it. */
  now?: Date;
}

export interface CarerConcernsWorklist {
  list: Worklist;
  /** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
  people: Map<string, ListedPerson>;
}

type Row = { person_id: string; id: string; received: Date | string; medium: unknown; recipient: Array<{ reference?: string }> | null; carer_id: string | null; carer: Record<string, unknown> | null };

/**
 * The `carer-concerns` worklist: everyone (or one team's people) with a concern from a carer that
 * has no response, by the rules in the domain (carers/carer-concern-rules.ts): each concern received
 * by the as-of instant with no response given by then, however long ago it was raised (a concern is
 * listed until it is answered). The most overdue first. One set-based query finds the unanswered
 * concerns with the carer who raised each; a team's list keeps people the team holds on the day, or
 * held before and whose concern was raised with that team.
 */
export async function carerConcernsWorklist(db: Kysely<Database>, options: CarerConcernsOptions = {}): Promise<CarerConcernsWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const endOfDay = endOfLondonDay(day);
  const now = options.now ?? new Date();
  const at = now < endOfDay ? now : new Date(endOfDay.getTime() - 1);
  const hours = options.responseHours ?? carerConcernRules.unanswered.responseWithinHours;
  const teams = scopeTeams(options);
  const only = onlyPeopleSql(options.people);

  const rows = (await sql<Row>`
    WITH concern AS (
      SELECT person_id, id, occurred_at, resource FROM record
      WHERE resource_type = 'Communication' AND ${communicationOf('carer-concern', 'record')}
        AND status IS DISTINCT FROM 'entered-in-error' AND occurred_at <= ${at.toISOString()}::timestamptz ${heldByTeamsSql(teams)} ${only})
    SELECT c.person_id, c.id, c.occurred_at AS received, c.resource->'medium' AS medium, c.resource->'recipient' AS recipient,
      rp.id AS carer_id, rp.resource AS carer
    FROM concern c
    LEFT JOIN record rp ON rp.person_id = c.person_id AND rp.resource_type = 'RelatedPerson'
      AND c.resource->'sender'->>'reference' = 'RelatedPerson/' || rp.id
    WHERE NOT EXISTS (
      SELECT 1 FROM record r WHERE r.person_id = c.person_id AND r.resource_type = 'Communication'
        AND ${communicationOf('carer-concern-response', 'r')} AND r.status IS DISTINCT FROM 'entered-in-error'
        AND r.resource->'inResponseTo' @> jsonb_build_array(jsonb_build_object('reference', 'Communication/' || c.id))
        AND (r.occurred_at IS NULL OR r.occurred_at <= ${at.toISOString()}::timestamptz))
    ORDER BY c.person_id, c.id`.execute(db)).rows;

  const byPerson = new Map<string, { concerns: UnansweredConcern[]; raisedWith: Set<string> }>();
  for (const r of rows) {
    const held = byPerson.get(r.person_id) ?? { concerns: [], raisedWith: new Set<string>() };
    const carer = r.carer ? readCarer(r.carer) : undefined;
    held.concerns.push({ id: r.id, carerId: r.carer_id, carerName: carer?.name ?? null, relationship: carer?.relationship.code ? carer.relationship.label : null, receivedAt: new Date(r.received).toISOString(), channel: concernChannelOf(r.medium as never) });
    for (const to of r.recipient ?? []) if (to.reference?.startsWith('Organization/')) held.raisedWith.add(to.reference.slice('Organization/'.length));
    byPerson.set(r.person_id, held);
  }

  // People are listed whether or not a team holds them today: a concern is answered whoever holds the person.
  const episodes = await loadPersonEpisodes(db, [...byPerson.keys()]);
  const findings: CarerConcernFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  for (const [personId, { concerns, raisedWith }] of byPerson) {
    const holding = [...new Set(heldEpisodes(episodes.get(personId) ?? [], day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
    if (teams && !holding.some((t) => teams.includes(t)) && ![...raisedWith].some((t) => teams.includes(t))) continue;
    const finding = evaluateCarerConcerns(personId, concerns, at, hours);
    if (finding.reasons.length === 0) continue;
    findings.push(finding);
    teamsOf.set(personId, holding);
  }
  findings.sort(compareCarerConcernFindings);

  const labels = await personLabels(db, findings.map((f) => f.personId));
  const people = new Map<string, ListedPerson>();
  for (const f of findings) people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [] });
  return {
    list: {
      worklist: 'carer-concerns',
      asOf,
      items: findings.map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
  };
}
