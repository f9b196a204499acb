import type { WorklistReason } from '../engagement/engagement-facts.ts';
import { days, shortDate } from '../engagement/london-calendar.ts';
import type { ReferralWait } from './referral-wait.ts';
import { waitingRules } from './waiting-rules.ts';

/**
 * waiting-over-4-weeks: a referral whose clock is still running more than 28 days after it started,
 * with what has happened since (first contact, the last check-in) and the records that show it.
 */
export function waitingReason(waits: readonly ReferralWait[], asOf: number, teamName: (id: string | null) => string): WorklistReason | undefined {
  const over = waits.filter((w) => w.clockStop === null && w.waitedDays > waitingRules.standardDays);
  if (over.length === 0) return undefined;
  return {
    code: 'waiting-over-4-weeks',
    text: over
      .map((w) => {
        const seen = w.firstContact ? `first seen ${shortDate(w.firstContact.day, asOf)}, no second contact or care plan yet` : 'not yet seen';
        const checked = w.lastCheckIn ? `; last check-in ${shortDate(w.lastCheckIn.day, asOf)}` : '; no check-in recorded';
        return `Waiting ${days(w.waitedDays)} since referral on ${shortDate(w.clockStart, asOf)} to ${teamName(w.teamId)} (${seen}${checked}).`;
      })
      .join(' '),
    evidence: over.flatMap((w) => [`ServiceRequest/${w.referralId}`, ...(w.firstContact ? [`Encounter/${w.firstContact.id}`] : []), ...(w.lastCheckIn ? [`Communication/${w.lastCheckIn.id}`] : [])]),
  };
}
