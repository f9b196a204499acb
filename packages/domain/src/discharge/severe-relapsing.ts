import { diagnosisCodes, diagnosisIcd10Prefixes, ICD10, SNOMED, type DiagnosisGroup } from '../fhir/clinical-codes.ts';
import type { DiagnosisFact } from './discharge-facts.ts';
import { dischargeRules } from './discharge-rules.ts';

export interface SevereRelapsingIllness {
  groups: DiagnosisGroup[];
  /** The Conditions that show it, as references ("Condition/c1"), in id order. */
  evidence: string[];
}

/**
 * The diagnosis group of one coding (SNOMED CT concept or ICD-10 prefix), if the platform knows it.
 * Worked out once per code: it depends on the system and code alone, and the board asks it of every
 * diagnosis of everyone on every day of a trend. Few distinct codes are recorded; past the limit the
 * rest are worked out each time.
 */
export function diagnosisGroupOf(coding: { system?: string | null; code?: string | null }): DiagnosisGroup | undefined {
  if (typeof coding.system !== 'string' || typeof coding.code !== 'string') return groupOfCoding(coding);
  const ofSystem = groupOfCode.get(coding.system);
  if (ofSystem?.has(coding.code)) return ofSystem.get(coding.code);
  const group = groupOfCoding(coding);
  if (groupsKnown < GROUPS_KEPT) {
    (ofSystem ?? groupOfCode.set(coding.system, new Map()).get(coding.system)!).set(coding.code, group);
    groupsKnown += 1;
  }
  return group;
}

const GROUPS_KEPT = 10_000;
const groupOfCode = new Map<string, Map<string, DiagnosisGroup | undefined>>();
let groupsKnown = 0;

function groupOfCoding(coding: { system?: string | null; code?: string | null }): DiagnosisGroup | undefined {
  if (!coding.code) return undefined;
  if (coding.system === SNOMED) return diagnosisCodes.find((d) => d.snomed === coding.code)?.group;
  if (coding.system === ICD10) {
    const code = coding.code.toUpperCase();
    // Longest prefix first, so F32.2 (severe depression) is not lost to a shorter one.
    const matches = Object.entries(diagnosisIcd10Prefixes).flatMap(([group, prefixes]) => prefixes.filter((p) => code.startsWith(p)).map((p) => ({ group, p })));
    return matches.sort((a, b) => b.p.length - a.p.length)[0]?.group as DiagnosisGroup | undefined;
  }
  return undefined;
}

/**
 * Whether a person has severe and relapsing illness: any diagnosis in the guard's groups, whatever
 * its clinical status. Remission is part of a relapsing illness, not the end of it, so a diagnosis
 * marked resolved or in remission still counts; only one refuted or entered in error does not.
 */
export function severeRelapsingIllness(diagnoses: readonly DiagnosisFact[]): SevereRelapsingIllness | undefined {
  const groups = new Set<DiagnosisGroup>();
  const evidence: string[] = [];
  for (const d of [...diagnoses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (d.verification && dischargeRules.discountedVerification.includes(d.verification)) continue;
    const found = d.codings.map(diagnosisGroupOf).filter((g): g is DiagnosisGroup => g !== undefined && dischargeRules.severeRelapsingGroups.includes(g));
    if (found.length === 0) continue;
    for (const g of found) groups.add(g);
    evidence.push(`Condition/${d.id}`);
  }
  if (evidence.length === 0) return undefined;
  return { groups: dischargeRules.severeRelapsingGroups.filter((g) => groups.has(g)), evidence };
}
