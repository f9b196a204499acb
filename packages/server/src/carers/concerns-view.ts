import { concernTiming } from '@continuity/domain';
import type { RecordedConcern } from '@continuity/store';

/** A concern as the record page shows it: open or answered, when its response is or was due, and whether the first response came late. */
export type ConcernView = RecordedConcern & { open: boolean; dueAt: string | null; overdue: boolean; answeredLate: boolean };

/**
 * A person's concerns with their due times (carer-concern-rules.ts, or the installation's hours):
 * open ones first, the earliest due first; then answered ones, the latest received first.
 */
export function concernsView(concerns: readonly RecordedConcern[], now: Date, hours: number): ConcernView[] {
  const views = concerns.map((c) => {
    const timing = c.receivedAt ? concernTiming(c.receivedAt, now, hours) : undefined;
    const open = c.responses.length === 0;
    const first = c.responses.map((r) => r.sentAt).filter((s): s is string => Boolean(s)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
    return {
      ...c,
      open,
      dueAt: timing?.dueAt ?? null,
      overdue: open && Boolean(timing?.overdue),
      answeredLate: !open && Boolean(timing && first && Date.parse(first) > Date.parse(timing.dueAt)),
    };
  });
  const at = (value: string | null) => (value ? Date.parse(value) : 0);
  return views.sort((a, b) => Number(b.open) - Number(a.open) || (a.open ? at(a.dueAt) - at(b.dueAt) : at(b.receivedAt) - at(a.receivedAt)) || (a.id < b.id ? -1 : 1));
}
