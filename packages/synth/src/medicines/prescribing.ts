import { intramuscularRoute, medicationStatusReasons, medicineConcept, system } from '@continuity/domain';
import { coding, concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { writeInjections } from './injections.ts';
import { writeMedicationReviews, writePregnancyPreventionReviews } from './reviews.ts';
import { writeMonitoring } from './monitoring.ts';
import type { WrittenPrescription } from './shared-care.ts';
import { chooseRegimen, doses } from './regimens.ts';

/**
 * Prescriptions for people on an open caseload (MedicationRequest), the person's own account of
 * taking them (MedicationStatement) including some who stopped against advice, long-acting
 * injections given, and the blood tests and checks each medicine needs.
 */
export function writeMedicines(ctx: PersonContext): { onMedicines: number; prescriptions: WrittenPrescription[] } {
  const { p, rnd, cal } = ctx;
  if (p.stage !== 'open' || p.episodeStart === undefined) return { onMedicines: 0, prescriptions: [] };
  const regimen = chooseRegimen(p, rnd);
  const prescriptions: WrittenPrescription[] = [];
  for (const medicine of regimen) {
    const authoredDay = Math.max(p.episodeStart, cal.ago(rnd.int(14, 400)));
    const requestId = ctx.nextId('med');
    prescriptions.push({ id: requestId, medicine, authoredDay });
    const dose = doses[medicine.key]!;
    const injection = medicine.class === 'long-acting-injection';
    ctx.emit({
      resourceType: 'MedicationRequest',
      id: requestId,
      status: 'active',
      intent: 'order',
      category: [concept('http://terminology.hl7.org/CodeSystem/medicationrequest-category', 'community', 'Community')],
      medicationCodeableConcept: medicineConcept(medicine),
      subject: ctx.patient,
      authoredOn: cal.date(authoredDay),
      requester: ref('Practitioner', p.prescriber.id),
      courseOfTherapyType: concept('http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', 'continuous', 'Continuous long term therapy'),
      dosageInstruction: [{
        text: dose.text,
        ...(injection
          ? { route: { coding: [intramuscularRoute] }, timing: { repeat: { frequency: 1, period: medicine.injectionIntervalDays, periodUnit: 'd' } } }
          : { route: { coding: [coding(system.snomed, '26643006', 'Oral route')] } }),
        doseAndRate: [{ doseQuantity: { value: dose.dose, unit: dose.unit, system: 'http://unitsofmeasure.org', code: dose.unit } }],
      }],
    });

    const stoppedAgainstAdvice = rnd.chance(p.engagement === 'disengaging' ? 0.35 : 0.05);
    const stopDay = stoppedAgainstAdvice ? Math.max(authoredDay + 7, cal.ago(rnd.int(10, 150))) : undefined;
    if (stopDay !== undefined && stopDay < cal.asOf) {
      ctx.emit({
        resourceType: 'MedicationStatement',
        id: ctx.nextId('medstmt'),
        basedOn: [ref('MedicationRequest', requestId)],
        status: 'stopped',
        statusReason: [concept(system.medicationStatusReason, 'stopped-against-advice', medicationStatusReasons['stopped-against-advice'], rnd.pick([
          'Stopped taking it: says he/she no longer needs it', 'Stopped because of weight gain; did not want to discuss alternatives', 'Stopped; feels it dulls feelings', 'Stopped after running out; did not collect the prescription',
        ]))],
        medicationCodeableConcept: medicineConcept(medicine),
        subject: ctx.patient,
        effectivePeriod: { start: cal.date(authoredDay), end: cal.date(stopDay) },
        dateAsserted: cal.date(Math.min(cal.asOf, stopDay + rnd.int(0, 21))),
        informationSource: ctx.patient,
      });
    } else if (rnd.chance(0.3)) {
      ctx.emit({
        resourceType: 'MedicationStatement',
        id: ctx.nextId('medstmt'),
        basedOn: [ref('MedicationRequest', requestId)],
        status: 'active',
        medicationCodeableConcept: medicineConcept(medicine),
        subject: ctx.patient,
        effectivePeriod: { start: cal.date(authoredDay) },
        dateAsserted: cal.date(Math.max(authoredDay, cal.ago(rnd.int(1, 120)))),
        informationSource: ctx.patient,
        note: [{ text: rnd.pick(['Taking as prescribed', 'Occasionally misses evening dose', 'Taking as prescribed; some sedation']) }],
      });
    }
    if (injection) writeInjections(ctx, medicine, requestId, authoredDay, stopDay);
    writeMonitoring(ctx, medicine, authoredDay, stopDay);
    if (medicine.class === 'valproate') writePregnancyPreventionReviews(ctx, authoredDay);
  }
  if (regimen.length > 0) writeMedicationReviews(ctx);
  return { onMedicines: regimen.length, prescriptions };
}
