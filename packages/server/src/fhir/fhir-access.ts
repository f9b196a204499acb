import { flagForReader, isRestrictedFlag, isResourceType, roles, type ResourceType } from '@continuity/domain';
import { readFhirRecord, recordAudit, type FhirRecord, type Store } from '@continuity/store';
import type { FastifyRequest } from 'fastify';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';
import { openRecord, type OpenedRecord } from '../people/record-access.ts';
import { restrictedFlagsFor } from '../people/restricted-flags.ts';
import { gpDocumentReaders } from '../gp-documents/summary-gate.ts';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Everything the FHIR API serves is about people or the staff and teams caring for them, so it is
 * for clinical roles only: the board, administrators and partner agencies use their own screens.
 */
export function requireClinical(request: FastifyRequest): SignedInUser {
  const staff = requireStaff(request);
  if (!roles[staff.role].clinical) throw new ApiError(403, 'forbidden', `The ${roles[staff.role].label} role cannot read records of individual people.`);
  return staff;
}

/** A resource type the platform holds, from the URL; 404 otherwise (as for any unknown address). */
export function heldType(value: string): ResourceType {
  if (!isResourceType(value)) throw new ApiError(404, 'not-supported', `Resource type ${value.slice(0, 64)} is not supported: see /fhir/metadata.`);
  return value;
}

export function fhirId(value: string, field = 'id'): string {
  if (!FHIR_ID.test(value)) throw new ApiError(400, 'invalid-id', `The ${field} is not a FHIR id (1-64 letters, digits, "-" or ".").`, [{ field, message: 'is not a FHIR id' }]);
  return value;
}

/**
 * A held record by type and id, after the same gate as the person's record (relationship or
 * break-glass, audited, refusals too); shared records need only a clinical role.
 */
export async function openFhirRecord(store: Store, request: FastifyRequest, type: ResourceType, id: string, action: string): Promise<FhirRecord & { opened?: OpenedRecord }> {
  requireClinical(request);
  const record = await readFhirRecord(store.db, type, fhirId(id));
  if (!record) throw new ApiError(404, 'not-found', `There is no ${type} with that id.`);
  if (record.personId && type === 'DocumentReference') await requireGpDocumentReader(store, request, record.personId, action, `${type}/${id}`);
  if (record.personId) return { ...record, opened: await openRecord(store, request, record.personId, action, { resource: `${type}/${id}` }) };
  return record;
}

/**
 * A summary sent to the GP (DocumentReference) is read only by those who may read the summary itself
 * (summary-gate.ts), and then through the record's gate too; a refusal is audited.
 */
async function requireGpDocumentReader(store: Store, request: FastifyRequest, personId: string, action: string, resource: string) {
  const staff = requireStaff(request);
  if ((await gpDocumentReaders(store, staff, [personId])).has(personId)) return;
  await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action, personId, basis: 'none', outcome: 'refused', detail: { resource } }]);
  throw new ApiError(403, 'forbidden', 'Only the clinicians of a team that held this person, or their key worker, can read their summaries to the GP.');
}

/**
 * A version of a person's record as its reader may see it: a restricted flag (MARAC, MAPPA) the
 * reader is not entitled to is served withheld, and the withholding audited (domain restricted-flags.ts).
 */
export async function asReaderMay<T extends { resource: Record<string, unknown> }>(store: Store, record: { personId: string | null; opened?: OpenedRecord }, version: T): Promise<T> {
  if (!record.personId || !record.opened || !isRestrictedFlag(version.resource)) return version;
  const { staff, basis } = record.opened;
  const view = await restrictedFlagsFor(store, staff, record.personId, basis, 'fhir-read');
  const resource = flagForReader(version.resource, view);
  if (!resource) throw new ApiError(404, 'not-found', 'There is no Flag with that id.');
  return { ...version, resource };
}
