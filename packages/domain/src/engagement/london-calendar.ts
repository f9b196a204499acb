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

/** The bounds of the year of the instant last asked about, and of its summer time. */
let lastYear = { from: NaN, to: NaN, start: NaN, end: NaN };

/** Offset of UK time from UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
function londonOffset(ms: number): number {
  // Instants read one after another mostly fall in the same year as the one before, so its bounds are kept.
  if (!(ms >= lastYear.from && ms < lastYear.to)) {
    const year = yearOfDay(Math.floor(ms / DAY_MS));
    const [start, end] = summerTimeOf(year);
    lastYear = { from: daysFromCivil(year, 1, 1) * DAY_MS, to: daysFromCivil(year + 1, 1, 1) * DAY_MS, start, end };
  }
  return ms >= lastYear.start && ms < lastYear.end ? 3_600_000 : 0;
}

/** Days from 1970-01-01 to a day of the (proleptic Gregorian) calendar; month 1-12. Arithmetic, so no Date is made per record. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The year, month (1-12) and day of the month of a day number: the inverse of daysFromCivil. */
function civilOfDay(day: number): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth: dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1 };
}

function yearOfDay(day: number): number {
  return civilOfDay(day).year;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since 1970 of a FHIR dateTime, as Date.parse gives them: the board judges every
 * person on many days, and Date.parse was a large part of its time. Only the regular form is read
 * here ("2026-06-30T14:30[:00[.123]]" with "Z" or "+01:00", every field in range); anything else
 * goes to Date.parse, so the answer is Date.parse's whatever the input (property-tested).
 */
function parseInstant(value: string): number {
  const n = value.length;
  if (n < 17 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58) return Date.parse(value);
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return Date.parse(value);
  if (day > daysInMonth(year, month)) return Date.parse(value);
  let at = 16;
  let second = 0;
  let fraction = 0;
  if (value.charCodeAt(at) === 58) {
    second = digits(value, at + 1, 2);
    if (second < 0 || second > 59) return Date.parse(value);
    at += 3;
    if (value.charCodeAt(at) === 46) {
      // Date.parse keeps milliseconds: the first three digits, the rest cut off.
      let count = 0;
      at += 1;
      while (at < n && isDigit(value.charCodeAt(at))) {
        if (count < 3) fraction = fraction * 10 + (value.charCodeAt(at) - 48);
        count += 1;
        at += 1;
      }
      if (count === 0) return Date.parse(value);
      for (let k = count; k < 3; k += 1) fraction *= 10;
    }
  }
  let offset = 0;
  const zone = value.charCodeAt(at);
  if (zone === 90 && at + 1 === n) offset = 0;
  else if ((zone === 43 || zone === 45) && at + 6 === n && value.charCodeAt(at + 3) === 58) {
    const hours = digits(value, at + 1, 2);
    const minutes = digits(value, at + 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Date.parse(value);
    offset = (zone === 43 ? 1 : -1) * (hours * 3_600_000 + minutes * 60_000);
  } else return Date.parse(value);
  return daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction - offset;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written by `count` decimal digits from `at`, or -1 if any is not a digit. */
function digits(value: string, at: number, count: number): number {
  let found = 0;
  for (let k = at; k < at + count; k += 1) {
    const code = value.charCodeAt(k);
    if (!isDigit(code)) return -1;
    found = found * 10 + (code - 48);
  }
  return found;
}

/** The calendar day in England of a FHIR date ("2025", "2025-03", "2025-03-12") or dateTime; undefined if unreadable. */
export function londonDay(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (value.length <= 10) {
    // A date without a time is already a calendar day; a partial date means its first day. A whole
    // date in range is counted directly; anything else (few distinct values, each read many times)
    // is worked out once, as Date.UTC reads it.
    if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
      const year = digits(value, 0, 4);
      const month = digits(value, 5, 2);
      const dayOfMonth = digits(value, 8, 2);
      // Date.UTC reads years 0-99 as 1900-1999, so those go the long way.
      if (year >= 100 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month)) return daysFromCivil(year, month, dayOfMonth);
    }
    const known = dayOfDate.get(value);
    if (known !== undefined || dayOfDate.has(value)) return known;
    const [y, m, d] = value.split('-').map(Number);
    const ms = y ? Date.UTC(y, (m ?? 1) - 1, d ?? 1) : NaN;
    const day = Number.isNaN(ms) ? undefined : ms / DAY_MS;
    if (dayOfDate.size < MEMO_LIMIT) dayOfDate.set(value, day);
    return day;
  }
  const ms = parseInstant(value);
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
  const ms = parseInstant(value);
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
  // By arithmetic on the calendar, not through strings and Dates: rules look back from every day judged.
  const { year, month, dayOfMonth } = civilOfDay(day);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(dayOfMonth, daysInMonth(y, m)));
}

function daysInMonth(year: number, month: number): number {
  return DAYS_IN_MONTH[month - 1]! + (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0);
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
  const { year, month, dayOfMonth } = civilOfDay(day);
  const sameYear = year === civilOfDay(relativeTo).year;
  return `${dayOfMonth} ${MONTHS[month - 1]}${sameYear ? '' : ` ${year}`}`;
}

/** "1 day" / "41 days". */
export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}
