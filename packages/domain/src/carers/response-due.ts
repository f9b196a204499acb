import { carerConcernRules } from './carer-concern-rules.ts';

const HOUR_MS = 3_600_000;

/** Where a concern stands at an instant: when its response is (or was) due, and whether that has passed. */
export interface ConcernTiming {
  /** The instant the response is due, ISO. */
  dueAt: string;
  /** Past the due instant with no response: a response exactly at the due instant is in time. */
  overdue: boolean;
  /** Whole hours from receipt to `at` (never negative). */
  hoursSince: number;
  /** Whole hours from `at` to the due instant: negative once overdue. */
  hoursToDue: number;
}

/**
 * When the response to a concern received at `receivedAt` (a FHIR dateTime) is due, and where it
 * stands at `at`: `hours` after receipt (carer-concern-rules.ts, or the installation's setting).
 */
export function concernTiming(receivedAt: string, at: Date, hours: number = carerConcernRules.unanswered.responseWithinHours): ConcernTiming {
  const received = Date.parse(receivedAt);
  if (Number.isNaN(received)) throw new Error(`a concern's received time must be a dateTime, not "${receivedAt}"`);
  const due = received + hours * HOUR_MS;
  const now = at.getTime();
  return {
    dueAt: new Date(due).toISOString(),
    overdue: now > due,
    hoursSince: Math.max(0, Math.floor((now - received) / HOUR_MS)),
    hoursToDue: Math.trunc((due - now) / HOUR_MS),
  };
}

/** "3 hours", "2 days 5 hours", "4 days": how long, as a clinician reads it on a list. */
export function hoursInWords(hours: number): string {
  const h = Math.abs(hours);
  const d = Math.floor(h / 24);
  const rest = h % 24;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (d === 0) return part(rest, 'hour');
  return rest === 0 ? part(d, 'day') : `${part(d, 'day')} ${part(rest, 'hour')}`;
}
