import { londonDay } from '../engagement/london-calendar.ts';
import type { ReferralContactFact, WaitingReferralFact, ReferralFacts } from './referral-facts.ts';

/** One referral's wait as of a day: the clock, the contacts that stop it, and check-ins meanwhile. */
export interface ReferralWait {
  referralId: string;
  personId: string;
  teamId: string | null;
  clockStart: number;
  firstContact: { id: string; day: number } | null;
  secondContact: { id: string; day: number } | null;
  carePlanAgreed: { id: string; day: number } | null;
  /** The day the clock stopped, or null while the person is still waiting. */
  clockStop: { day: number; by: string } | null;
  /** Days from the clock start to its stop, or to the as-of day while waiting. */
  waitedDays: number;
  lastCheckIn: { id: string; day: number } | null;
}

/** Referrals that are waiting or were seen: not declined, signposted or cancelled, and not entered in error. */
const COUNTED = new Set(['active', 'completed', 'on-hold']);

/**
 * Every counted referral's wait as of a day (waiting-rules.ts): the clock starts on the referral
 * day and stops at the second attended contact with the team referred to on or after it, or when a
 * care plan is agreed after the referral if that is sooner. A contact counts for the referral when
 * it was for it (basedOn), or with its team (serviceProvider, or filed under an episode the team
 * holds). A referral still at the single point of access (no team) counts from its day too. A
 * referral completed without a second contact or a plan is left out: it is neither waiting nor seen.
 */
export function referralWaits(facts: ReferralFacts, asOf: number): ReferralWait[] {
  const waits: ReferralWait[] = [];
  for (const referral of facts.referrals) {
    if (!COUNTED.has(referral.status) || referral.triage?.outcome === 'declined' || referral.triage?.outcome === 'signposted') continue;
    const clockStart = londonDay(referral.authoredOn);
    if (clockStart === undefined || clockStart > asOf) continue;
    const contacts = facts.contacts
      .filter((c) => forReferral(c, referral, facts.episodeTeams))
      .map((c) => ({ id: c.id, day: londonDay(c.start) }))
      .filter((c): c is { id: string; day: number } => c.day !== undefined && c.day >= clockStart && c.day <= asOf)
      .sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1));
    const carePlan = facts.carePlans
      .filter((p) => !referral.teamId || !p.teamId || p.teamId === referral.teamId)
      .map((p) => ({ id: p.id, day: londonDay(p.agreed) }))
      .filter((p): p is { id: string; day: number } => p.day !== undefined && p.day >= clockStart && p.day <= asOf)
      .sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1))[0];
    const [first, second] = contacts;
    const stops = [second ? { day: second.day, by: `Encounter/${second.id}` } : undefined, carePlan ? { day: carePlan.day, by: `CarePlan/${carePlan.id}` } : undefined]
      .filter((s): s is { day: number; by: string } => s !== undefined)
      .sort((a, b) => a.day - b.day);
    const clockStop = stops[0] ?? null;
    // Closed without a second contact or a plan (seen once, then discharged): never reached care, and no longer waiting.
    if (!clockStop && referral.status === 'completed') continue;
    const checkIn = facts.checkIns
      .filter((c) => c.referralId === referral.id || (!c.referralId && (!referral.teamId || c.teamId === referral.teamId)))
      .map((c) => ({ id: c.id, day: londonDay(c.sent) }))
      .filter((c): c is { id: string; day: number } => c.day !== undefined && c.day >= clockStart && c.day <= (clockStop?.day ?? asOf))
      .sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1))
      .at(-1);
    waits.push({
      referralId: referral.id,
      personId: facts.personId,
      teamId: referral.teamId ?? null,
      clockStart,
      firstContact: first ?? null,
      secondContact: second ?? null,
      carePlanAgreed: carePlan ?? null,
      clockStop,
      waitedDays: (clockStop?.day ?? asOf) - clockStart,
      lastCheckIn: checkIn ?? null,
    });
  }
  return waits.sort((a, b) => a.clockStart - b.clockStart || (a.referralId < b.referralId ? -1 : 1));
}

/** A dated fact a referral's clock reads: a contact, a care plan or a check-in. */
type Dated = { id: string; day: number };

const byDayThenId = (a: Dated, b: Dated) => a.day - b.day || (a.id < b.id ? -1 : 1);

/** The last of some facts sorted by day that is on or before a day, if any. */
function lastOnOrBefore(sorted: readonly Dated[], day: number): Dated | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]!.day <= day) return sorted[i];
  return undefined;
}

/**
 * referralWaits as of each of some days, in their order, for a trend (the board's 12 months): each
 * date is read and each referral's contacts, plans and check-ins sorted once, not once a day. The
 * facts on or before a day are a prefix of the sorted facts, so the first and second contact and the
 * first plan as of a day are the first ones overall if they fall on or before it. Tested equal to
 * referralWaits day by day (packages/domain/test/referral-waits-on-days.test.ts).
 */
export function referralWaitsOnDays(facts: ReferralFacts, days: readonly number[]): ReferralWait[][] {
  const onDays: ReferralWait[][] = days.map(() => []);
  const contactDays = facts.contacts.map((c) => londonDay(c.start));
  const planDays = facts.carePlans.map((p) => londonDay(p.agreed));
  const checkInDays = facts.checkIns.map((c) => londonDay(c.sent));
  const referrals = facts.referrals
    .filter((r) => COUNTED.has(r.status) && r.triage?.outcome !== 'declined' && r.triage?.outcome !== 'signposted')
    .map((referral) => ({ referral, clockStart: londonDay(referral.authoredOn) }))
    .filter((r): r is { referral: WaitingReferralFact; clockStart: number } => r.clockStart !== undefined)
    .sort((a, b) => a.clockStart - b.clockStart || (a.referral.id < b.referral.id ? -1 : 1));
  for (const { referral, clockStart } of referrals) {
    const contacts: Dated[] = [];
    facts.contacts.forEach((c, i) => {
      const day = contactDays[i];
      if (day !== undefined && day >= clockStart && forReferral(c, referral, facts.episodeTeams)) contacts.push({ id: c.id, day });
    });
    const plans: Dated[] = [];
    facts.carePlans.forEach((p, i) => {
      const day = planDays[i];
      if (day !== undefined && day >= clockStart && (!referral.teamId || !p.teamId || p.teamId === referral.teamId)) plans.push({ id: p.id, day });
    });
    const checkIns: Dated[] = [];
    facts.checkIns.forEach((c, i) => {
      const day = checkInDays[i];
      if (day !== undefined && day >= clockStart && (c.referralId === referral.id || (!c.referralId && (!referral.teamId || c.teamId === referral.teamId)))) checkIns.push({ id: c.id, day });
    });
    contacts.sort(byDayThenId);
    checkIns.sort(byDayThenId);
    const plan = plans.sort(byDayThenId)[0];
    const [first, second] = contacts;
    const secondStop = second ? { day: second.day, by: `Encounter/${second.id}` } : undefined;
    const planStop = plan ? { day: plan.day, by: `CarePlan/${plan.id}` } : undefined;
    for (const [i, asOf] of days.entries()) {
      if (clockStart > asOf) continue;
      const secondContact = second && second.day <= asOf ? second : undefined;
      const carePlan = plan && plan.day <= asOf ? plan : undefined;
      // As in referralWaits, a second contact stops the clock before a plan agreed the same day.
      const clockStop = (secondContact && (!carePlan || secondStop!.day <= planStop!.day) ? secondStop : carePlan ? planStop : undefined) ?? null;
      if (!clockStop && referral.status === 'completed') continue;
      onDays[i]!.push({
        referralId: referral.id,
        personId: facts.personId,
        teamId: referral.teamId ?? null,
        clockStart,
        firstContact: first && first.day <= asOf ? first : null,
        secondContact: secondContact ?? null,
        carePlanAgreed: carePlan ?? null,
        clockStop,
        waitedDays: (clockStop?.day ?? asOf) - clockStart,
        lastCheckIn: lastOnOrBefore(checkIns, clockStop?.day ?? asOf) ?? null,
      });
    }
  }
  return onDays;
}

function forReferral(contact: ReferralContactFact, referral: WaitingReferralFact, episodeTeams: Record<string, string | null>): boolean {
  if (contact.referralIds.includes(referral.id)) return true;
  if (!referral.teamId) return false;
  return contact.teamId === referral.teamId || contact.episodeIds.some((e) => episodeTeams[e] === referral.teamId);
}
