import { changeSharing, confidentialityGuidance, endCarerInvolvement, fhirId, logCarerConcern, moveMainCarer, recordCarer, respondToConcern, type AnyResource } from '@continuity/domain';
import { carerRecords, personCarers, personRelationships, readPersonRecord, recordAudit, updatePersonRecord, type Database, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { refusedInput, writeNewRecord } from '../http/record-once.ts';
import { openRecord, type OpenedRecord } from '../people/record-access.ts';
import { concernsView } from './concerns-view.ts';

const personParams = z.object({ id: fhirId });
const carerParams = z.object({ id: fhirId, carerId: fhirId });
const concernParams = z.object({ id: fhirId, concernId: fhirId });
const text = z.string({ error: 'must be text' });
const formId = z.uuid({ error: 'must be the UUID the form made when it opened' });

// The shape only: what the values may be is the domain's check, field by field.
const carerBody = z.object({
  carerId: formId,
  relationship: text,
  givenName: z.string({ error: 'must be text' }).nullish(),
  familyName: text,
  phone: z.string({ error: 'must be text' }).nullish(),
  involvement: text,
  sharing: text,
  mainCarer: z.boolean({ error: 'must be true or false' }),
});
const sharingBody = z.object({
  /** The carer's version the staff member was looking at: a change made since is not overwritten. */
  version: z.number({ error: 'must be the version of the carer’s record you read' }).int().positive('must be the version of the carer’s record you read'),
  sharing: text,
});
const versionField = z.number({ error: 'must be the version of the carer’s record you read' }).int().positive('must be the version of the carer’s record you read');
const mainCarerBody = z.object({ version: versionField });
const endBody = z.object({ version: versionField, date: text, reason: text });
const concernBody = z.object({ concernId: formId, carerId: fhirId, channel: text, date: text, time: text, words: text });
const responseBody = z.object({ responseId: formId, outcome: text, words: text, date: text, time: text });

export interface CarerSettings {
  /** Hours a response to a carer's concern is due within (carer-concern-rules.ts unless set). */
  responseHours: number;
}

/**
 * Carers and family on a person's record, and their concerns (issue 5 part 4), as the FHIR records
 * docs/fhir.md describes (RelatedPerson; Communication carer-concern and carer-concern-response):
 * - GET  /api/people/:id/carers: carers with their sharing wishes, and every concern, open ones first
 *   with when the response is due, then the confidentiality guidance shown beside them;
 * - POST /api/people/:id/carers: add a carer (as main carer, the mark moves to them from whoever held it);
 * - POST /api/people/:id/carers/:carerId/sharing: what the person agrees to share, naming the version read (409 if stale);
 * - POST /api/people/:id/carers/:carerId/main-carer: make them the main carer, in the same change taking the mark from whoever held it;
 * - POST /api/people/:id/carers/:carerId/end: their involvement ended, on a day and for a reason;
 * - POST /api/people/:id/carer-concerns: log a concern in the carer's words;
 * - POST /api/people/:id/carer-concerns/:concernId/responses: the response and its outcome.
 * Every route goes through openRecord (access and audit); each write is one transaction with its
 * audit entry. New records take the id the form made, so a second send writes nothing.
 */
export function carerRoutes(app: FastifyInstance, store: Store, settings: CarerSettings) {
  app.get('/api/people/:id/carers', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-carers');
    const { carers, concerns } = await personCarers(store.db, personId);
    return { carers, concerns: concernsView(concerns, new Date(), settings.responseHours), responseHours: settings.responseHours, guidance: confidentialityGuidance };
  });

  app.post('/api/people/:id/carers', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(carerBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-carer');
    const outcome = recordCarer({ id: body.carerId, personId, relationship: body.relationship, givenName: body.givenName, familyName: body.familyName, phone: body.phone, involvement: body.involvement, sharing: body.sharing, mainCarer: body.mainCarer });
    if (!outcome.ok) throw refusedInput('The carer was not added', outcome.problems);
    let noLongerMain: string[] = [];
    // Codes only in the audit: the carer's name and number are in the record, never in the log.
    const written = await writeNewRecord(store, opened, personId, outcome.resource, 'add-carer', { relationship: body.relationship, sharing: body.sharing }, async (trx) => {
      if (!body.mainCarer) return;
      const others = await carerRecords(trx, personId);
      const moved = moveMainCarer(outcome.resource, others.map((o) => o.resource as AnyResource));
      if ('problem' in moved) return;
      noLongerMain = await takeMainCarerMark(trx, personId, others, moved.noLongerMain, opened);
    });
    return reply.status(written ? 201 : 200).send({ carer: { id: body.carerId, reference: `RelatedPerson/${body.carerId}`, version: 1 }, noLongerMainCarer: noLongerMain });
  });

  app.post('/api/people/:id/carers/:carerId/sharing', async (request) => {
    const { id: personId, carerId } = parseInput(carerParams, request.params, 'params');
    const body = parseInput(sharingBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-carer-sharing');
    const held = await carerOf(store, personId, carerId);
    if (held.versionId !== body.version) throw stale();
    const outcome = changeSharing(held.resource as AnyResource, body.sharing);
    if (!outcome.ok) throw refusedInput('What may be shared was not changed', outcome.problems);
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'RelatedPerson', id: carerId, personId, resource: outcome.resource }, body.version);
      if (written === undefined) throw stale();
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'change-carer-sharing', personId, resourceType: 'RelatedPerson', resourceId: carerId, basis, outcome: 'allowed', detail: { sharing: body.sharing, version: written } }]);
      return written;
    });
    return { carer: { id: carerId, version, sharing: body.sharing } };
  });

  app.post('/api/people/:id/carers/:carerId/main-carer', async (request) => {
    const { id: personId, carerId } = parseInput(carerParams, request.params, 'params');
    const body = parseInput(mainCarerBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-main-carer');
    return store.db.transaction().execute(async (trx) => {
      const others = await carerRecords(trx, personId);
      const held = others.find((o) => o.id === carerId);
      if (!held) throw new ApiError(404, 'not-found', 'This person has no carer with that id.');
      if (held.versionId !== body.version) throw stale();
      const moved = moveMainCarer(held.resource as AnyResource, others.map((o) => o.resource as AnyResource));
      if ('problem' in moved) throw refusedInput('The main carer was not changed', [{ field: 'carer', message: moved.problem }]);
      const version = await updatePersonRecord(trx, { type: 'RelatedPerson', id: carerId, personId, resource: moved.carer }, body.version);
      if (version === undefined) throw stale();
      const noLongerMain = await takeMainCarerMark(trx, personId, others, moved.noLongerMain, { staff, basis });
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'make-main-carer', personId, resourceType: 'RelatedPerson', resourceId: carerId, basis, outcome: 'allowed', detail: { version } }]);
      return { carer: { id: carerId, version, mainCarer: true }, noLongerMainCarer: noLongerMain };
    });
  });

  app.post('/api/people/:id/carers/:carerId/end', async (request) => {
    const { id: personId, carerId } = parseInput(carerParams, request.params, 'params');
    const body = parseInput(endBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-carer-ending');
    const held = await carerOf(store, personId, carerId);
    if (held.versionId !== body.version) throw stale();
    const outcome = endCarerInvolvement(held.resource as AnyResource, { date: body.date, reason: body.reason });
    if (!outcome.ok) throw refusedInput('Their involvement was not ended', outcome.problems);
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'RelatedPerson', id: carerId, personId, resource: outcome.resource }, body.version);
      if (written === undefined) throw stale();
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'end-carer-involvement', personId, resourceType: 'RelatedPerson', resourceId: carerId, basis, outcome: 'allowed', detail: { reason: body.reason, date: body.date, version: written } }]);
      return written;
    });
    return { carer: { id: carerId, version, active: false, ended: { date: body.date, reason: body.reason } } };
  });

  app.post('/api/people/:id/carer-concerns', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(concernBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-carer-concern');
    const carer = await readPersonRecord(store.db, personId, 'RelatedPerson', body.carerId);
    const outcome = logCarerConcern({ id: body.concernId, personId, carerId: body.carerId, teamId: await concernTeam(store, opened, personId), channel: body.channel, date: body.date, time: body.time, words: body.words });
    const problems = [...(carer ? [] : [{ field: 'carerId', message: 'is not one of this person’s carers' }]), ...(outcome.ok ? [] : outcome.problems)];
    if (problems.length > 0 || !outcome.ok) throw refusedInput('The concern was not logged', problems);
    const written = await writeNewRecord(store, opened, personId, outcome.resource, 'log-carer-concern', { carer: body.carerId, channel: body.channel, date: body.date });
    return reply.status(written ? 201 : 200).send({ concern: { id: body.concernId, reference: `Communication/${body.concernId}`, receivedAt: outcome.resource.received } });
  });

  app.post('/api/people/:id/carer-concerns/:concernId/responses', async (request, reply) => {
    const { id: personId, concernId } = parseInput(concernParams, request.params, 'params');
    const body = parseInput(responseBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-carer-concern-response');
    const concern = await readPersonRecord(store.db, personId, 'Communication', concernId);
    if (!concern) throw new ApiError(404, 'not-found', 'This person has no concern with that id.');
    const outcome = respondToConcern(concern.resource as AnyResource, { id: body.responseId, personId, outcome: body.outcome, words: body.words, date: body.date, time: body.time, practitionerId: opened.staff.practitionerId });
    if (!outcome.ok) throw refusedInput('The response was not recorded', outcome.problems);
    const written = await writeNewRecord(store, opened, personId, outcome.resource, 'respond-to-carer-concern', { concern: concernId, outcome: body.outcome, date: body.date });
    return reply.status(written ? 201 : 200).send({ response: { id: body.responseId, reference: `Communication/${body.responseId}`, inResponseTo: `Communication/${concernId}`, outcome: body.outcome } });
  });
}

/** The team a concern is raised with: one of the staff member's teams holding the person, else the first team holding them. */
async function concernTeam(store: Store, opened: OpenedRecord, personId: string): Promise<string | undefined> {
  const { teams } = await personRelationships(store.db, personId);
  return teams.find((t) => opened.staff.teams.some((s) => s.id === t)) ?? teams[0];
}

/**
 * Writes each carer losing the main-carer mark as a new version of the record read in the same
 * transaction, with its audit entry; a carer changed meanwhile refuses the whole change (409).
 */
async function takeMainCarerMark(
  trx: Kysely<Database>,
  personId: string,
  held: ReadonlyArray<{ id: string; versionId: number }>,
  noLongerMain: readonly AnyResource[],
  by: Pick<OpenedRecord, 'staff' | 'basis'>,
): Promise<string[]> {
  for (const carer of noLongerMain) {
    const read = held.find((h) => h.id === carer.id)!;
    const version = await updatePersonRecord(trx, { type: 'RelatedPerson', id: read.id, personId, resource: carer }, read.versionId);
    if (version === undefined) throw stale();
    await recordAudit(trx, [{ actorId: by.staff.id, actorRole: by.staff.role, action: 'no-longer-main-carer', personId, resourceType: 'RelatedPerson', resourceId: read.id, basis: by.basis, outcome: 'allowed', detail: { version } }]);
  }
  return noLongerMain.map((c) => c.id!);
}

async function carerOf(store: Store, personId: string, carerId: string) {
  const held = await readPersonRecord(store.db, personId, 'RelatedPerson', carerId);
  if (!held) throw new ApiError(404, 'not-found', 'This person has no carer with that id.');
  return held;
}

function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone changed this carer’s record since you opened it. Reload it, check their change, and make yours again if it is still right.', [
    { field: 'version', message: 'is not the current version of the carer’s record' },
  ]);
}

