import { dueDay, medicineConcept, medicineGroups, monitoringRules, observationCodes, type MedicineCode, type MonitoringSchedule, type MonitoringTest } from '@continuity/domain';
import { writeObservation } from '../clinical/observations.ts';
import type { PersonContext } from '../person-context.ts';

/** The rules whose schedules are met by results (the reviews are written in reviews.ts). */
const resultRules = [monitoringRules.lithiumLevel, monitoringRules.lithiumRenalThyroid, monitoringRules.clozapineBloodCount, monitoringRules.antipsychoticMonitoring];

/** The test written for a schedule: the first of its result codes the synthetic population knows. */
function testFor(schedule: MonitoringSchedule): MonitoringTest {
  for (const kind of schedule.results) {
    for (const code of kind.codes) {
      const known = observationCodes.find((o) => o.loinc === code.code);
      if (known) return known.test;
    }
  }
  throw new Error(`no synthetic test for ${schedule.name}`);
}

/**
 * Results of the monitoring each medicine needs, on the schedules of the monitoring rules
 * (lithium levels, renal and thyroid function, clozapine blood counts by phase, antipsychotic
 * physical checks at baseline, 12 weeks, a year and yearly), over the last fifteen months. Most
 * people are tested on or a few days before each due day; some missed the last one or two (their
 * monitoring is overdue), and some have no results at all: the monitoring-overdue worklist's cases.
 */
export function writeMonitoring(ctx: PersonContext, medicine: MedicineCode, authoredDay: number, stopDay: number | undefined): void {
  const { p, rnd, cal } = ctx;
  const compliance = rnd.weighted(p.engagement === 'disengaging' ? { onTime: 20, late: 50, missing: 30 } : { onTime: 68, late: 24, missing: 8 });
  if (compliance === 'missing') return;
  const groups = medicineGroups(medicineConcept(medicine).coding);
  const until = Math.min(stopDay ?? cal.asOf, cal.asOf);
  const from = cal.ago(450);
  for (const rule of resultRules) {
    if (!rule.medicines.some((m) => groups.has(m))) continue;
    for (const schedule of rule.schedules as readonly MonitoringSchedule[]) {
      const days: number[] = [];
      let last: number | undefined;
      for (;;) {
        const due = dueDay(schedule, authoredDay, last).day;
        if (due > until) break;
        // A few days early at most, and never on or before the last test, so each one meets its due day.
        last = due - rnd.int(0, Math.min(5, last === undefined ? 5 : Math.floor((due - last) / 3)));
        days.push(last);
      }
      if (compliance === 'late') days.splice(Math.max(0, days.length - rnd.int(1, 2)));
      const test = testFor(schedule);
      for (const day of days) {
        if (day >= from && day >= p.birthDay + 18 * 366) writeObservation(ctx, test, day);
      }
    }
  }
}
