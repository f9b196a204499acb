import { latestRecordedFirst, londonToday, weightedCaseload, whoHolds, type CoverArrangement } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { disengagedWorklist } from '../engagement/disengaged-worklist.ts';
import { loadNames } from '../people/names.ts';
import type { Database } from '../schema.ts';
import { teamPractitionerIds } from './team-members.ts';
import { idOf, keyWorkersOf, loadCaseloadEpisodes } from './caseload-episodes.ts';
import { coversOn } from './cover-arrangements.ts';
import { personLabels } from './listed-people.ts';
import { unacknowledgedPartnerConcerns } from '../partners/partner-concerns.ts';

export interface KeyWorkerCaseload {
  practitionerId: string;
  name: string;
  /** People whose episode in this team names them as key worker. */
  allocated: { people: number; weighted: number };
  /** People they hold today: their own unless away, plus those they cover. */
  today: { people: number; weighted: number };
  /** Set when they are away today: who covers them, and until when. */
  away: { coveringPractitionerId: string; to: string } | null;
}

export interface TeamCaseload {
  asOf: string;
  teamId: string;
  keyWorkers: KeyWorkerCaseload[];
  /** Episodes the team holds with no key worker named: on nobody's caseload; those with a partner's concern to act on first. */
  unallocated: Array<{ personId: string; episodeId: string; partnerConcerns?: number }>;
  /**
   * People the team holds with concerns from partner agencies nobody has acknowledged yet, most
   * first: the same count My caseload marks (docs/partners-and-sharing.md), for the manager to see
   * across the team's key workers.
   */
  partnerConcerns: Array<{ personId: string; name: string | null; nhsNumber: string | null; keyWorkerIds: string[]; partnerConcerns: number }>;
  /** People the team holds on the day. */
  people: number;
}

/**
 * A team's caseload per key worker on a day: allocated and held today (after cover), each with its
 * weighted size. Key workers with a role in the team but nobody allocated are listed at zero.
 */
export async function teamCaseload(db: Kysely<Database>, teamId: string, options: { asOf?: string } = {}): Promise<TeamCaseload> {
  const asOf = options.asOf ?? londonToday();
  const [episodes, covers, disengaged, roles] = await Promise.all([
    loadCaseloadEpisodes(db, { asOf, teams: [teamId] }),
    coversOn(db, asOf, [teamId]),
    disengagedWorklist(db, { asOf, team: teamId }),
    teamPractitionerIds(db, teamId),
  ]);
  const reasonCount = new Map(disengaged.list.items.map((i) => [i.patient.id, i.reasons.length]));
  const weightOf = (list: typeof episodes) => ({ people: new Set(list.map((e) => e.personId)).size, weighted: weightedCaseload(list.map((e) => ({ intensity: e.intensity, disengagedReasons: reasonCount.get(e.personId) ?? 0 }))) });

  const allocated = episodes.filter((e) => e.keyWorkerId);
  const holderOf = new Map(allocated.map((e) => [e, whoHolds(e.keyWorkerId!, e.teamId, covers, asOf).holder]));
  const practitioners = new Set<string>([
    ...allocated.map((e) => e.keyWorkerId!),
    ...roles,
    ...covers.map((c) => c.coveringPractitionerId),
  ]);
  const names = await loadNames(db, [...practitioners].map((p) => `Practitioner/${p}`));
  const awayToday = (p: string): CoverArrangement | undefined => covers.filter((c) => c.absentPractitionerId === p).sort(latestRecordedFirst)[0];

  const keyWorkers = [...practitioners].map((p): KeyWorkerCaseload => {
    const away = awayToday(p);
    return {
      practitionerId: p,
      name: names.get(`Practitioner/${p}`) ?? p,
      allocated: weightOf(allocated.filter((e) => e.keyWorkerId === p)),
      today: weightOf(allocated.filter((e) => holderOf.get(e) === p)),
      away: away ? { coveringPractitionerId: away.coveringPractitionerId, to: away.to } : null,
    };
  });
  keyWorkers.sort((a, b) => a.name.localeCompare(b.name) || a.practitionerId.localeCompare(b.practitionerId));

  const held = [...new Set(episodes.map((e) => e.personId))];
  const concerns = await unacknowledgedPartnerConcerns(db, held);
  const labels = await personLabels(db, [...concerns.keys()]);
  const partnerConcerns = [...concerns]
    .map(([personId, count]) => ({
      personId,
      name: labels.get(personId)?.name ?? null,
      nhsNumber: labels.get(personId)?.nhsNumber ?? null,
      keyWorkerIds: keyWorkersOf(episodes, personId),
      partnerConcerns: count,
    }))
    .sort((a, b) => b.partnerConcerns - a.partnerConcerns || (a.name ?? '').localeCompare(b.name ?? '') || a.personId.localeCompare(b.personId));
  const unallocated = episodes
    .filter((e) => !e.keyWorkerId)
    .map((e) => ({ personId: e.personId, episodeId: e.episodeId, ...(concerns.has(e.personId) ? { partnerConcerns: concerns.get(e.personId)! } : {}) }))
    // Stable: those with a concern to act on move to the top, the rest keep their order.
    .sort((a, b) => (b.partnerConcerns ?? 0) - (a.partnerConcerns ?? 0));
  return { asOf, teamId, keyWorkers, unallocated, partnerConcerns, people: held.length };
}
