import { attendedContacts } from './attended-contacts.ts';
import { checkContactInterval } from './contact-rule.ts';
import { disengagedSince } from './disengaged-since.ts';
import { checkConsecutiveDna } from './dna-rule.ts';
import type { EngagementFacts, WorklistReason } from './engagement-facts.ts';
import { reasonOrder } from './engagement-rules.ts';
import { checkInjections } from './injection-rule.ts';
import { isoDay, londonDay } from './london-calendar.ts';
import { checkStoppedMedicines } from './stopped-medicine-rule.ts';

export interface EngagementFinding {
  personId: string;
  /** Empty when the person is not disengaged by any rule. */
  reasons: WorklistReason[];
  /** Days since the last attended contact for people a team holds; null otherwise. */
  daysWithoutContact: number | null;
  /** "YYYY-MM-DD": the day the current disengagement began (disengaged-since.ts); null when not disengaged. */
  disengagedSince: string | null;
}

/**
 * Why a person may have lost contact with their care, as of the end of a day ("YYYY-MM-DD" in
 * England). Records dated after that day are ignored, so a past as-of date shows the list as it
 * stood then. People who had died by then are never listed.
 */
export function evaluateEngagement(facts: EngagementFacts, asOfDate: string): EngagementFinding {
  const asOf = londonDay(asOfDate);
  if (asOf === undefined) throw new Error(`as-of date ${asOfDate} is not a date`);
  const died = londonDay(facts.deceasedAt);
  if (died !== undefined && died <= asOf) return { personId: facts.personId, reasons: [], daysWithoutContact: null, disengagedSince: null };
  const contacts = attendedContacts(facts, asOf);
  const contact = checkContactInterval(facts, contacts, asOf);
  const reasons = [contact.reason, checkConsecutiveDna(facts, contacts, asOf), checkInjections(facts, asOf), checkStoppedMedicines(facts, asOf)]
    .filter((r): r is WorklistReason => r !== undefined)
    .sort((a, b) => reasonOrder.indexOf(a.code as never) - reasonOrder.indexOf(b.code as never));
  const since = reasons.length ? isoDay(disengagedSince(facts, reasons, contact.overdueFrom, asOf)) : null;
  return { personId: facts.personId, reasons, daysWithoutContact: contact.daysWithoutContact, disengagedSince: since };
}

/**
 * The order of the disengaged worklist: most reasons first (several signs together say more than
 * one), then longest without contact, then person id so the same data always gives the same list.
 */
export function compareFindings(a: EngagementFinding, b: EngagementFinding): number {
  return b.reasons.length - a.reasons.length || (b.daysWithoutContact ?? -1) - (a.daysWithoutContact ?? -1) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}
