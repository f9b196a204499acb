import { contactModes, medicationReviewCode, monitoringRules, system } from '@continuity/domain';
import { coding, concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

/**
 * Medication reviews with the prescriber (an Encounter typed with SNOMED CT 182836005): most people
 * on long-term medicines had one in the last year, some only the year before, a few none on
 * record: the medication-review-overdue worklist's cases.
 */
export function writeMedicationReviews(ctx: PersonContext): void {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined) return;
  const recency = rnd.weighted(p.engagement === 'disengaging' ? { lastYear: 40, yearBefore: 35, never: 25 } : { lastYear: 72, yearBefore: 20, never: 8 });
  if (recency === 'never') return;
  const daysAgo = recency === 'lastYear' ? rnd.int(5, 360) : rnd.int(370, 700);
  const day = cal.ago(daysAgo);
  if (day < p.episodeStart) return;
  writeReview(ctx, day);
}

/**
 * The valproate Pregnancy Prevention Programme review (a medication review with the prescriber)
 * for a woman or girl who could become pregnant, as the monitoring rules define her: at starting
 * and every year since, though some are missed: the valproate-review-overdue worklist's cases.
 */
export function writePregnancyPreventionReviews(ctx: PersonContext, authoredDay: number): void {
  const { p, rnd, cal } = ctx;
  const { gender, fromAge, underAge } = monitoringRules.valproateReview.eligibility;
  if (p.sex !== gender || p.ageYears < fromAge || p.ageYears >= underAge) return;
  for (let due = authoredDay; due <= cal.asOf; due += 365) {
    const day = due + rnd.int(0, 14);
    if (day > cal.asOf) break;
    if (rnd.chance(p.engagement === 'disengaging' ? 0.4 : 0.65)) writeReview(ctx, day);
  }
}

function writeReview(ctx: PersonContext, day: number): void {
  const { p, rnd, cal } = ctx;
  const minutes = rnd.int(18, 32) * 30;
  ctx.emit({
    resourceType: 'Encounter',
    id: ctx.nextId('enc'),
    status: 'finished',
    class: coding(system.v3ActCode, 'AMB', 'ambulatory'),
    type: [concept(system.contactMode, 'clinic', contactModes.clinic), { coding: [{ ...medicationReviewCode }], text: 'Medication review' }],
    subject: ctx.patient,
    ...(ctx.episodeId ? { episodeOfCare: [ref('EpisodeOfCare', ctx.episodeId)] } : {}),
    participant: [{ individual: ref('Practitioner', p.prescriber.id) }],
    period: { start: cal.dateTime(day, minutes), end: cal.dateTime(day, minutes + 30) },
    serviceProvider: ref('Organization', p.team.id),
  });
}
