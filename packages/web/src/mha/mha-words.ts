import type { LegalStatusEntry } from '../api/types.ts';
import { formatDate } from '../format/dates.ts';
// By path, not the domain's index: only the Act's rules and the calendar, not the validators, go into the app.
import { ctoEventKinds, type CtoEvent } from '../../../domain/src/mha/cto-events.ts';
import { periodEnd } from '../../../domain/src/mha/act-periods.ts';
import { mhaRules } from '../../../domain/src/mha/mha-rules.ts';
import { isoDay, londonDay } from '../../../domain/src/engagement/london-calendar.ts';

/** One event on a CTO in words: "Renewed on 20 May 2026, to 1 December 2026". */
export function describeCtoEvent(event: CtoEvent): string {
  const what = `${ctoEventKinds[event.kind]} on ${formatDate(event.date)}`;
  return event.kind === 'renewal' && event.expires ? `${what}, to ${formatDate(event.expires)}` : what;
}

/** How long a detention lasts by the Act, and for a current one the day its first period ends (mha-rules.ts). */
export function sectionLasts(status: LegalStatusEntry): string | undefined {
  const rule = status.code === '02' || status.code === '03' ? mhaRules.detentions[status.code] : undefined;
  if (!rule) return undefined;
  const start = londonDay(status.start);
  const until = status.current && start !== undefined ? `; its first period ends on ${formatDate(isoDay(periodEnd(start, rule.lasts)))}` : '';
  return `Up to ${rule.lasts.says}${'renewals' in rule ? `, ${rule.renewals}` : ', not renewable'}${until}`;
}
