import type { WorklistReason } from '../engagement/engagement-facts.ts';
import { londonDay, shortDate } from '../engagement/london-calendar.ts';
import { missingRequirements } from './check-discharge.ts';
import type { DiagnosisFact, DischargeRecord } from './discharge-facts.ts';
import { dischargeRules } from './discharge-rules.ts';
import { severeRelapsingIllness } from './severe-relapsing.ts';

const groupWords: Record<string, string> = {
  psychosis: 'psychosis',
  bipolar: 'bipolar disorder',
  'severe-depression': 'severe depression',
  'personality-disorder': 'personality disorder',
};

/**
 * Why a discharge already on record (made here, or imported from another system) falls short of the
 * guard: it cites non-attendance for a person with severe and relapsing illness, or it lacks a
 * required record. Empty when it does not fall short. Every reason cites the episode and the
 * diagnoses that bring the person under the guard.
 *
 * `acceptedTransfer`: the episode ended because another team or service accepted the person
 * (transfer/transfer-fhir.ts, endedInAcceptedTransfer). That is not a discharge: nobody left care.
 */
export function auditDischarge(discharge: DischargeRecord & { end?: string | null; acceptedTransfer?: boolean }, diagnoses: readonly DiagnosisFact[]): WorklistReason[] {
  if (discharge.acceptedTransfer) return [];
  const illness = severeRelapsingIllness(diagnoses);
  if (!illness) return [];
  const evidence = [`EpisodeOfCare/${discharge.episodeId}`, ...illness.evidence];
  const day = londonDay(discharge.end);
  // Always with the year (shortDate relative to day -1 never shares it): audits span years.
  const when = day === undefined ? '' : ` on ${shortDate(day, -1)}`;
  const who = `a person with ${illness.groups.map((g) => groupWords[g] ?? g).join(' and ')}`;
  const reasons: WorklistReason[] = [];
  if (discharge.reason === dischargeRules.refusedReason.code) {
    reasons.push({
      code: dischargeRules.refusedReason.auditCode,
      text: `Discharged${when} for non-attendance: ${who} should never be discharged for not attending.`,
      evidence,
    });
  }
  for (const requirement of missingRequirements(discharge, illness)) {
    const rule = dischargeRules.requirements[requirement];
    reasons.push({ code: rule.auditCode, text: `Discharged${when} with ${rule.audit}, for ${who}.`, evidence });
  }
  return reasons;
}
