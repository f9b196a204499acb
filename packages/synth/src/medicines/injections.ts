import { intramuscularRoute, medicineConcept, type MedicineCode } from '@continuity/domain';
import { ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { doses } from './regimens.ts';

/** Days past due before a missed injection counts as overdue (the lai-missed worklist reason). */
export const LAI_GRACE_DAYS = 7;

/**
 * Long-acting injections given (MedicationAdministration) over the last six months at the licensed
 * interval. Some people are overdue by more than a week; those who stopped against advice or are
 * disengaging are much more likely to be. A few were declined on the day (status not-done).
 */
export function writeInjections(ctx: PersonContext, medicine: MedicineCode, requestId: string, authoredDay: number, stopDay: number | undefined): void {
  const { p, rnd, cal } = ctx;
  const interval = medicine.injectionIntervalDays!;
  const overdue = stopDay !== undefined || rnd.chance(p.engagement === 'disengaging' ? 0.7 : 0.12);
  const lastDue = overdue
    ? Math.min(stopDay ?? cal.asOf, cal.asOf - interval - LAI_GRACE_DAYS - rnd.int(1, 45))
    : cal.asOf - rnd.int(0, interval - 1);
  const dose = doses[medicine.key]!;
  // Walk back from the last injection so the interval pattern ends where this person's story does.
  const days: number[] = [];
  for (let day = lastDue; day >= Math.max(authoredDay, cal.ago(183)); day -= interval + rnd.int(-2, 2)) days.push(day);
  days.reverse();
  for (const day of days) {
    const declined = rnd.chance(0.04);
    ctx.emit({
      resourceType: 'MedicationAdministration',
      id: ctx.nextId('admin'),
      status: declined ? 'not-done' : 'completed',
      ...(declined ? { statusReason: [{ text: 'Declined the injection on the day' }] } : {}),
      medicationCodeableConcept: medicineConcept(medicine),
      subject: ctx.patient,
      effectiveDateTime: cal.dateTime(day, rnd.int(18, 32) * 30),
      performer: [{ actor: ref('Practitioner', rnd.chance(0.7) ? p.keyWorker.id : p.prescriber.id) }],
      request: ref('MedicationRequest', requestId),
      dosage: { route: { coding: [intramuscularRoute] }, dose: { value: dose.dose, unit: dose.unit, system: 'http://unitsofmeasure.org', code: dose.unit } },
    });
  }
}
