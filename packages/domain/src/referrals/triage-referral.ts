import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonDay, londonToday } from '../engagement/london-calendar.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { triageOutcomes, type TriageOutcome } from './waiting-rules.ts';

type R = Record<string, any>;

export interface TriageEntry {
  outcome: string;
  /** The day triage decided, in England. */
  date: string;
  /** Accepted: the team (Organization id) the person waits for. */
  teamId?: string | null;
  /** Signposted or declined: the named service the person is sent on to. */
  onwardService?: string | null;
  /** Declined: why, in words the referrer and the person can read. */
  reason?: string | null;
}

export interface TriageProblem {
  field: 'outcome' | 'date' | 'teamId' | 'onwardService' | 'reason' | 'status';
  message: string;
}

const TEXT_MAX = 500;

/**
 * Triage of a referral at the single point of access: accepted to a team (the referral's
 * performer; the clock keeps running from the referral day), signposted to a named onward service
 * (completed), or declined with a reason and an onward route (revoked). Never a bare rejection:
 * a decline without an onward route, or a signpost without a named service, is refused.
 */
export function triageReferral(referral: R, entry: TriageEntry, knownTeams: ReadonlySet<string>, now: Date = new Date()): { ok: true; resource: AnyResource } | { ok: false; problems: TriageProblem[] } {
  const problems: TriageProblem[] = [];
  if (referral.status !== 'active') problems.push({ field: 'status', message: `this referral is ${referral.status}: only a referral that is waiting can be triaged` });
  if (!Object.hasOwn(triageOutcomes, entry.outcome)) problems.push({ field: 'outcome', message: `must be one of: ${Object.keys(triageOutcomes).join(', ')}` });
  const dateProblem = enteredDayProblem(entry.date, londonToday(now), 'record triage once it is decided');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else if ((londonDay(entry.date) ?? 0) < (londonDay(referral.authoredOn) ?? 0)) problems.push({ field: 'date', message: 'must not be before the referral was made' });
  const onward = entry.onwardService?.trim() || undefined;
  const reason = entry.reason?.trim() || undefined;
  const outcome = entry.outcome as TriageOutcome;
  if (outcome === 'accepted' && (!entry.teamId || !knownTeams.has(entry.teamId))) problems.push({ field: 'teamId', message: 'is needed: choose the team the person is accepted to' });
  if ((outcome === 'signposted' || outcome === 'declined') && !onward) problems.push({ field: 'onwardService', message: 'is needed: name the service the person is sent on to (never a bare rejection)' });
  if (outcome === 'declined' && !reason) problems.push({ field: 'reason', message: 'is needed: say why the referral was declined' });
  if ((onward?.length ?? 0) > TEXT_MAX) problems.push({ field: 'onwardService', message: `must be at most ${TEXT_MAX} characters` });
  if ((reason?.length ?? 0) > TEXT_MAX) problems.push({ field: 'reason', message: `must be at most ${TEXT_MAX} characters` });
  if (problems.length > 0) return { ok: false, problems };

  const kept = ((referral.extension as R[] | undefined) ?? []).filter((x) => x.url !== extension.triageOutcome);
  const triage = {
    url: extension.triageOutcome,
    extension: [
      { url: 'outcome', valueCoding: { system: system.triageOutcome, code: outcome, display: triageOutcomes[outcome] } },
      { url: 'date', valueDate: entry.date },
      ...(onward ? [{ url: 'onwardService', valueString: onward }] : []),
      ...(reason ? [{ url: 'reason', valueString: reason }] : []),
    ],
  };
  const note = outcome === 'accepted' ? [] : [{ text: outcome === 'declined' ? `Declined: ${reason}. Onward route: ${onward}` : `Signposted to ${onward}` }];
  return {
    ok: true,
    resource: {
      ...referral,
      extension: [...kept, triage],
      status: outcome === 'accepted' ? 'active' : outcome === 'signposted' ? 'completed' : 'revoked',
      ...(outcome === 'accepted' ? { performer: [{ reference: `Organization/${entry.teamId}` }] } : {}),
      ...(note.length ? { note: [...((referral.note as R[] | undefined) ?? []), ...note] } : {}),
    } as unknown as AnyResource,
  };
}

/** The triage recorded on a referral, if any: the outcome and the day. */
export function triageOf(referral: R): { outcome: string; on: string | null } | null {
  const triage = ((referral.extension as R[] | undefined) ?? []).find((x) => x.url === extension.triageOutcome);
  if (!triage) return null;
  const part = (url: string) => (triage.extension as R[] | undefined)?.find((x) => x.url === url);
  return { outcome: part('outcome')?.valueCoding?.code ?? 'unknown', on: part('date')?.valueDate ?? null };
}
