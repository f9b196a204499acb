import { isoDay, londonDay, shortDate } from '../engagement/london-calendar.ts';
import { ctoLegalStatus, flagCategories, mhaLegalStatuses } from '../fhir/clinical-codes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { periodEnd } from './act-periods.ts';
import { mhaRules } from './mha-rules.ts';

/** What can happen to a CTO while it is in force (Mental Health Act 1983 s20A, s17E, s17F, s23). */
export const ctoEventKinds = {
  renewal: 'Renewed',
  recall: 'Recalled to hospital',
  revocation: 'Revoked: detained again under section 3',
  discharge: 'Discharged from the CTO',
} as const;
export type CtoEventKind = keyof typeof ctoEventKinds;

/** An event as a clinician records it, before it is checked. */
export interface CtoEventEntry {
  kind: CtoEventKind;
  /** The day it happened, in England, YYYY-MM-DD: the renewal was made, the person recalled... */
  date: string;
  /** For a renewal: the new last day of the order. */
  expires?: string;
}

/** An event as the record holds it (extension cto-event on the CTO Flag). */
export interface CtoEvent {
  kind: CtoEventKind;
  date: string;
  /** For a renewal: the expiry before it and after it. */
  previousExpiry?: string;
  expires?: string;
}

export interface CtoEventProblem {
  field: 'flag' | 'date' | 'expires';
  message: string;
}

export type CtoEventOutcome =
  | { ok: true; cto: AnyResource; detention?: AnyResource }
  | { ok: false; ended: true; problems: CtoEventProblem[] }
  | { ok: false; ended?: false; problems: CtoEventProblem[] };

type R = Record<string, any>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Records a renewal, a recall, a revocation or a discharge on a CTO Flag, as docs/fhir.md
 * describes: every event is an extension cto-event on the Flag; a renewal also moves review-due to
 * the new expiry; a revocation or a discharge ends the Flag (status inactive, period.end the day);
 * a revocation also starts a section 3 detention Flag (`detentionId`) that day, since the person is
 * detained again as if newly admitted (s17G). Only a CTO still in force can change (`ended` otherwise).
 * Each problem names its field.
 */
export function recordCtoEvent(flag: R, entry: CtoEventEntry, today: string, detentionId?: string): CtoEventOutcome {
  if (!isCto(flag)) return { ok: false, problems: [{ field: 'flag', message: 'is not a Community Treatment Order' }] };
  if (!mhaRules.currentStatuses.includes(flag.status) || flag.period?.end) {
    return { ok: false, ended: true, problems: [{ field: 'flag', message: 'has ended: only a CTO in force can be renewed, recalled, revoked or discharged' }] };
  }
  const start = londonDay(flag.period?.start);
  const expiry = londonDay(ctoExpiry(flag));
  const day = dayOf(entry.date);
  const problems: CtoEventProblem[] = [];
  const now = londonDay(today)!;
  if (day === undefined) problems.push({ field: 'date', message: 'must be a real date as YYYY-MM-DD' });
  else if (day > now) problems.push({ field: 'date', message: `must not be in the future (today is ${shortDate(now, now)})` });
  else if (start !== undefined && day < start) problems.push({ field: 'date', message: `must be on or after the day the CTO began (${shortDate(start, now)})` });
  else if (entry.kind !== 'discharge' && expiry !== undefined && day > expiry) {
    problems.push({ field: 'date', message: `must be on or before the day the CTO expired (${shortDate(expiry, now)}): after that it was no longer in force` });
  } else if (entry.kind === 'renewal' && expiry !== undefined && day < renewalWindowOpens(expiry)) {
    problems.push({ field: 'date', message: `must be in ${mhaRules.cto.renewalWindow.says} (from ${shortDate(renewalWindowOpens(expiry), now)})` });
  }

  let expires: number | undefined;
  if (entry.kind === 'renewal') {
    expires = dayOf(entry.expires);
    const longest = expiry !== undefined && start !== undefined ? renewedExpiry(start, expiry) : undefined;
    if (expires === undefined) problems.push({ field: 'expires', message: 'must be the new expiry date, a real date as YYYY-MM-DD' });
    else if (expiry !== undefined && expires <= expiry) problems.push({ field: 'expires', message: `must be after the current expiry date (${shortDate(expiry, now)})` });
    else if (longest !== undefined && expires > longest) problems.push({ field: 'expires', message: `must be no later than ${shortDate(longest, now)}: a renewal of this CTO lasts ${renewalLength(start!, expiry!).says}` });
    else if (expiry === undefined && day !== undefined && expires <= day) problems.push({ field: 'expires', message: 'must be after the day of the renewal' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const event: CtoEvent = { kind: entry.kind, date: entry.date, ...(entry.kind === 'renewal' ? { ...(expiry !== undefined ? { previousExpiry: isoDay(expiry) } : {}), expires: isoDay(expires!) } : {}) };
  const kept = ((flag.extension ?? []) as R[]).filter((e) => !(entry.kind === 'renewal' && e.url === extension.reviewDue));
  const ends = entry.kind === 'revocation' || entry.kind === 'discharge';
  const cto: AnyResource = {
    ...flag,
    resourceType: 'Flag',
    id: flag.id,
    status: ends ? 'inactive' : flag.status,
    period: ends ? { ...flag.period, end: entry.date } : flag.period,
    extension: [...kept, ...(entry.kind === 'renewal' ? [{ url: extension.reviewDue, valueDate: isoDay(expires!) }] : []), eventExtension(event)],
  } as AnyResource;
  if (entry.kind !== 'revocation') return { ok: true, cto };
  if (!detentionId) throw new Error('a revocation needs the id of the section 3 detention it starts');
  const detention = {
    resourceType: 'Flag',
    id: detentionId,
    status: 'active',
    category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status', display: flagCategories['mha-legal-status'] }] }],
    code: { coding: [{ system: system.mhaLegalStatus, code: '03', display: mhaLegalStatuses['03'] }], text: 'Detained: Section 3 (admission for treatment), after revocation of a Community Treatment Order' },
    subject: flag.subject,
    period: { start: entry.date },
  } as AnyResource;
  return { ok: true, cto, detention };
}

/** The events recorded on a CTO Flag, in the order they were recorded. */
export function ctoEvents(flag: R): CtoEvent[] {
  return ((flag.extension ?? []) as R[])
    .filter((e) => e.url === extension.ctoEvent)
    .map((e) => {
      const part = (url: string) => ((e.extension ?? []) as R[]).find((x) => x.url === url);
      const kind = part('type')?.valueCode as CtoEventKind;
      return { kind, date: part('date')?.valueDate, ...(part('previousExpiry') ? { previousExpiry: part('previousExpiry')!.valueDate } : {}), ...(part('expires') ? { expires: part('expires')!.valueDate } : {}) };
    })
    .filter((e): e is CtoEvent => e.kind in ctoEventKinds && typeof e.date === 'string');
}

/** The CTO's expiry date (extension review-due), as sent. */
export function ctoExpiry(flag: R): string | undefined {
  return ((flag.extension ?? []) as R[]).find((e) => e.url === extension.reviewDue)?.valueDate;
}

/** The latest a renewal of a CTO that began on `start` and now expires on `expiry` can run to (mha-rules.ts). */
export function renewedExpiry(start: number, expiry: number): number {
  return periodEnd(expiry + 1, renewalLength(start, expiry));
}

function renewalLength(start: number, expiry: number) {
  const firstPeriod = expiry < periodEnd(start, { months: mhaRules.cto.firstPeriodEndsBeforeMonths });
  return firstPeriod ? mhaRules.cto.firstRenewal : mhaRules.cto.laterRenewals;
}

/** The first day of the two months ending with the expiry day, in which a renewal may be made. */
export function renewalWindowOpens(expiry: number): number {
  const [y, m, d] = isoDay(expiry).split('-').map(Number) as [number, number, number];
  const months = mhaRules.cto.renewalWindow.months;
  const lastOfMonth = Date.UTC(y, m - 1 - months + 1, 0) / 86_400_000;
  const same = Math.min(d, new Date(lastOfMonth * 86_400_000).getUTCDate());
  return Date.UTC(y, m - 1 - months, same) / 86_400_000 + 1;
}

function isCto(flag: R): boolean {
  return flag?.resourceType === 'Flag' && ((flag.code?.coding ?? []) as R[]).some((c) => c.system === system.mhaLegalStatus && c.code === ctoLegalStatus);
}

function eventExtension(event: CtoEvent): R {
  return {
    url: extension.ctoEvent,
    extension: [
      { url: 'type', valueCode: event.kind },
      { url: 'date', valueDate: event.date },
      ...(event.previousExpiry ? [{ url: 'previousExpiry', valueDate: event.previousExpiry }] : []),
      ...(event.expires ? [{ url: 'expires', valueDate: event.expires }] : []),
    ],
  };
}

/** A whole real day as YYYY-MM-DD: the calendar gives the same day back (no 30 February). */
function dayOf(value: string | undefined): number | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const day = londonDay(value);
  return day !== undefined && isoDay(day) === value ? day : undefined;
}
