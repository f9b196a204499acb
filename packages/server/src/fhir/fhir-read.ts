import { readRecordVersions, withMeta, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { asReaderMay, fhirId, heldType, openFhirRecord } from './fhir-access.ts';
import { etagOf, FHIR_JSON } from './operation-outcome.ts';

type ReadParams = { type: string; id: string; vid?: string };

/** A resource as served: with the server's meta, its version as the ETag, and when it last changed. */
export function sendVersion(reply: FastifyReply, version: { versionId: number; lastUpdated: string; resource: Record<string, unknown> }, status = 200) {
  return reply
    .status(status)
    .type(FHIR_JSON)
    .header('etag', etagOf(version.versionId))
    .header('last-modified', new Date(version.lastUpdated).toUTCString())
    .send(withMeta(version));
}

/**
 * GET /fhir/:type/:id: the current version. GET /fhir/:type/:id/_history/:vid: any version still
 * held: the current one, or one an app update replaced (record_version). Shared records keep only
 * their current version.
 */
export function fhirReadRoutes(fhir: FastifyInstance, store: Store) {
  fhir.get<{ Params: ReadParams }>('/:type/:id', async (request, reply) => {
    const type = heldType(request.params.type);
    const record = await openFhirRecord(store, request, type, request.params.id, 'fhir-read');
    return sendVersion(reply, await asReaderMay(store, record, record));
  });

  fhir.get<{ Params: ReadParams }>('/:type/:id/_history/:vid', async (request, reply) => {
    const type = heldType(request.params.type);
    const vid = fhirId(request.params.vid ?? '', 'vid');
    const record = await openFhirRecord(store, request, type, request.params.id, 'fhir-read-version');
    const versions = record.personId ? await readRecordVersions(store.db, record.personId, type, record.id) : [record];
    const version = versions.find((v) => String(v.versionId) === vid);
    if (!version) throw new ApiError(404, 'not-found', `${type}/${record.id} has no version ${vid}.`);
    return sendVersion(reply, await asReaderMay(store, record, version));
  });
}
