import type { WorklistReason } from '../engagement/engagement-facts.ts';
import { days, londonDay, shortDate } from '../engagement/london-calendar.ts';
import { ctoLegalStatus } from '../fhir/clinical-codes.ts';
import type { LegalStatusFact, MhaFacts } from './mha-facts.ts';
import { mhaReasonOrder, mhaRules } from './mha-rules.ts';

export interface MhaFinding {
  personId: string;
  /** Empty when no deadline is due or passed. */
  reasons: WorklistReason[];
  /** The earliest expiry day among the reasons: the list's order (longest expired first, then soonest due). */
  soonestExpiry: number;
}

/**
 * The Mental Health Act deadlines of one person as of the end of a day ("YYYY-MM-DD" in England),
 * by the rules in mha-rules.ts: each current CTO whose expiry date is within the next 28 days
 * (`cto-expiry-due`) or has passed with the order still recorded as current (`cto-expired-unrenewed`),
 * citing its Flag. A CTO is current when its Flag is active, began on or before the day and has not
 * ended by it. Detentions, ended CTOs, CTOs with no expiry date, and people who had died by the day
 * have no reasons.
 */
export function evaluateMhaDeadlines(facts: MhaFacts, asOfDate: string): MhaFinding {
  const asOf = londonDay(asOfDate);
  if (asOf === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  const none: MhaFinding = { personId: facts.personId, reasons: [], soonestExpiry: Number.MAX_SAFE_INTEGER };
  const died = londonDay(facts.deceasedAt);
  if (died !== undefined && died <= asOf) return none;

  const found: Array<{ code: (typeof mhaReasonOrder)[number]; expiry: number; reason: WorklistReason }> = [];
  for (const cto of facts.legalStatuses) {
    if (!isCurrentCto(cto, asOf)) continue;
    const expiry = londonDay(cto.expires);
    if (expiry === undefined) continue;
    const start = londonDay(cto.start)!;
    const since = `on a CTO since ${shortDate(start, asOf)}`;
    if (expiry < asOf) {
      const code = mhaRules.ctoExpiredUnrenewed.code;
      const text = `Community Treatment Order expired on ${shortDate(expiry, asOf)}, ${days(asOf - expiry)} ago, with no renewal recorded and the order still recorded as current (${since}).`;
      found.push({ code, expiry, reason: { code, text, evidence: [`Flag/${cto.id}`] } });
    } else if (expiry - asOf <= mhaRules.ctoExpiryDue.withinDays) {
      const code = mhaRules.ctoExpiryDue.code;
      const when = expiry === asOf ? 'today' : expiry === asOf + 1 ? 'tomorrow' : `in ${days(expiry - asOf)}`;
      const text = `Community Treatment Order expires ${when}, on ${shortDate(expiry, asOf)}, unless renewed (${since}).`;
      found.push({ code, expiry, reason: { code, text, evidence: [`Flag/${cto.id}`] } });
    }
  }
  if (found.length === 0) return none;
  found.sort((a, b) => mhaReasonOrder.indexOf(a.code) - mhaReasonOrder.indexOf(b.code) || a.expiry - b.expiry);
  return { personId: facts.personId, reasons: found.map((f) => f.reason), soonestExpiry: Math.min(...found.map((f) => f.expiry)) };
}

/** A CTO in force on a day as the record now stands: active, begun on or before the day, not ended by it. */
export function isCurrentCto(status: LegalStatusFact, day: number): boolean {
  if (status.code !== ctoLegalStatus || !mhaRules.currentStatuses.includes(status.status)) return false;
  const start = londonDay(status.start);
  if (start === undefined || start > day) return false;
  const end = londonDay(status.end);
  return end === undefined || end > day;
}

/** The order of the mha-deadlines worklist: the longest expired first, then the soonest due, then person id. */
export function compareMhaFindings(a: MhaFinding, b: MhaFinding): number {
  return a.soonestExpiry - b.soonestExpiry || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}
