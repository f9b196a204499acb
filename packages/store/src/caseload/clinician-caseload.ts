import { londonToday, weightedCaseload, whoHolds, type WorklistReason } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { disengagedWorklist } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { coveredBy, loadCaseloadEpisodes } from './caseload-episodes.ts';
import { contactSummaries, type ContactSummary } from './contact-summary.ts';
import { coversOn } from './cover-arrangements.ts';
import { personLabels } from './listed-people.ts';
import { pendingTransferMarks, type PendingTransferMark } from '../transfer/transfers-of-care.ts';
import { unacknowledgedPartnerConcerns } from '../partners/partner-concerns.ts';

export interface CaseloadPerson extends ContactSummary {
  patient: { id: string; nhsNumber: string | null };
  name: string | null;
  teamId: string;
  episodeId: string;
  intensity: string | null;
  /** Reasons the disengaged worklist gives today (empty when none). */
  reasons: WorklistReason[];
  /** Set when the person is here only because their key worker is away. */
  cover: { keyWorkerId: string; from: string; to: string; reason: string | null } | null;
  /** Present while a transfer of this episode waits for the receiving side: the person stays here until then. */
  transferPending?: PendingTransferMark;
  /** Present when partner agencies raised concerns nobody has acknowledged yet: how many (docs/partners-and-sharing.md). */
  partnerConcerns?: number;
}

export interface ClinicianCaseload {
  asOf: string;
  practitionerId: string;
  people: CaseloadPerson[];
  /** Weighted size (caseloadWeighting): workload, not risk. */
  weighted: number;
}

/**
 * A key worker's caseload on a day: the people whose episodes name them as key worker, except
 * while they are away (then those people are on the covering worker's list), plus the people they
 * cover that day. Each person appears once per episode held; nobody held with a key worker is on
 * no list, because cover only ever moves a person to someone else.
 */
export async function clinicianCaseload(db: Kysely<Database>, practitionerId: string, options: { asOf?: string } = {}): Promise<ClinicianCaseload> {
  const asOf = options.asOf ?? londonToday();
  const covers = await coversOn(db, asOf);
  const candidates = [practitionerId, ...coveredBy(practitionerId, covers)];
  const episodes = (await loadCaseloadEpisodes(db, { asOf, keyWorkers: candidates }))
    .map((e) => ({ episode: e, held: whoHolds(e.keyWorkerId!, e.teamId, covers, asOf) }))
    .filter((e) => e.held.holder === practitionerId);

  const teams = [...new Set(episodes.map((e) => e.episode.teamId))].sort();
  const personIds = [...new Set(episodes.map((e) => e.episode.personId))];
  const reasons = new Map<string, WorklistReason[]>();
  // Only this caseload's people are judged: the same rules as the team's list, without reading the whole team.
  if (teams.length) for (const item of (await disengagedWorklist(db, { asOf, teams, people: personIds })).list.items) reasons.set(item.patient.id, item.reasons);
  const [contacts, labels, transfers, concerns] = await Promise.all([contactSummaries(db, personIds, asOf), personLabels(db, personIds), pendingTransferMarks(db, personIds), unacknowledgedPartnerConcerns(db, personIds)]);

  const people: CaseloadPerson[] = episodes.map(({ episode, held }) => ({
    patient: { id: episode.personId, nhsNumber: labels.get(episode.personId)?.nhsNumber ?? null },
    name: labels.get(episode.personId)?.name ?? null,
    teamId: episode.teamId,
    episodeId: episode.episodeId,
    intensity: episode.intensity,
    ...contacts.get(episode.personId)!,
    reasons: reasons.get(episode.personId) ?? [],
    cover: held.cover ? { keyWorkerId: episode.keyWorkerId!, from: held.cover.from, to: held.cover.to, reason: held.cover.reason ?? null } : null,
    ...(transfers.has(`${episode.personId}/${episode.episodeId}`) ? { transferPending: transfers.get(`${episode.personId}/${episode.episodeId}`)! } : {}),
    ...(concerns.has(episode.personId) ? { partnerConcerns: concerns.get(episode.personId)! } : {}),
  }));
  // Those with reasons or a partner's concern to act on first (most first), then by name: the person needing attention is at the top.
  const toActOn = (p: CaseloadPerson) => p.reasons.length + (p.partnerConcerns ?? 0);
  people.sort((a, b) => toActOn(b) - toActOn(a) || (a.name ?? '').localeCompare(b.name ?? '') || a.patient.id.localeCompare(b.patient.id) || a.episodeId.localeCompare(b.episodeId));
  return { asOf, practitionerId, people, weighted: weightedCaseload(people.map((p) => ({ intensity: p.intensity, disengagedReasons: p.reasons.length }))) };
}
