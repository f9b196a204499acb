/**
 * Dates as whole days since 1970-01-01 (UTC), relative to the as-of date the population is seen
 * from. Every generated date is `asOf - something`, so the same seed and as-of give the same bytes,
 * and nothing has happened after as-of (only booked appointments lie ahead).
 */
const MS_PER_DAY = 86_400_000;

export class Calendar {
  readonly asOf: number;
  private readonly dateCache = new Map<number, string>();

  constructor(asOf: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf must be YYYY-MM-DD, not "${asOf}"`);
    const ms = Date.parse(`${asOf}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== asOf) throw new Error(`asOf "${asOf}" is not a real date`);
    this.asOf = ms / MS_PER_DAY;
  }

  /** The day `days` before as-of. */
  ago(days: number): number {
    return this.asOf - Math.round(days);
  }

  date(day: number): string {
    let text = this.dateCache.get(day);
    if (text === undefined) {
      text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      if (this.dateCache.size < 100_000) this.dateCache.set(day, text);
    }
    return text;
  }

  /** A FHIR dateTime on a day at minutes past midnight, in UTC. */
  dateTime(day: number, minutes: number): string {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${this.date(day)}T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00Z`;
  }

  /** Year and month only, as FHIR allows for onsets remembered vaguely. */
  month(day: number): string {
    return this.date(day).slice(0, 7);
  }
}

export const DAYS_PER_YEAR = 365.25;
