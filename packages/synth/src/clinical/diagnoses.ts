import { diagnosisCodes, system, type DiagnosisCode, type DiagnosisGroup } from '@continuity/domain';
import { coding } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

const byGroup = new Map<DiagnosisGroup, DiagnosisCode[]>();
for (const code of diagnosisCodes) byGroup.set(code.group, [...(byGroup.get(code.group) ?? []), code]);

const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/**
 * Diagnoses, coded in SNOMED CT with the ICD-10 code alongside: the main diagnosis once the person
 * has been assessed (onset remembered to the month, before the referral), and co-occurring
 * substance use for those who have it.
 */
export function writeDiagnoses(ctx: PersonContext): string[] {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined) return [];
  const ids: string[] = [];
  const recorded = p.episodeStart + rnd.int(0, 28);
  const write = (code: DiagnosisCode, onsetDay: number) => {
    const id = ctx.nextId('cond');
    const inRemission = p.stage === 'discharged' && rnd.chance(0.35);
    ctx.emit({
      resourceType: 'Condition',
      id,
      clinicalStatus: { coding: [coding(system.conditionClinical, inRemission ? 'remission' : 'active')] },
      verificationStatus: { coding: [coding(VERIFICATION, 'confirmed')] },
      category: [{ coding: [coding(CONDITION_CATEGORY, 'encounter-diagnosis', 'Encounter Diagnosis')] }],
      code: { coding: [coding(system.snomed, code.snomed, code.display), coding(system.icd10, code.icd10)], text: code.display },
      subject: ctx.patient,
      onsetDateTime: cal.month(Math.max(p.birthDay + 16 * 365, onsetDay)),
      recordedDate: cal.date(Math.min(p.lastDay, recorded)),
      recorder: { reference: `Practitioner/${p.team.psychiatrists[0]!.id}` },
    });
    ids.push(id);
  };
  const main = rnd.pick(byGroup.get(p.diagnosis)!);
  write(main, p.referralDay - rnd.int(30, 6 * 365));
  if (p.substanceUse) write(rnd.pick(byGroup.get('substance-use')!), p.referralDay - rnd.int(60, 8 * 365));
  return ids;
}
