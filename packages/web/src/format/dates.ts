/** Dates as people in England write them: "12 March 2025". */

const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const londonDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const londonTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });

/** A FHIR date ("2025", "2025-03", "2025-03-12") or an instant, as words; "Not recorded" when missing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'Not recorded';
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return monthYear.format(new Date(`${value}-01T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayMonthYear.format(new Date(`${value}T00:00:00Z`));
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : londonDate.format(instant);
}

/** An instant with its time of day in UK time: "12 March 2025 at 14:05". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return 'Not recorded';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return `${londonDate.format(instant)} at ${londonTime.format(instant)}`;
}

/** The time of day in England now, "14:05": forms default to it for something that has just happened. */
export function londonTimeNow(now: Date = new Date()): string {
  return londonTime.format(now);
}

/** Whole years between a birth date and today (or a date of death). */
export function ageInYears(birthDate: string, on: Date = new Date()): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = on.getUTCFullYear() - year;
  const beforeBirthday = on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age >= 0 ? age : undefined;
}
