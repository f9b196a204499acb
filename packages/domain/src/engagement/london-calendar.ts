/**
 * Calendar days in England. Engagement rules count whole days as clinicians do ("seen 8 days ago"),
 * and a contact at 00:30 BST on 1 June happened on 1 June in England even though it is 31 May in UTC.
 * Days are numbers (days since 1970-01-01) so counting is subtraction. British Summer Time is worked
 * out here rather than with Intl, because the worklist converts millions of dates.
 */

const DAY_MS = 86_400_000;

/** Two centuries of days: enough for every date a record holds, bounded whatever the input. */
const MEMO_LIMIT = 73_000;
const dayOfDate = new Map<string, number | undefined>();
const isoOfDay = new Map<number, string>();

/** Last Sunday of a month at 01:00 UTC: when British Summer Time starts (March) and ends (October). */
function lastSundayOneAmUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY_MS + 3_600_000;
}

const summerTime = new Map<number, [number, number]>();
function summerTimeOf(year: number): [number, number] {
  let range = summerTime.get(year);
  if (!range) {
    range = [lastSundayOneAmUtc(year, 2), lastSundayOneAmUtc(year, 9)];
    summerTime.set(year, range);
  }
  return range;
}

/** Offset of UK time from UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
function londonOffset(ms: number): number {
  const [start, end] = summerTimeOf(new Date(ms).getUTCFullYear());
  return ms >= start && ms < end ? 3_600_000 : 0;
}

/** The calendar day in England of a FHIR date ("2025", "2025-03", "2025-03-12") or dateTime; undefined if unreadable. */
export function londonDay(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (value.length <= 10) {
    // A date without a time is already a calendar day; a partial date means its first day. There
    // are few distinct dates and the worklist reads each many times, so each is worked out once.
    if (dayOfDate.has(value)) return dayOfDate.get(value);
    const [y, m, d] = value.split('-').map(Number);
    const ms = y ? Date.UTC(y, (m ?? 1) - 1, d ?? 1) : NaN;
    const day = Number.isNaN(ms) ? undefined : ms / DAY_MS;
    if (dayOfDate.size < MEMO_LIMIT) dayOfDate.set(value, day);
    return day;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return Math.floor((ms + londonOffset(ms)) / DAY_MS);
}

/** An instant for ordering records within a day: dateTimes as sent, dates at the start of their day in England. */
export function instantOf(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (value.length <= 10) {
    const day = londonDay(value);
    if (day === undefined) return undefined;
    const utcMidnight = day * DAY_MS;
    return utcMidnight - londonOffset(utcMidnight);
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The first instant after a calendar day in England ends: records before it happened on or before that day. */
export function endOfLondonDay(day: number): Date {
  const nextMidnightUtc = (day + 1) * DAY_MS;
  return new Date(nextMidnightUtc - londonOffset(nextMidnightUtc));
}

/**
 * A day and a time of day as a clock in England showed them ("2026-06-30", "14:30"), as a FHIR
 * instant with the offset then in force: "2026-06-30T14:30:00+01:00". In the hour the clocks go
 * back, the earlier (summer time) reading is meant.
 */
export function londonDateTime(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const asIfUtc = Date.UTC(y!, m! - 1, d!, h!, min!);
  const summer = londonOffset(asIfUtc - 3_600_000) === 3_600_000;
  return `${day}T${time.slice(0, 5)}:00${summer ? '+01:00' : '+00:00'}`;
}

/** "YYYY-MM-DD" of a day number. */
export function isoDay(day: number): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoOfDay.size < MEMO_LIMIT) isoOfDay.set(day, iso);
  }
  return iso;
}

/**
 * The same day of the month some months before a day, or that month's last day when it has none
 * (24 months before 29 February 2028 is 28 February 2026; 3 months before 31 May is 28 February).
 * JavaScript's own month arithmetic would roll 31 February over into March instead.
 */
export function monthsBefore(day: number, months: number): number {
  const [y, m, d] = isoDay(day).split('-').map(Number) as [number, number, number];
  const lastOfMonth = Date.UTC(y, m - 1 - months + 1, 0) / DAY_MS;
  return Math.min(Date.UTC(y, m - 1 - months, d) / DAY_MS, lastOfMonth);
}

/**
 * The first day of a period of whole months ending on (and including) a day, as "YYYY-MM-DD": the
 * day after the same day that many months before (the quarter to 31 May starts on 1 March).
 */
export function firstDayOfMonthsTo(asOf: string, months: number): string {
  return isoDay(monthsBefore(londonDay(asOf)!, months) + 1);
}

/** Today in England, as "YYYY-MM-DD". */
export function londonToday(now: Date = new Date()): string {
  return isoDay(londonDay(now.toISOString())!);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as a busy clinician reads it: "20 May", with the year only when it is not the year of `relativeTo`. */
export function shortDate(day: number, relativeTo: number): string {
  const date = new Date(day * DAY_MS);
  const sameYear = date.getUTCFullYear() === new Date(relativeTo * DAY_MS).getUTCFullYear();
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${sameYear ? '' : ` ${date.getUTCFullYear()}`}`;
}

/** "1 day" / "41 days". */
export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
