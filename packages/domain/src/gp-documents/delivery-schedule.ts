import { gpSummaryRules } from './gp-summary-rules.ts';

/** When a document that has failed `attempts` times is tried again; undefined when the retries are used up (gp-summary-rules.ts delivery). */
export function nextDeliveryAttempt(attempts: number, now: Date): Date | undefined {
  const wait = gpSummaryRules.delivery.retryAfterMinutes[attempts - 1];
  return wait === undefined ? undefined : new Date(now.getTime() + wait * 60_000);
}
