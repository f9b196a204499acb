import type { AnyResource } from '../fhir/resource-types.ts';
import { parseReference } from '../fhir/datatypes.ts';
import { carePlanCategories } from '../fhir/clinical-codes.ts';
import { extension, system } from '../fhir/systems.ts';
import { londonDay } from '../engagement/london-calendar.ts';
import { isSharedCareStatus, isSharedCareTask, sharedCareStatuses, sharedCareTasks, type SharedCareStatus, type SharedCareTask } from './shared-care-rules.ts';

/**
 * A shared care agreement as the platform reasons about it. In FHIR it is a CarePlan with category
 * `shared-care-agreement` (docs/fhir.md, "Shared care agreements"): these two functions are the
 * only places that know the mapping, so imported and app-written agreements read alike.
 */
export interface SharedCareAgreement {
  id: string;
  personId: string;
  /** The prescription shared (CarePlan.supportingInfo) and the medicine's name (its display). */
  medicationRequestId: string;
  medicine: string;
  /** The specialist team (CarePlan.author) and the GP practice (CarePlan.contributor). */
  specialistTeamId: string;
  practiceId: string;
  /** Who does what: one per CarePlan.activity, performed by the practice or the team. */
  responsibilities: Responsibility[];
  /** Every change of status with its day, oldest first; the last is the status now. */
  history: StatusChange[];
  status: SharedCareStatus;
}

export interface Responsibility {
  task: SharedCareTask;
  /** The Organization responsible: the practice or the specialist team. */
  performerId: string;
}

export interface StatusChange {
  status: SharedCareStatus;
  /** "YYYY-MM-DD": the day it changed. */
  date: string;
}

type R = Record<string, any>;

const statusCoding = (status: SharedCareStatus) => ({ system: system.sharedCareStatus, code: status, display: sharedCareStatuses[status].label });

/** The CarePlan that holds an agreement (docs/fhir.md). */
export function agreementResource(agreement: SharedCareAgreement): AnyResource {
  const mapped = sharedCareStatuses[agreement.status];
  return {
    resourceType: 'CarePlan',
    id: agreement.id,
    extension: [
      { url: extension.sharedCareStatus, valueCoding: statusCoding(agreement.status) },
      ...agreement.history.map((change) => ({
        url: extension.sharedCareStatusChange,
        extension: [
          { url: 'status', valueCoding: statusCoding(change.status) },
          { url: 'date', valueDate: change.date },
        ],
      })),
    ],
    status: mapped.carePlanStatus,
    intent: mapped.intent,
    category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement', display: carePlanCategories['shared-care-agreement'] }] }],
    title: `Shared care: ${agreement.medicine}`,
    subject: { reference: `Patient/${agreement.personId}` },
    created: agreement.history[0]?.date,
    author: { reference: `Organization/${agreement.specialistTeamId}` },
    contributor: [{ reference: `Organization/${agreement.practiceId}` }],
    supportingInfo: [{ reference: `MedicationRequest/${agreement.medicationRequestId}`, display: agreement.medicine }],
    activity: agreement.responsibilities.map((r) => ({
      detail: {
        kind: r.task === 'prescribing' ? 'MedicationRequest' : 'ServiceRequest',
        code: { coding: [{ system: system.sharedCareTask, code: r.task, display: sharedCareTasks[r.task].name }] },
        status: mapped.activityStatus,
        performer: [{ reference: `Organization/${r.performerId}` }],
      },
    })),
  } as AnyResource;
}

/**
 * The stored CarePlan with the agreement's new status: CarePlan.status and intent, the status and
 * history extensions and each activity's status change; everything else sent with it (notes,
 * period, other extensions) is kept as it was.
 */
export function withAgreementStatus(stored: R, agreement: SharedCareAgreement): AnyResource {
  const fresh = agreementResource(agreement) as R;
  const ours = [extension.sharedCareStatus, extension.sharedCareStatusChange];
  const kept = ((stored.extension ?? []) as R[]).filter((e) => !ours.includes(e.url));
  const activityStatus = sharedCareStatuses[agreement.status].activityStatus;
  return {
    ...stored,
    resourceType: 'CarePlan',
    id: agreement.id,
    status: fresh.status,
    intent: fresh.intent,
    extension: [...kept, ...fresh.extension],
    activity: ((stored.activity ?? []) as R[]).map((a) => (a.detail ? { ...a, detail: { ...a.detail, status: activityStatus } } : a)),
  } as AnyResource;
}

/** CarePlan.status read back as an agreement status, for agreements sent without the status extension. */
const fromCarePlanStatus: Record<string, SharedCareStatus> = { draft: 'proposed', active: 'accepted', revoked: 'declined', completed: 'ended' };

/** Whether a CarePlan is a shared care agreement (its category). */
export function isSharedCareAgreement(resource: R): boolean {
  return ((resource.category ?? []) as R[]).some((c) => ((c.coding ?? []) as R[]).some((code) => code.system === system.carePlanCategory && code.code === 'shared-care-agreement'));
}

/**
 * An agreement read from its CarePlan, or undefined when the CarePlan is not one or lacks what an
 * agreement must have (the person, the prescription, the team and the practice, a status with a
 * day). Without the history extensions (a minimal import), the status is the status extension or
 * CarePlan.status, dated by `created`. Tasks not in CS/shared-care-task are left out.
 */
export function readAgreement(resource: R): SharedCareAgreement | undefined {
  if (resource.resourceType !== 'CarePlan' || !isSharedCareAgreement(resource)) return undefined;
  const personId = idOf('Patient', resource.subject?.reference);
  const prescription = ((resource.supportingInfo ?? []) as R[]).find((s) => parseReference(s.reference)?.type === 'MedicationRequest');
  const medicationRequestId = idOf('MedicationRequest', prescription?.reference);
  const specialistTeamId = idOf('Organization', resource.author?.reference);
  const practiceId = ((resource.contributor ?? []) as R[]).map((c) => idOf('Organization', c.reference)).find((id) => id && id !== specialistTeamId);
  if (!personId || !medicationRequestId || !specialistTeamId || !practiceId) return undefined;

  const extensions = (resource.extension ?? []) as R[];
  const history: StatusChange[] = [];
  for (const change of extensions.filter((e) => e.url === extension.sharedCareStatusChange)) {
    const parts = (change.extension ?? []) as R[];
    const status = parts.find((p) => p.url === 'status')?.valueCoding?.code;
    const date = parts.find((p) => p.url === 'date')?.valueDate;
    if (isSharedCareStatus(status) && londonDay(date) !== undefined) history.push({ status, date });
  }
  history.sort((a, b) => londonDay(a.date)! - londonDay(b.date)!);
  if (history.length === 0) {
    const stated = extensions.find((e) => e.url === extension.sharedCareStatus)?.valueCoding?.code;
    const status = isSharedCareStatus(stated) ? stated : fromCarePlanStatus[resource.status as string];
    if (!status || londonDay(resource.created) === undefined) return undefined;
    history.push({ status, date: resource.created });
  }

  const responsibilities: Responsibility[] = [];
  for (const activity of (resource.activity ?? []) as R[]) {
    const task = ((activity.detail?.code?.coding ?? []) as R[]).find((c) => c.system === system.sharedCareTask)?.code;
    const performerId = idOf('Organization', activity.detail?.performer?.[0]?.reference);
    if (isSharedCareTask(task) && performerId) responsibilities.push({ task, performerId });
  }
  return {
    id: resource.id,
    personId,
    medicationRequestId,
    medicine: prescription?.display ?? (typeof resource.title === 'string' ? resource.title.replace(/^Shared care: /, '') : 'A medicine'),
    specialistTeamId,
    practiceId,
    responsibilities,
    history,
    status: history.at(-1)!.status,
  };
}

/**
 * The agreement's status at the end of a day, with the change that set it; undefined before it
 * was proposed. Changes on the same day count in the order recorded.
 */
export function statusOn(agreement: Pick<SharedCareAgreement, 'history'>, day: number): (StatusChange & { day: number }) | undefined {
  let found: (StatusChange & { day: number }) | undefined;
  for (const change of agreement.history) {
    const changed = londonDay(change.date)!;
    if (changed <= day) found = { ...change, day: changed };
  }
  return found;
}

/** The tasks an organisation (a practice or a team) holds under an agreement, in the rules' order. */
export function tasksOf(agreement: Pick<SharedCareAgreement, 'responsibilities'>, organisationId: string): SharedCareTask[] {
  const held = new Set(agreement.responsibilities.filter((r) => r.performerId === organisationId).map((r) => r.task));
  return (Object.keys(sharedCareTasks) as SharedCareTask[]).filter((t) => held.has(t));
}

function idOf(type: string, reference: string | undefined): string | undefined {
  const target = parseReference(reference);
  return target?.type === type ? target.id : undefined;
}
