import { catalogueReferences } from './references.ts';
import { kindOf } from './catalogue.ts';
import { parseReference } from './datatypes.ts';
import { isResourceType, resourceTypes, schemaFor, type AnyResource, type ResourceType } from './resource-types.ts';
import { readerFor, type SchemaReader } from './schema-reader.ts';
import { system } from './systems.ts';
import { checkNhsNumber } from '../nhs-number/nhs-number.ts';

export interface ValidResource {
  ok: true;
  type: ResourceType;
  resource: AnyResource;
  /** The Patient id the record belongs to; undefined for shared records (organisations, staff). */
  personId?: string;
  /** References to resources the platform holds, which must exist when the record is stored. */
  references: Array<{ path: string; type: ResourceType; id: string }>;
}

export interface InvalidResource {
  ok: false;
  resourceType?: string;
  id?: string;
  field?: string;
  message: string;
}

const MAX_ISSUES_REPORTED = 3;

/** How a resource is read against its type's schema: what zod returns, or why it refuses. */
export type SchemaCheck =
  | { success: true; data: AnyResource }
  | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };

/** Zod alone: the reference every faster reading must agree with. */
export function checkBySchema(type: ResourceType, raw: Record<string, unknown>): SchemaCheck {
  return schemaFor(type).safeParse(raw);
}

const readers = new Map<ResourceType, SchemaReader>();

/** The fast reader built from the same schema (schema-reader.ts), asking zod whenever it is not certain. */
export function checkFastThenBySchema(type: ResourceType, raw: Record<string, unknown>): SchemaCheck {
  let reader = readers.get(type);
  if (!reader) readers.set(type, (reader = readerFor(schemaFor(type))));
  const accepted = reader.accept(raw);
  return accepted ? { success: true, data: accepted as AnyResource } : checkBySchema(type, raw);
}

/**
 * Checks one incoming resource against what the platform needs to store it safely. Pure: whether
 * referenced records exist is for the store to check, using `references`.
 */
export function validateResource(input: unknown, expectedType?: ResourceType): ValidResource | InvalidResource {
  return validateResourceWith(checkFastThenBySchema, input, expectedType);
}

/** validateResource with a given schema check: the property tests compare the fast one with zod alone. */
export function validateResourceWith(
  check: (type: ResourceType, raw: Record<string, unknown>) => SchemaCheck,
  input: unknown,
  expectedType?: ResourceType,
): ValidResource | InvalidResource {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, message: 'is not a JSON object' };
  }
  const raw = input as Record<string, unknown>;
  const resourceType = typeof raw.resourceType === 'string' ? raw.resourceType : undefined;
  const id = typeof raw.id === 'string' ? raw.id : undefined;

  if (!resourceType) return refused(resourceType, id, 'resourceType is missing: this is not a FHIR resource', 'resourceType');
  if (!isResourceType(resourceType)) {
    return refused(resourceType, id, `resource type ${resourceType} is not supported (supported: ${resourceTypes.join(', ')})`, 'resourceType');
  }
  if (expectedType && resourceType !== expectedType) {
    return refused(resourceType, id, `expected a ${expectedType} here but found a ${resourceType}`, 'resourceType');
  }
  if (raw.id === undefined) return refused(resourceType, id, 'id is required: records keep the id they were sent with', 'id');

  const parsed = check(resourceType, raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES_REPORTED);
    const first = issues[0]!;
    const describe = (issue: (typeof issues)[number]) => {
      const path = issue.path.map(String).join('.') || '(resource)';
      const message = valueAt(raw, issue.path) === undefined ? 'is required' : issue.message;
      return `${path} ${message}`;
    };
    return refused(resourceType, id, issues.map(describe).join('; '), first.path.map(String).join('.') || undefined);
  }
  const resource = parsed.data;

  if (resourceType === 'Patient') {
    const identifiers = (resource.identifier as Array<{ system?: string; value?: string }> | undefined) ?? [];
    for (const [i, identifier] of identifiers.entries()) {
      if (identifier.system !== system.nhsNumber) continue;
      const check = checkNhsNumber(identifier.value ?? '');
      if (!check.valid) return refused(resourceType, id, `invalid NHS number: ${check.reason}`, `identifier[${i}].value`);
    }
  }

  const kind = kindOf(resourceType);
  let personId: string | undefined;
  if (kind.personReference) {
    const target = parseReference(kind.personReference(resource));
    if (!target || target.type !== 'Patient') {
      return refused(resourceType, id, `${kind.personPath} must reference the Patient this record is about (Patient/<id>)`, kind.personPath);
    }
    personId = target.id;
  }

  const references = catalogueReferences(resource);
  if (!references.ok) return refused(resourceType, id, references.message, references.path);
  return { ok: true, type: resourceType, resource, personId, references: references.held };
}

/** A refusal naming the record, as far as it could be read. A function, not a closure per call: see catalogue.ts. */
function refused(resourceType: string | undefined, id: string | undefined, message: string, field?: string): InvalidResource {
  return { ok: false, resourceType, id, field, message };
}

/** The value at a validation issue's path, to tell a missing field from a wrong one. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
