import { londonDay } from '../engagement/london-calendar.ts';

/** A recorded cover arrangement: while `absent` is away, `covering` holds their people. */
export interface CoverArrangement {
  id: string;
  teamId: string;
  absentPractitionerId: string;
  coveringPractitionerId: string;
  /** "YYYY-MM-DD", first day of cover. */
  from: string;
  /** "YYYY-MM-DD", last day of cover (inclusive). */
  to: string;
  reason?: string | null;
}

/** Whether cover applies on a day (both ends inclusive: cover "to Friday" covers Friday). */
export function coverAppliesOn(cover: CoverArrangement, asOf: string): boolean {
  return cover.from <= asOf && asOf <= cover.to;
}

/**
 * Who holds a key worker's people on a day. Cover can be chained (A away, covered by B, who is
 * also away and covered by C): the people go to the first worker in the chain who is not away, so
 * nobody lands on the list of someone who is absent. A cycle (A covers B and B covers A) leaves
 * the people with their own key worker rather than losing them.
 */
export function whoHolds(keyWorker: string, teamId: string | null | undefined, covers: readonly CoverArrangement[], asOf: string): { holder: string; cover: CoverArrangement | null } {
  const today = covers.filter((c) => coverAppliesOn(c, asOf) && (teamId == null || c.teamId === teamId));
  let holder = keyWorker;
  let first: CoverArrangement | null = null;
  const seen = new Set([keyWorker]);
  for (;;) {
    // The latest recorded arrangement wins when two overlap for the same absence.
    const next = today.filter((c) => c.absentPractitionerId === holder).sort(latestRecordedFirst)[0];
    if (!next) break;
    if (seen.has(next.coveringPractitionerId)) return { holder: keyWorker, cover: null };
    seen.add(next.coveringPractitionerId);
    first ??= next;
    holder = next.coveringPractitionerId;
  }
  return { holder, cover: first };
}

/** Later-recorded cover first. Ids are stored as increasing integers: compare them as numbers, so 10 follows 9. */
export function latestRecordedFirst(a: CoverArrangement, b: CoverArrangement): number {
  const [x, y] = [Number(a.id), Number(b.id)];
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return y - x;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Checks a cover period: real dates, `from` not after `to`. Returns a message, or null when fine. */
export function coverPeriodProblem(from: string, to: string): string | null {
  if (londonDay(from) === undefined || londonDay(to) === undefined) return 'from and to must be dates (YYYY-MM-DD)';
  if (from > to) return 'cover must end on or after the day it starts';
  return null;
}
