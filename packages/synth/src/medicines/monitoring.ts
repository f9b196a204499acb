import { monitoringSchedules, type MedicineCode } from '@continuity/domain';
import { writeObservation } from '../clinical/observations.ts';
import type { PersonContext } from '../person-context.ts';

/** Tests the annual physical health check records; medicine monitoring does not repeat them. */
const COVERED_BY_PHYSICAL_HEALTH_CHECK = new Set(['weight', 'bmi', 'blood-pressure', 'hba1c', 'total-cholesterol']);

/**
 * Results of the monitoring each medicine needs (lithium levels, renal and thyroid function,
 * clozapine blood counts, prolactin, ECG), over the last fifteen months (six for clozapine's
 * four-weekly counts). Most people are monitored on time; some are late (the last test is older
 * than the interval allows), and some have no results at all: the monitoring-overdue worklist's cases.
 */
export function writeMonitoring(ctx: PersonContext, medicine: MedicineCode, authoredDay: number, stopDay: number | undefined): void {
  const { p, rnd, cal } = ctx;
  const compliance = rnd.weighted(p.engagement === 'disengaging' ? { onTime: 20, late: 50, missing: 30 } : { onTime: 68, late: 24, missing: 8 });
  if (compliance === 'missing') return;
  const until = stopDay ?? cal.asOf;
  for (const { test, everyDays } of monitoringSchedules[medicine.class]) {
    if (COVERED_BY_PHYSICAL_HEALTH_CHECK.has(test)) continue;
    const from = Math.max(authoredDay - 30, cal.ago(everyDays <= 28 ? 183 : 450));
    // Late: the last result is between 1.2 and 2 intervals old.
    const last = compliance === 'late'
      ? cal.asOf - Math.round(everyDays * (1.2 + rnd.float() * 0.8))
      : Math.min(until, cal.asOf) - rnd.int(0, Math.round(everyDays * 0.8));
    const step = compliance === 'late' ? Math.round(everyDays * 1.4) : everyDays;
    const days: number[] = [];
    for (let day = last; day >= from; day -= step + rnd.int(-3, 3)) days.push(day);
    for (let k = days.length - 1; k >= 0; k--) {
      if (days[k]! < p.birthDay + 18 * 366) continue;
      writeObservation(ctx, test, days[k]!);
    }
  }
}
