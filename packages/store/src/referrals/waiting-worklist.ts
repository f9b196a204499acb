import { referralWaits, waitingReason, type ReferralWait, type Worklist, type WorklistItem } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import type { ListedPerson } from '../engagement/disengaged-worklist.ts';
import { loadNames } from '../people/names.ts';
import type { Database } from '../schema.ts';
import { onlyPeopleSql, scopeDay, type WorklistScope, scopeTeams } from '../worklists/worklist-scope.ts';
import { loadReferralFacts } from './referral-facts.ts';

const SLICE_SIZE = 20_000;

export interface WaitingWorklist {
  list: Worklist;
  people: Map<string, ListedPerson>;
}

/**
 * The waits still running for people with an open referral (living), as of a day: for everyone,
 * some teams' referrals, or some people. Only people with a referral still open are read, a slice
 * at a time.
 */
export async function runningWaits(
  db: Kysely<Database>,
  options: { day: number; teams?: readonly string[]; people?: readonly string[]; sliceSize?: number },
): Promise<Array<{ personId: string; waits: ReferralWait[] }>> {
  const { day, teams } = options;
  const size = options.sliceSize ?? SLICE_SIZE;
  const byTeam = teams ? sql`AND resource->'performer'->0->>'reference' = ANY(${teams.map((t) => `Organization/${t}`)}::text[])` : sql``;
  const only = onlyPeopleSql(options.people);
  const running: Array<{ personId: string; waits: ReferralWait[] }> = [];
  for (let after = ''; ; ) {
    const slice = (await sql<{ person_id: string }>`
      SELECT DISTINCT person_id FROM record WHERE resource_type = 'ServiceRequest' AND status = 'active' AND person_id > ${after} ${byTeam} ${only}
      ORDER BY person_id LIMIT ${size}`.execute(db)).rows.map((r) => r.person_id);
    if (slice.length === 0) break;
    const deceased = new Set((await sql<{ person_id: string }>`SELECT person_id FROM person WHERE person_id = ANY(${slice}::text[]) AND deceased_at IS NOT NULL`.execute(db)).rows.map((r) => r.person_id));
    for (const facts of (await loadReferralFacts(db, slice)).values()) {
      if (deceased.has(facts.personId)) continue;
      const waits = referralWaits(facts, day).filter((w) => w.clockStop === null && (!teams || (w.teamId !== null && teams.includes(w.teamId))));
      if (waits.length) running.push({ personId: facts.personId, waits });
    }
    if (slice.length < size) break;
    after = slice.at(-1)!;
  }
  return running;
}

/**
 * The `waiting` worklist: everyone (or one team's referrals) waiting more than four weeks for care
 * by the waiting rules (domain/referrals), longest wait first. A referral still at the single point
 * of access has no team: it is on the whole-trust list, never a team's.
 */
export async function waitingWorklist(db: Kysely<Database>, options: WorklistScope = {}): Promise<WaitingWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const pending = await runningWaits(db, { day, teams: scopeTeams(options), people: options.people, sliceSize: options.sliceSize });
  const found: Array<{ item: WorklistItem; longest: number; teamIds: string[] }> = [];
  const teamIdsSeen = new Set(pending.flatMap((p) => p.waits.map((w) => w.teamId)).filter((t): t is string => t !== null));
  const teamNames = await loadNames(db, [...teamIdsSeen].map((t) => `Organization/${t}`));
  const teamName = (id: string | null) => (id ? (teamNames.get(`Organization/${id}`) ?? id) : 'the single point of access');
  for (const { personId, waits } of pending) {
    const reason = waitingReason(waits, day, teamName);
    if (!reason) continue;
    const over = waits.filter((w) => w.clockStop === null);
    found.push({
      item: { patient: { id: personId, nhsNumber: null }, reasons: [reason] },
      longest: Math.max(...over.map((w) => w.waitedDays)),
      teamIds: [...new Set(over.map((w) => w.teamId).filter((t): t is string => t !== null))].sort(),
    });
  }
  found.sort((a, b) => b.longest - a.longest || (a.item.patient.id < b.item.patient.id ? -1 : 1));
  const labels = await personLabels(db, found.map((f) => f.item.patient.id));
  const people = new Map<string, ListedPerson>();
  for (const f of found) {
    const label = labels.get(f.item.patient.id);
    f.item.patient.nhsNumber = label?.nhsNumber ?? null;
    people.set(f.item.patient.id, { name: label?.name ?? null, teamIds: f.teamIds });
  }
  return { list: { worklist: 'waiting', asOf, items: found.map((f) => f.item) }, people };
}
