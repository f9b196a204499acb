import { instantOf, londonDay, shortDate } from '../engagement/london-calendar.ts';
import { historyEvents, type HistoryEvent } from './history-events.ts';
import type { HistorySources } from './history-facts.ts';
import { HISTORY_SUMMARY_YEARS, historyKindOrder, historyKinds, type HistoryKind } from './history-rules.ts';

/** One kind of history at a glance: how many within the summary's years, and the line that says so. */
export interface HistorySummary {
  kind: HistoryKind;
  label: string;
  /** Within the last HISTORY_SUMMARY_YEARS years (or still going on then). */
  recent: number;
  /** On record at all. */
  total: number;
  summary: string;
}

export interface PersonHistory {
  /** The day the summaries count back from ("YYYY-MM-DD"). */
  asOf: string;
  years: number;
  summaries: HistorySummary[];
  /** Every event, newest first; undated last. */
  events: HistoryEvent[];
}

const DAY_MS = 86_400_000;

/** Newest first by when it happened, undated last, then by record, so the page reads the same every time. */
function newestFirst(a: HistoryEvent, b: HistoryEvent): number {
  const [x, y] = [instantOf(a.date), instantOf(b.date)];
  if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : y - x;
  return a.kind === b.kind ? (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0) : historyKindOrder.indexOf(a.kind) - historyKindOrder.indexOf(b.kind);
}

function yearsBefore(day: number, years: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate()) / DAY_MS;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const dayWords = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** What follows "the latest <date>" for each kind: the fact about the latest, or what is current now. */
function tail(kind: HistoryKind, latest: HistoryEvent, events: readonly HistoryEvent[], asOf: number): string {
  const since = (e: HistoryEvent) => (londonDay(e.date) === undefined ? '' : ` since ${shortDate(londonDay(e.date)!, asOf)}`);
  switch (kind) {
    case 'admission':
      return latest.ongoing ? ', still in hospital' : latest.days !== undefined ? ` for ${dayWords(latest.days)}` : '';
    case 'legal-status': {
      const now = events.filter((e) => e.ongoing);
      return now.length ? `; now: ${now.map((e) => `${e.title}${since(e)}`).join('; ')}` : '; none current';
    }
    case 'red-flag': {
      const active = events.filter((e) => e.ongoing).length;
      return active ? `; ${active} active` : '; none active';
    }
    case 'concern': {
      const unanswered = events.filter((e) => e.detail === 'not answered').length;
      return unanswered ? `; ${unanswered} not answered` : '';
    }
    case 'medicine': {
      const againstAdvice = events.filter((e) => e.reference.endsWith('#person-says')).length;
      return againstAdvice ? `; ${plural(againstAdvice, 'stop', 'stops')} against advice` : '';
    }
    case 'key-worker': {
      const now = [...new Set(events.filter((e) => e.ongoing && e.staff && e.reference.startsWith('EpisodeOfCare/')).map((e) => e.title))];
      return now.length ? `; now ${now.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join('; ')}` : '; none now';
    }
    default:
      return '';
  }
}

function summarise(kind: HistoryKind, all: readonly HistoryEvent[], asOf: number): HistorySummary {
  const words = historyKinds[kind];
  // Key workers are counted as people: an episode with no key worker named adds none.
  const events = kind === 'key-worker' ? all.filter((e) => e.staff) : all;
  const windowStart = yearsBefore(asOf, HISTORY_SUMMARY_YEARS);
  const inWindow = events.filter((e) => e.ongoing || (londonDay(e.end ?? e.date) ?? -Infinity) >= windowStart);
  // One key worker over three episodes and a care team is one key worker.
  const count = (list: readonly HistoryEvent[]) => (kind === 'key-worker' ? new Set(list.map((e) => e.staff)).size : list.length);
  const base = { kind, label: words.label, recent: count(inWindow), total: count(events) };
  if (events.length === 0) return { ...base, summary: 'None recorded' };
  const latestOf = (list: readonly HistoryEvent[]) => list.find((e) => londonDay(e.date) !== undefined) ?? list[0]!;
  const when = (e: HistoryEvent) => (londonDay(e.date) === undefined ? 'undated' : shortDate(londonDay(e.date)!, asOf));
  if (inWindow.length === 0) {
    const latest = latestOf(events);
    return { ...base, summary: `None in the last ${HISTORY_SUMMARY_YEARS} years; ${plural(base.total, words.one, words.many)} before, the latest ${when(latest)}` };
  }
  const latest = latestOf(inWindow);
  return { ...base, summary: `${plural(base.recent, words.one, words.many)} in the last ${HISTORY_SUMMARY_YEARS} years, the latest ${when(latest)}${tail(kind, latest, events, asOf)}` };
}

/**
 * A person's history across services on one page (issue 5 part 2, SPEC C3): admissions,
 * detentions and CTOs, crises, police contacts and other red flags, concerns from carers and
 * partners, medicines started and stopped, and their key workers over time, as one dated list,
 * newest first, with a line per kind summing it up. The summary counts; it never scores.
 */
export function personHistory(sources: HistorySources, asOf: string): PersonHistory {
  const asOfDay = londonDay(asOf)!;
  const events = historyEvents(sources).sort(newestFirst);
  return {
    asOf,
    years: HISTORY_SUMMARY_YEARS,
    summaries: historyKindOrder.map((kind) => summarise(kind, events.filter((e) => e.kind === kind), asOfDay)),
    events,
  };
}
