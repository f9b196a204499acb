import type { EpisodeFact, WorklistReason } from '../engagement/engagement-facts.ts';
import { days, londonDay, shortDate } from '../engagement/london-calendar.ts';
import { statusOn, type SharedCareAgreement } from './agreement.ts';
import { sharedCareReasonOrder, sharedCareRules } from './shared-care-rules.ts';

/**
 * What the shared care rules need to know about one person, read out of their FHIR records
 * (docs/fhir.md): their agreements, the prescriptions those agreements share, and the names of the
 * practices, for the reason text.
 */
export interface SharedCareFacts {
  personId: string;
  deceasedAt?: string | null;
  /** Episodes of care: which teams hold the person on the as-of day (for a team's list). */
  episodes: EpisodeFact[];
  agreements: SharedCareAgreement[];
  /** The MedicationRequests the agreements point at, with their status now. */
  prescriptions: Array<{ id: string; status: string }>;
  /** Organization id to name, for the practices. */
  practiceNames: Readonly<Record<string, string>>;
}

export interface SharedCareFinding {
  personId: string;
  /** Empty when nothing needs doing. */
  reasons: WorklistReason[];
  /** Days since the oldest declined or unanswered proposal was made or refused. */
  longestDays: number;
}

/**
 * Which of a person's shared care proposals were declined or have gone unanswered, as of the end
 * of a day in England (shared-care-rules.ts):
 * - `shared-care-declined`: an agreement declined by the day, its medicine still prescribed, and no
 *   other agreement for that prescription accepted on or after the day it was declined;
 * - `shared-care-unanswered`: an agreement still proposed at the end of the day, proposed more than
 *   `answerWithinDays` days before, its medicine still prescribed.
 * A medicine no longer prescribed needs no one to prescribe it. One reason per code, naming every
 * agreement concerned; the evidence is each agreement and its prescription. Changes dated after
 * the day are ignored; people who had died by then have no reasons.
 */
export function evaluateSharedCare(facts: SharedCareFacts, asOfDate: string): SharedCareFinding {
  const asOf = londonDay(asOfDate);
  if (asOf === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  const none: SharedCareFinding = { personId: facts.personId, reasons: [], longestDays: 0 };
  const died = londonDay(facts.deceasedAt);
  if (died !== undefined && died <= asOf) return none;

  const prescribed = new Set(facts.prescriptions.filter((p) => sharedCareRules.prescribedStatuses.includes(p.status)).map((p) => p.id));
  const practice = (a: SharedCareAgreement) => facts.practiceNames[a.practiceId] ?? 'The GP practice';
  const found: Record<string, Array<{ agreement: SharedCareAgreement; text: string; days: number }>> = {};
  const add = (code: string, agreement: SharedCareAgreement, text: string, since: number) => (found[code] ??= []).push({ agreement, text, days: asOf - since });

  const agreements = [...facts.agreements].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const agreement of agreements) {
    if (!prescribed.has(agreement.medicationRequestId)) continue;
    const now = statusOn(agreement, asOf);
    if (!now) continue;
    const proposed = [...agreement.history].reverse().find((c) => c.status === 'proposed' && londonDay(c.date)! <= asOf);
    const proposedSays = proposed ? ` (proposed ${shortDate(londonDay(proposed.date)!, asOf)})` : '';
    if (now.status === 'declined') {
      const acceptedSince = agreements.some(
        (other) => other !== agreement && other.medicationRequestId === agreement.medicationRequestId && other.history.some((c) => c.status === 'accepted' && londonDay(c.date)! >= now.day && londonDay(c.date)! <= asOf),
      );
      if (acceptedSince) continue;
      add(
        sharedCareRules.declined.code,
        agreement,
        `${practice(agreement)} declined shared care of ${agreement.medicine} on ${shortDate(now.day, asOf)}${proposedSays}; it is still prescribed and no later agreement has been accepted, so prescribing and monitoring stay with the specialist team.`,
        now.day,
      );
    } else if (now.status === 'proposed') {
      const waited = asOf - now.day;
      if (waited <= sharedCareRules.unanswered.answerWithinDays) continue;
      add(
        sharedCareRules.unanswered.code,
        agreement,
        `Shared care of ${agreement.medicine} proposed to ${practice(agreement)} on ${shortDate(now.day, asOf)}, ${days(waited)} ago, with no answer (expected within ${sharedCareRules.unanswered.answerWithinDays} days).`,
        now.day,
      );
    }
  }

  const reasons: WorklistReason[] = sharedCareReasonOrder
    .filter((code) => found[code])
    .map((code) => ({
      code,
      text: found[code]!.map((f) => f.text).join(' '),
      evidence: found[code]!.flatMap((f) => [`CarePlan/${f.agreement.id}`, `MedicationRequest/${f.agreement.medicationRequestId}`]).filter((e, i, all) => all.indexOf(e) === i),
    }));
  const longestDays = Math.max(0, ...Object.values(found).flat().map((f) => f.days));
  return { personId: facts.personId, reasons, longestDays };
}

/** The order of the shared-care worklist: longest waiting first, then person id, so the same data always gives the same list. */
export function compareSharedCareFindings(a: SharedCareFinding, b: SharedCareFinding): number {
  return b.longestDays - a.longestDays || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}
