import { ctoConditions, ctoConditionSystem, ctoLegalStatus, extension, flagCategories, mhaLegalStatuses, s117Aftercare, system } from '@continuity/domain';
import { coding, concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

/**
 * Community Treatment Orders are used about eight times as often for Black people as for White
 * people: 48.8 against 6.0 per 100,000 (NHS Digital 2024, cited in 000_* line ~114). The chance a
 * person with psychosis or bipolar disorder is on a CTO carries the same ratio.
 */
export const CTO_CHANCE_SMI = 0.02;
export const CTO_RATE_RATIO_BLACK = 48.8 / 6.0;

/** CTO conditions as often as the CQC found them set (000_* line ~1523). */
const conditionShares: Record<keyof typeof ctoConditions, number> = { medication: 0.96, appointments: 0.8, residence: 0.29 };

interface Admission { start: number; end?: number; section?: '02' | '03' }

/**
 * Hospital admissions (Encounter class IMP), the Mental Health Act detentions that went with them,
 * and Community Treatment Orders after a section 3. Legal status is a Flag in the mha-legal-status
 * category coded with the NHS Data Dictionary legal status code; a CTO Flag carries its conditions
 * and, as reviewDue, the date it expires unless renewed.
 */
export function writeAdmissionsAndMha(ctx: PersonContext): { admissions: number; onCto: boolean } {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined) return { admissions: 0, onCto: false };
  const smi = p.diagnosis === 'psychosis' || p.diagnosis === 'bipolar';
  const ctoChance = smi ? CTO_CHANCE_SMI * (p.black ? CTO_RATE_RATIO_BLACK : 1) : 0;
  const onCto = p.stage === 'open' && p.teamType !== 'crisis' && rnd.chance(ctoChance);
  const admittedChance = (smi ? 0.3 : 0.12) + (p.intensity === 'assertive' ? 0.3 : 0) + (p.intensity === 'intensive' ? 0.15 : 0);
  const count = onCto ? rnd.int(1, 3) : rnd.chance(admittedChance) ? rnd.int(1, 3) : 0;
  if (count === 0) return { admissions: 0, onCto: false };

  const adultFrom = p.birthDay + Math.ceil(18 * 365.25) + 1;
  const historyEnd = Math.min(p.episodeEnd ?? cal.asOf - 1, cal.asOf - 1);
  const earliest = Math.max(adultFrom, p.referralDay - 5 * 365);
  if (historyEnd - earliest < 30) return { admissions: 0, onCto: false };
  const admissions: Admission[] = [];
  const starts = Array.from({ length: count }, () => rnd.int(earliest, historyEnd - 14)).sort((a, b) => a - b);
  let free = earliest;
  for (const proposed of starts) {
    const start = Math.max(proposed, free);
    if (start >= historyEnd - 7) break;
    const length = Math.max(2, Math.round(rnd.logNormal(32, 0.8)));
    const end = start + length;
    const stillIn = end >= historyEnd && p.stage === 'open';
    const section = rnd.chance(smi ? 0.6 : 0.3) ? (rnd.chance(0.55) ? '03' : '02') : undefined;
    admissions.push({ start, end: stillIn ? undefined : Math.min(end, historyEnd), section });
    free = (stillIn ? historyEnd : end) + 30;
    if (stillIn) break;
  }

  let ctoFrom: number | undefined;
  if (onCto) {
    // A CTO follows discharge from detention under section 3.
    const last = [...admissions].reverse().find((a) => a.end !== undefined);
    if (last) {
      last.section = '03';
      ctoFrom = last.end!;
    }
  }

  for (const a of admissions) {
    const encounterId = ctx.nextId('adm');
    ctx.emit({
      resourceType: 'Encounter',
      id: encounterId,
      status: a.end === undefined ? 'in-progress' : 'finished',
      class: coding(system.v3ActCode, 'IMP', 'inpatient encounter'),
      type: [{ text: 'Admission to an adult acute mental health ward' }],
      subject: ctx.patient,
      period: a.end === undefined ? { start: cal.dateTime(a.start, 14 * 60) } : { start: cal.dateTime(a.start, 14 * 60), end: cal.dateTime(a.end, 11 * 60) },
      ...(a.section ? { reasonCode: [{ text: `Detained under the Mental Health Act, ${mhaLegalStatuses[a.section]}` }] } : {}),
      serviceProvider: ref('Organization', 'trust'),
    });
    if (!a.section) continue;
    const sectionEnd = a.end ?? undefined;
    ctx.emit({
      resourceType: 'Flag',
      id: ctx.nextId('mha'),
      status: sectionEnd === undefined ? 'active' : 'inactive',
      category: [concept(system.flagCategory, 'mha-legal-status', flagCategories['mha-legal-status'])],
      code: concept(system.mhaLegalStatus, a.section, mhaLegalStatuses[a.section], `Detained: ${mhaLegalStatuses[a.section]}`),
      subject: ctx.patient,
      period: sectionEnd === undefined ? { start: cal.date(a.start) } : { start: cal.date(a.start), end: cal.date(sectionEnd) },
      encounter: ref('Encounter', encounterId),
    });
  }

  // Leaving hospital after section 3 brings section 117 aftercare (Mental Health Act 1983 s117),
  // from the first such discharge; nothing here ends it, which takes a joint ICB and council decision.
  const aftercareFrom = admissions.find((a) => a.section === '03' && a.end !== undefined)?.end;
  if (aftercareFrom !== undefined) {
    ctx.emit({
      resourceType: 'Flag',
      id: ctx.nextId('mha'),
      status: 'active',
      category: [concept(system.flagCategory, 's117-aftercare', flagCategories['s117-aftercare'])],
      code: concept(system.mhaAftercare, s117Aftercare.code, s117Aftercare.display, s117Aftercare.display),
      subject: ctx.patient,
      period: { start: cal.date(aftercareFrom) },
    });
  }

  if (ctoFrom !== undefined) writeCto(ctx, ctoFrom);
  return { admissions: admissions.length, onCto: ctoFrom !== undefined };
}

/**
 * A CTO lasts six months, is renewable for six, then yearly (Mental Health Act 1983 s20A). Most are
 * current; some have passed their expiry with no renewal recorded, which the mha-deadlines
 * worklist must catch; some were discharged.
 */
function writeCto(ctx: PersonContext, start: number): void {
  const { rnd, cal } = ctx;
  const periods = [182, 182, 365, 365, 365, 365, 365, 365, 365, 365];
  let expiry = start;
  let previous = start;
  for (const length of periods) {
    previous = expiry;
    expiry += length;
    if (expiry >= cal.asOf) break;
  }
  const outcome = rnd.weighted({ current: 78, 'expired-unrenewed': 12, discharged: 10 });
  const conditions = (Object.keys(conditionShares) as Array<keyof typeof ctoConditions>).filter((c) => rnd.chance(conditionShares[c]));
  const extensions: Array<Record<string, unknown>> = conditions.map((c) => ({
    url: extension.ctoConditions, valueCodeableConcept: concept(ctoConditionSystem, c, ctoConditions[c]),
  }));
  const base = {
    resourceType: 'Flag' as const,
    id: ctx.nextId('mha'),
    category: [concept(system.flagCategory, 'mha-legal-status', flagCategories['mha-legal-status'])],
    code: concept(system.mhaLegalStatus, ctoLegalStatus, mhaLegalStatuses.cto, 'Community Treatment Order'),
    subject: ctx.patient,
  };
  if (outcome === 'discharged' && previous > start) {
    ctx.emit({ ...base, status: 'inactive', period: { start: cal.date(start), end: cal.date(previous) } });
    return;
  }
  // Expired unrenewed: the last expiry date passed without a renewal being recorded.
  const dueDay = outcome === 'expired-unrenewed' && previous > start && previous < cal.asOf ? previous : expiry;
  ctx.emit({
    ...base,
    extension: [...extensions, { url: extension.reviewDue, valueDate: cal.date(dueDay) }],
    status: 'active',
    period: { start: cal.date(start) },
  });
}
