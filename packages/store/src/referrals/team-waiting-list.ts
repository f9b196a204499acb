import { isoDay, waitingRules } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import type { Database } from '../schema.ts';
import { scopeDay } from '../worklists/worklist-scope.ts';
import { runningWaits } from './waiting-worklist.ts';

/** One person waiting for a team: when the clock started, what has happened since, and how long it has run. */
export interface WaitingListEntry {
  personId: string;
  name: string | null;
  nhsNumber: string | null;
  referralId: string;
  referredOn: string;
  waitedDays: number;
  overStandard: boolean;
  firstContact: string | null;
  lastCheckIn: string | null;
}

/**
 * Everyone waiting for a team on a day (issue 7 part 1: the waiting list per team), not only those
 * past four weeks: the clock start, the first contact if there was one, the last check-in, and the
 * days waited, longest first. The clock stops at a second contact or an agreed plan, so nobody
 * listed has had either.
 */
export async function teamWaitingList(db: Kysely<Database>, teamId: string, options: { asOf?: string } = {}): Promise<{ asOf: string; entries: WaitingListEntry[] }> {
  const { asOf, day } = scopeDay(options.asOf);
  const running = await runningWaits(db, { day, teams: [teamId] });
  const labels = await personLabels(db, running.map((r) => r.personId));
  const entries = running
    .flatMap(({ personId, waits }) =>
      waits.map((w) => ({
        personId,
        name: labels.get(personId)?.name ?? null,
        nhsNumber: labels.get(personId)?.nhsNumber ?? null,
        referralId: w.referralId,
        referredOn: isoDay(w.clockStart),
        waitedDays: w.waitedDays,
        overStandard: w.waitedDays > waitingRules.standardDays,
        firstContact: w.firstContact ? isoDay(w.firstContact.day) : null,
        lastCheckIn: w.lastCheckIn ? isoDay(w.lastCheckIn.day) : null,
      })),
    )
    .sort((a, b) => b.waitedDays - a.waitedDays || (a.referralId < b.referralId ? -1 : 1));
  return { asOf, entries };
}
