import { dischargeReasons } from '../fhir/clinical-codes.ts';
import { londonDay } from '../engagement/london-calendar.ts';
import type { DiagnosisFact, DischargeRecord } from './discharge-facts.ts';
import { dischargeRules, requirementOrder, type DischargeRequirement } from './discharge-rules.ts';
import { severeRelapsingIllness, type SevereRelapsingIllness } from './severe-relapsing.ts';

export interface FieldProblem {
  /** The field of the proposal at fault: reason, mdtDecisionDate, relapseIndicators, harmsIfMissed, routeBack. */
  field: 'reason' | DischargeRequirement;
  message: string;
}

export interface DischargeCheck {
  allowed: boolean;
  /** Empty when allowed. In field order: the reason first, then the requirements. */
  problems: FieldProblem[];
  /** Why the guard applies; undefined when the person has no severe and relapsing illness on record. */
  illness?: SevereRelapsingIllness;
}

/** Blank text is not a record: whitespace says nothing a colleague could act on. */
function recorded(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * What a recorded or proposed discharge is missing, in requirement order. Empty for people the guard
 * does not cover and for reasons it does not apply to (a death).
 */
export function missingRequirements(discharge: DischargeRecord, illness: SevereRelapsingIllness | undefined): DischargeRequirement[] {
  if (!illness) return [];
  if (discharge.reason && dischargeRules.reasonsWithoutRequirements.includes(discharge.reason)) return [];
  return requirementOrder.filter((r) => (r === 'mdtDecisionDate' ? londonDay(discharge.mdtDecisionDate) === undefined : !recorded(discharge[r])));
}

/**
 * The discharge guard (SPEC principle 2; issue 4 part 5): checks a proposed end to an episode of
 * care before it is written. For a person with severe and relapsing illness it refuses non-attendance
 * as the reason and requires the MDT decision, relapse indicators, known harms if relapse is missed,
 * and the route back in. Every problem names its field and says what to do.
 *
 * `dischargeDate` is the day the episode ends; the MDT must have decided by then.
 */
export function checkDischarge(proposal: DischargeRecord, diagnoses: readonly DiagnosisFact[], dischargeDate?: string): DischargeCheck {
  const illness = severeRelapsingIllness(diagnoses);
  const problems: FieldProblem[] = [];
  if (!proposal.reason || !Object.hasOwn(dischargeReasons, proposal.reason)) {
    problems.push({ field: 'reason', message: `must be one of: ${Object.keys(dischargeReasons).join(', ')}` });
  } else if (illness && proposal.reason === dischargeRules.refusedReason.code) {
    problems.push({ field: 'reason', message: dischargeRules.refusedReason.message });
  }
  for (const requirement of missingRequirements(proposal, illness)) {
    problems.push({ field: requirement, message: dischargeRules.requirements[requirement].missing });
  }
  const decided = londonDay(proposal.mdtDecisionDate);
  const ends = londonDay(dischargeDate);
  if (illness && decided !== undefined && ends !== undefined && decided > ends) {
    problems.push({ field: 'mdtDecisionDate', message: 'must be on or before the discharge date: the MDT decides before the person is discharged.' });
  }
  return { allowed: problems.length === 0, problems, ...(illness ? { illness } : {}) };
}
