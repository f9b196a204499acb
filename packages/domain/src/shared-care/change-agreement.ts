import { londonDay } from '../engagement/london-calendar.ts';
import type { MonitoringCode } from '../medicines/monitoring-rules.ts';
import { medicineGroups } from '../medicines/recognise.ts';
import { statusOn, type Responsibility, type SharedCareAgreement } from './agreement.ts';
import { isSharedCareStatus, isSharedCareTask, monitoringTasksByMedicine, sharedCareRules, sharedCareTaskCodes, sharedCareStatuses, sharedCareTasks, sharedCareTransitions, type SharedCareStatus, type SharedCareTask } from './shared-care-rules.ts';

export interface SharedCareProblem {
  field: string;
  message: string;
}

export type CheckedAgreement = { ok: true; agreement: SharedCareAgreement } | { ok: false; problems: SharedCareProblem[] };

export interface Proposal {
  id: string;
  personId: string;
  /** The prescription to share, as the person's record holds it; undefined when it is not theirs. */
  prescription: { id: string; status: string; medicine: string } | undefined;
  /** The person's GP practice (Patient.generalPractitioner); null when none is recorded. */
  practiceId: string | null;
  specialistTeamId: string;
  /** The day it was proposed, "YYYY-MM-DD". */
  date: string;
  /** Today in England: nothing is dated after it. */
  today: string;
  /** Each task and whether the GP practice or the specialist team does it. */
  responsibilities: ReadonlyArray<{ task: string; holder: string }>;
  /** The person's agreements already held, so one prescription has one open agreement at a time. */
  existing: readonly SharedCareAgreement[];
}

/**
 * A new proposal, checked field by field: a current prescription of the person's, a GP practice to
 * propose to, a day not in the future, and responsibilities that name each known task once,
 * prescribing among them, each held by the practice or the team.
 */
export function proposeAgreement(proposal: Proposal): CheckedAgreement {
  const problems: SharedCareProblem[] = [];
  const { prescription } = proposal;
  if (!prescription) problems.push({ field: 'medicationRequest', message: "is not one of this person's prescriptions" });
  else if (!sharedCareRules.prescribedStatuses.includes(prescription.status)) problems.push({ field: 'medicationRequest', message: `is not currently prescribed (${prescription.status})` });
  else {
    const open = proposal.existing.find((a) => a.medicationRequestId === prescription.id && (a.status === 'proposed' || a.status === 'accepted'));
    if (open) problems.push({ field: 'medicationRequest', message: `already has a shared care agreement ${sharedCareStatuses[open.status].label.toLowerCase()}: record its answer or end it first` });
  }
  if (!proposal.practiceId) problems.push({ field: 'practice', message: 'is not recorded: this person has no GP practice on record to share care with' });
  problems.push(...dateProblems(proposal.date, proposal.today));

  const responsibilities: Responsibility[] = [];
  const seen = new Set<string>();
  proposal.responsibilities.forEach((r, i) => {
    if (!isSharedCareTask(r.task)) problems.push({ field: `responsibilities.${i}.task`, message: `must be one of: ${Object.keys(sharedCareTasks).join(', ')}` });
    else if (seen.has(r.task)) problems.push({ field: `responsibilities.${i}.task`, message: 'is given twice: each task has one holder' });
    else if (r.holder !== 'practice' && r.holder !== 'team') problems.push({ field: `responsibilities.${i}.holder`, message: 'must be practice or team' });
    else responsibilities.push({ task: r.task, performerId: r.holder === 'practice' ? (proposal.practiceId ?? '') : proposal.specialistTeamId });
    if (isSharedCareTask(r.task)) seen.add(r.task);
  });
  if (!seen.has(sharedCareRules.requiredTask)) problems.push({ field: 'responsibilities', message: 'must say who prescribes' });

  if (problems.length > 0 || !prescription || !proposal.practiceId) return { ok: false, problems };
  return {
    ok: true,
    agreement: {
      id: proposal.id,
      personId: proposal.personId,
      medicationRequestId: prescription.id,
      medicine: prescription.medicine,
      specialistTeamId: proposal.specialistTeamId,
      practiceId: proposal.practiceId,
      responsibilities,
      history: [{ status: 'proposed', date: proposal.date }],
      status: 'proposed',
    },
  };
}

/**
 * A change of status, checked: one the current status may move to (shared-care-rules.ts), on a day
 * not before the last change and not in the future. `allowed` narrows who may make it (a practice
 * only answers).
 */
export function changeAgreementStatus(agreement: SharedCareAgreement, change: { status: string; date: string; today: string }, allowed: readonly SharedCareStatus[] = Object.keys(sharedCareStatuses) as SharedCareStatus[]): CheckedAgreement {
  const problems: SharedCareProblem[] = [];
  const next = sharedCareTransitions[agreement.status].filter((s) => allowed.includes(s));
  if (!isSharedCareStatus(change.status) || !next.includes(change.status)) {
    problems.push({
      field: 'status',
      message: next.length ? `must be one of: ${next.join(', ')} (the agreement is ${agreement.status})` : `cannot change: the agreement is ${agreement.status}`,
    });
  }
  problems.push(...dateProblems(change.date, change.today));
  const last = agreement.history.at(-1)!;
  const day = londonDay(change.date);
  if (day !== undefined && day < londonDay(last.date)!) problems.push({ field: 'date', message: `must be on or after the last change (${last.status} on ${last.date})` });
  if (problems.length > 0 || !isSharedCareStatus(change.status)) return { ok: false, problems };
  const history = [...agreement.history, { status: change.status, date: change.date }];
  return { ok: true, agreement: { ...agreement, history, status: statusOn({ history }, day!)!.status } };
}

function dateProblems(date: string, today: string): SharedCareProblem[] {
  // A real calendar day: Date.parse would take 30 February as 2 March.
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  const real = !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(date);
  const day = real ? londonDay(date) : undefined;
  if (day === undefined) return [{ field: 'date', message: 'must be a date as YYYY-MM-DD' }];
  if (day > londonDay(today)!) return [{ field: 'date', message: 'must not be in the future' }];
  return [];
}

/** The tasks a proposal for a medicine offers (monitoringTasksByMedicine), in the rules' order. */
export function suggestedTasks(codes: readonly MonitoringCode[]): SharedCareTask[] {
  const wanted = new Set<SharedCareTask>(['prescribing', 'medication-review']);
  for (const group of medicineGroups(codes)) monitoringTasksByMedicine[group].forEach((t) => wanted.add(t));
  return sharedCareTaskCodes.filter((t) => wanted.has(t));
}
