import { carePlanReviewReason, extension, londonToday, noKeyWorkerReason, referralWaitingReason, system, type Worklist, type WorklistReason } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { disengagedWorklist } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { keyWorkersOf, loadCaseloadEpisodes } from './caseload-episodes.ts';
import { personLabels } from './listed-people.ts';
import { escalationReasons } from './mdt-escalation.ts';
import { unacknowledgedPartnerConcerns } from '../partners/partner-concerns.ts';

export interface MdtBoard {
  /** The worklist contract: {worklist: "mdt", asOf, items}, every item with reasons and evidence. */
  list: Worklist;
  /** Name and key worker of each listed person, for the screen, and concerns from partner agencies not yet acknowledged (docs/partners-and-sharing.md). */
  people: Map<string, { name: string | null; keyWorkerIds: string[]; partnerConcerns?: number }>;
}

/**
 * Who the team should discuss at today's MDT, and why: everyone the disengaged worklist lists for
 * the team (and their assertive-engagement steps overdue or MDT review due), people referred to the
 * team and still waiting, people held with no key worker, and care plans overdue review. Reasons are as the domain states them; the board only gathers them.
 */
export async function mdtBoard(db: Kysely<Database>, teamId: string, options: { asOf?: string } = {}): Promise<MdtBoard> {
  const asOf = options.asOf ?? londonToday();
  const team = `Organization/${teamId}`;
  const [disengaged, episodes, referrals] = await Promise.all([
    disengagedWorklist(db, { asOf, team: teamId }),
    loadCaseloadEpisodes(db, { asOf, teams: [teamId] }),
    sql<{ person_id: string; id: string; status: string; authored_on: string | null }>`
      SELECT person_id, id, status, resource->>'authoredOn' AS authored_on FROM record
      WHERE resource_type = 'ServiceRequest' AND status = 'active' AND resource->'performer'->0->>'reference' = ${team}`.execute(db),
  ]);
  const held = [...new Set(episodes.map((e) => e.personId))];
  const plans = held.length
    ? await sql<{ person_id: string; id: string; status: string; last_reviewed: string | null; created: string | null }>`
        SELECT person_id, id, status,
          jsonb_path_query_first(resource, ${`$.extension[*] ? (@.url == "${extension.lastReviewed}").valueDate`}::jsonpath) #>> '{}' AS last_reviewed,
          coalesce(resource->>'created', resource->'period'->>'start') AS created
        FROM record WHERE resource_type = 'CarePlan' AND status = 'active' AND person_id = ANY(${held}::text[])
          AND resource @> ${JSON.stringify({ category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }] })}::jsonb`.execute(db)
    : { rows: [] };

  const reasons = new Map<string, WorklistReason[]>();
  const add = (personId: string, reason: WorklistReason | null) => {
    if (!reason) return;
    reasons.set(personId, [...(reasons.get(personId) ?? []), reason]);
  };
  for (const item of disengaged.list.items) item.reasons.forEach((r) => add(item.patient.id, r));
  for (const { personId, reason } of escalationReasons(disengaged, asOf)) add(personId, reason);
  for (const personId of new Set(referrals.rows.map((r) => r.person_id))) {
    add(personId, referralWaitingReason(referrals.rows.filter((r) => r.person_id === personId).map((r) => ({ id: r.id, status: r.status, authoredOn: r.authored_on })), asOf));
  }
  for (const personId of held) add(personId, noKeyWorkerReason(episodes.filter((e) => e.personId === personId && !e.keyWorkerId).map((e) => e.episodeId)));
  for (const personId of held) {
    add(personId, carePlanReviewReason(plans.rows.filter((p) => p.person_id === personId).map((p) => ({ id: p.id, status: p.status, lastReviewed: p.last_reviewed, created: p.created })), asOf));
  }

  // As on My caseload: reasons and partners' concerns to act on, most first.
  const concerns = await unacknowledgedPartnerConcerns(db, [...reasons.keys()]);
  const toActOn = (id: string) => reasons.get(id)!.length + (concerns.get(id) ?? 0);
  const ids = [...reasons.keys()].sort((a, b) => toActOn(b) - toActOn(a) || a.localeCompare(b));
  const labels = await personLabels(db, ids);
  const people = new Map(ids.map((id) => [id, {
    name: labels.get(id)?.name ?? null,
    keyWorkerIds: keyWorkersOf(episodes, id),
    ...(concerns.has(id) ? { partnerConcerns: concerns.get(id)! } : {}),
  }]));
  return {
    list: { worklist: 'mdt', asOf, items: ids.map((id) => ({ patient: { id, nhsNumber: labels.get(id)?.nhsNumber ?? null }, reasons: reasons.get(id)! })) },
    people,
  };
}
