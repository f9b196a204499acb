import { randomUUID } from 'node:crypto';
import { isRestrictedFlag, pathToNul, validateResource, type ResourceType, type ValidResource } from '@continuity/domain';
import { isSharedType, readFhirRecord, recordAudit, writeFhirRecord, type FhirRecord, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { openRecord, type OpenedRecord } from '../people/record-access.ts';
import { restrictedFlagsFor } from '../people/restricted-flags.ts';
import { fhirId, heldType, requireClinical } from './fhir-access.ts';
import { fhirBase, versionInIfMatch } from './operation-outcome.ts';
import { sendVersion } from './fhir-read.ts';

type WriteParams = { type: string; id?: string };

/**
 * POST /fhir/:type creates a person's record (the server gives it a new id); PUT /fhir/:type/:id
 * writes a new version of one, and only over the version named in If-Match (412 if it has changed
 * since: the client rereads, never overwrites). Both check the resource exactly as import does
 * (validateResource, then references, moves and NHS numbers against what is held), store it and
 * its audit entry in one transaction, and store nothing when refused. Writers are the clinical
 * roles that may open the person's record. Shared records (organisations, staff) and new people
 * come from the trust's systems by import, not through this API (405).
 */
export function fhirWriteRoutes(fhir: FastifyInstance, store: Store) {
  fhir.post<{ Params: WriteParams }>('/:type', async (request, reply) => {
    requireClinical(request);
    const type = writableType(request.params.type);
    if (type === 'Patient') throw new ApiError(405, 'not-supported', 'A new person comes to the platform by referral or import; Patient records can be updated here, not created.');
    const body = resourceBody(request.body);
    const valid = validated({ ...body, id: randomUUID() }, type);
    const opened = await openRecord(store, request, valid.personId!, 'open-for-fhir-create', { resource: type });
    const stored = await store.db.transaction().execute(async (trx) => {
      const outcome = await writeFhirRecord(trx, valid);
      if (!outcome.ok) throw outcome.reason === 'stale' ? stale() : new ApiError(400, 'invalid-resource', `The ${type} was not stored: ${outcome.message}.`, outcome.field ? [{ field: outcome.field, message: outcome.message }] : undefined);
      await recordAudit(trx, [writeAudit(opened, valid, 'fhir-create', outcome.versionId)]);
      return (await readFhirRecord(trx, type, valid.resource.id))!;
    });
    return sent(request, reply, stored, 201);
  });

  fhir.put<{ Params: WriteParams }>('/:type/:id', async (request, reply) => {
    requireClinical(request);
    const type = writableType(request.params.type);
    const id = fhirId(request.params.id ?? '');
    const held = await readFhirRecord(store.db, type, id);
    if (!held?.personId) throw new ApiError(404, 'not-found', `There is no ${type} with that id: a record is created with POST /fhir/${type}, which gives its id.`);
    const opened = await openRecord(store, request, held.personId, 'open-for-fhir-update', { resource: `${type}/${id}` });
    // A reader shown a restricted flag withheld must not write over what they were not shown (domain restricted-flags.ts).
    if (isRestrictedFlag(held.resource) && (await restrictedFlagsFor(store, opened.staff, held.personId, opened.basis, 'fhir-update')) !== 'content') {
      throw new ApiError(403, 'forbidden', 'This flag is restricted: only the key worker, team manager or prescriber of the team holding the person can change it.');
    }
    const expected = versionInIfMatch(request.headers['if-match']);
    if (expected === undefined) throw new ApiError(428, 'if-match-required', `Send If-Match: W/"<version>" with the version you read (now ${held.versionId}), so that a change made since is never overwritten.`, [{ field: 'If-Match', message: 'is required' }]);
    if (expected !== held.versionId) throw stale();
    const body = resourceBody(request.body);
    if (body.id !== id) throw new ApiError(400, 'invalid-resource', `The resource's id must be the one in the address (${id}).`, [{ field: 'id', message: `must be ${id}` }]);
    const valid = validated(body, type);
    if (valid.personId !== held.personId) throw new ApiError(400, 'invalid-resource', `${type}/${id} is about another person: a record cannot be moved to someone else.`, [{ field: 'subject', message: 'must stay the same person' }]);
    const stored = await store.db.transaction().execute(async (trx) => {
      const outcome = await writeFhirRecord(trx, valid, expected);
      if (!outcome.ok) throw outcome.reason === 'stale' ? stale() : new ApiError(400, 'invalid-resource', `The ${type} was not stored: ${outcome.message}.`, outcome.field ? [{ field: outcome.field, message: outcome.message }] : undefined);
      await recordAudit(trx, [writeAudit(opened, valid, 'fhir-update', outcome.versionId)]);
      return (await readFhirRecord(trx, type, id))!;
    });
    return sent(request, reply, stored, 200);
  });
}

/** Records only the platform writes: a DocumentReference is the summary it sent to a GP (docs/gp-documents.md), never written by a client. */
export const writtenByThePlatformOnly: readonly ResourceType[] = ['DocumentReference'];

function writableType(value: string): ResourceType {
  const type = heldType(value);
  if (isSharedType(type)) throw new ApiError(405, 'not-supported', `${type} records are kept by import from the trust's systems and cannot be written here.`);
  if (writtenByThePlatformOnly.includes(type)) throw new ApiError(405, 'not-supported', `${type} records are written when a summary is sent to the GP, and cannot be written here.`);
  return type;
}

function resourceBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'invalid-resource', 'The request body must be a FHIR resource (a JSON object).', [{ field: 'body', message: 'is not a JSON object' }]);
  return body as Record<string, unknown>;
}

/** The import's validation (validateResource), with its reason as the OperationOutcome's. */
function validated(resource: Record<string, unknown>, type: ResourceType): ValidResource {
  const nul = pathToNul(resource);
  if (nul !== undefined) throw new ApiError(400, 'invalid-resource', `The ${type} is not valid: ${nul || 'a key'} holds a NUL character, which no FHIR string may.`, [{ field: nul || 'resource', message: 'holds a NUL character' }]);
  const checked = validateResource(resource, type);
  if (checked.ok) return checked;
  throw new ApiError(400, 'invalid-resource', `The ${type} is not valid: ${checked.message}.`, [{ field: checked.field ?? 'resource', message: checked.message }]);
}

function stale() {
  return new ApiError(412, 'stale-version', 'The record has changed since you read it: read it again and make your change on the new version. Nothing was saved.', [{ field: 'If-Match', message: 'is not the current version' }]);
}

function writeAudit(opened: OpenedRecord, valid: ValidResource, action: string, versionId: number) {
  return {
    actorId: opened.staff.id,
    actorRole: opened.staff.role,
    action,
    personId: valid.personId!,
    resourceType: valid.type,
    resourceId: valid.resource.id,
    basis: opened.basis,
    outcome: 'allowed' as const,
    detail: { version: versionId },
  };
}

/** The record as stored, with where its new version lives. */
function sent(request: FastifyRequest, reply: FastifyReply, stored: FhirRecord, status: number) {
  reply.header('location', `${fhirBase(request)}/${stored.type}/${stored.id}/_history/${stored.versionId}`);
  return sendVersion(reply, stored, status);
}
