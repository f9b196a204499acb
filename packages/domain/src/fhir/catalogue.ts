import type { AnyResource, ResourceType } from './resource-types.ts';
import { parseReference } from './datatypes.ts';

/**
 * How each held resource type relates to a person and to time. Person-scoped records are stored
 * keyed by person_id (the Patient id) so that the store can be distributed by person.
 */
export interface ResourceKind {
  type: ResourceType;
  /** Where the link to the person lives, for error messages; undefined for shared records. */
  personPath?: string;
  personReference?: (r: AnyResource) => string | undefined;
  /** When the recorded thing happened, for the timeline. */
  occurredAt: (r: AnyResource) => string | undefined;
  status: (r: AnyResource) => string | undefined;
}

type R = Record<string, any>;
const ref = (value: unknown): string | undefined => (value as R | undefined)?.reference;
const statusField = (r: AnyResource) => (r as R).status as string | undefined;

const kinds: ResourceKind[] = [
  { type: 'Organization', occurredAt: () => undefined, status: (r) => ((r as R).active === false ? 'inactive' : 'active') },
  { type: 'Practitioner', occurredAt: () => undefined, status: (r) => ((r as R).active === false ? 'inactive' : 'active') },
  {
    type: 'PractitionerRole',
    occurredAt: (r) => (r as R).period?.start,
    status: (r) => ((r as R).active === false ? 'inactive' : 'active'),
  },
  {
    type: 'Patient',
    personPath: 'id',
    personReference: (r) => `Patient/${r.id}`,
    occurredAt: () => undefined,
    status: (r) => ((r as R).deceasedDateTime || (r as R).deceasedBoolean ? 'deceased' : 'alive'),
  },
  {
    type: 'RelatedPerson',
    personPath: 'patient',
    personReference: (r) => ref((r as R).patient),
    occurredAt: (r) => (r as R).period?.start,
    status: (r) => ((r as R).active === false ? 'inactive' : 'active'),
  },
  {
    type: 'CareTeam',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).period?.start,
    status: statusField,
  },
  {
    type: 'ServiceRequest',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).authoredOn ?? (r as R).occurrenceDateTime,
    status: statusField,
  },
  {
    type: 'EpisodeOfCare',
    personPath: 'patient',
    personReference: (r) => ref((r as R).patient),
    occurredAt: (r) => (r as R).period?.start,
    status: statusField,
  },
  {
    type: 'Appointment',
    personPath: 'participant.actor',
    personReference: (r) =>
      ((r as R).participant as R[] | undefined)?.map((p) => ref(p.actor)).find((a) => parseReference(a)?.type === 'Patient'),
    occurredAt: (r) => (r as R).start ?? (r as R).created,
    status: statusField,
  },
  {
    type: 'Encounter',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).period?.start,
    status: statusField,
  },
  {
    type: 'Condition',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).onsetDateTime ?? (r as R).recordedDate,
    status: (r) => (r as R).clinicalStatus?.coding?.[0]?.code,
  },
  {
    type: 'MedicationRequest',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).authoredOn,
    status: statusField,
  },
  {
    type: 'MedicationStatement',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).effectiveDateTime ?? (r as R).effectivePeriod?.start ?? (r as R).dateAsserted,
    status: statusField,
  },
  {
    type: 'MedicationAdministration',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).effectiveDateTime ?? (r as R).effectivePeriod?.start,
    status: statusField,
  },
  {
    type: 'Observation',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).effectiveDateTime ?? (r as R).effectivePeriod?.start ?? (r as R).issued,
    status: statusField,
  },
  {
    type: 'QuestionnaireResponse',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).authored,
    status: statusField,
  },
  {
    type: 'Goal',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).startDate,
    status: (r) => (r as R).lifecycleStatus,
  },
  {
    type: 'CarePlan',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).period?.start ?? (r as R).created,
    status: statusField,
  },
  {
    type: 'Flag',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).period?.start,
    status: statusField,
  },
  {
    type: 'Communication',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).sent ?? (r as R).received,
    status: statusField,
  },
  {
    type: 'Consent',
    personPath: 'patient',
    personReference: (r) => ref((r as R).patient),
    occurredAt: (r) => (r as R).dateTime,
    status: statusField,
  },
  {
    // A summary the platform sent to a GP practice (docs/gp-documents.md); last, as it points at the episode it summarises.
    type: 'DocumentReference',
    personPath: 'subject',
    personReference: (r) => ref((r as R).subject),
    occurredAt: (r) => (r as R).date,
    status: statusField,
  },
];

const byType = new Map(kinds.map((k) => [k.type, k]));

export function kindOf(type: ResourceType): ResourceKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`no resource kind for ${type}`);
  return kind;
}

export const sharedResourceTypes: readonly ResourceType[] = kinds.filter((k) => !k.personPath).map((k) => k.type);

/**
 * Import order: a record may only point at records of the same or an earlier type, so that every
 * reference can be checked when the record arrives.
 */
export const importOrder: readonly ResourceType[] = kinds.map((k) => k.type);

/** Every relative reference inside a resource, with the path it was found at. */
export function collectReferences(resource: unknown): Array<{ path: string; reference: string }> {
  const found: Array<{ path: string; reference: string }> = [];
  if (resource !== null && typeof resource === 'object') walkReferences(resource, [], found);
  return found;
}

/**
 * The path is kept as steps and spelled out only where a reference is found: most of a resource
 * holds none, and spelling every node's path was a tenth of an import's validation time. A function
 * of its own rather than a closure per call, which cost as much again in a bulk import.
 */
function walkReferences(node: object, steps: Array<string | number>, found: Array<{ path: string; reference: string }>): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const child: unknown = node[i];
      if (child === null || typeof child !== 'object') continue;
      steps.push(i);
      walkReferences(child, steps, found);
      steps.pop();
    }
    return;
  }
  for (const key of Object.keys(node)) {
    const value: unknown = (node as Record<string, unknown>)[key];
    if (key === 'reference' && typeof value === 'string') {
      steps.push(key);
      found.push({ path: spell(steps), reference: value });
      steps.pop();
    } else if (key !== 'contained' && value !== null && typeof value === 'object') {
      steps.push(key);
      walkReferences(value, steps, found);
      steps.pop();
    }
  }
}

/** A path as validation names it: participant[0].actor.reference. */
function spell(steps: ReadonlyArray<string | number>): string {
  let path = '';
  for (const step of steps) path = typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  return path;
}

/** A FHIR date or dateTime as a full instant, for ordering; partial dates take their first moment. */
export function toInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}$/.test(value)) return `${value}-01-01T00:00:00Z`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value;
}
