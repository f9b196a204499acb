import { contactTeam, fhirDate, fhirId, londonToday, recordCheckIn, recordReferral, triageReferral, reportReaders, reportReadersInWords, type ResourceType, type Role } from '@continuity/domain';
import { findRecordsWithId, prepareRecord, quarterBefore, readPersonRecord, recordAudit, trustTeams, untriagedReferrals, updatePersonRecord, waitingTimes, writeRecords, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { recordOnce } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';

/** Triage at the single point of access is a clinical decision a team manager or clinical lead makes. */
const TRIAGE_ROLES: readonly Role[] = ['team-manager'];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'));
const reportQuery = z
  .object({ from: day.optional(), to: day.optional(), team: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a team id').optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });
const referralParams = z.object({ id: fhirId, referralId: fhirId });
const text = z.string({ error: 'must be text' });
const triageBody = z.object({
  /** The referral's version the triager read: a change made since is not overwritten. */
  version: z.number({ error: 'must be the version of the referral you read' }).int().positive('must be the version of the referral you read'),
  outcome: text,
  date: text,
  teamId: text.nullish(),
  onwardService: text.nullish(),
  reason: text.nullish(),
});
const referralBody = z.object({
  referralId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  /** The person on record, or the id the form made for someone new (then newPerson is given). */
  personId: fhirId,
  newPerson: z.object({ family: text, given: text, birthDate: text, nhsNumber: text.nullish(), postcode: text.nullish() }, { error: 'must be the new person’s details' }).nullish(),
  source: text,
  date: text,
  priority: text,
  reason: text,
  referrer: text.nullish(),
});
const checkInBody = z.object({ checkInId: z.uuid({ error: 'must be the UUID the form made when it opened' }), date: text, note: text });

/**
 * Referrals and waiting (issue 7 part 1):
 * - GET  /api/reports/waiting-times?from&to&team: aggregate waits by team and ethnic group (no people named);
 * - GET  /api/referrals/untriaged: the single point of access's queue (team managers; each person listed audited);
 * - POST /api/referrals: a referral into the single point of access, for someone on record or someone new;
 * - POST /api/people/:id/referrals/:referralId/triage: accepted to a team, signposted, or declined with an onward route;
 * - POST /api/people/:id/referrals/:referralId/check-ins: a check-in with a person while they wait.
 */
export function referralRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/reports/waiting-times', async (request) => {
    requireRole(request, reportReaders['waiting-times'], `see waiting times: they are for ${reportReadersInWords}`);
    const query = parseInput(reportQuery, request.query, 'query');
    const to = query.to ?? londonToday();
    return waitingTimes(store.db, { from: query.from ?? quarterBefore(to), to, team: query.team });
  });

  app.get('/api/referrals/untriaged', async (request) => {
    const staff = requireRole(request, TRIAGE_ROLES, 'triage referrals: triage is for team managers and clinical leads');
    const asOf = londonToday();
    const referrals = await untriagedReferrals(store.db, asOf);
    await recordAudit(store.db, referrals.map((r) => ({ actorId: staff.id, actorRole: staff.role, action: 'triage-queue', personId: r.personId, resourceType: 'ServiceRequest', resourceId: r.referralId, basis: 'triage' as const, outcome: 'allowed' as const })));
    return { asOf, referrals, teams: await trustTeams(store.db) };
  });

  app.post('/api/referrals', async (request, reply) => {
    const staff = requireRole(request, TRIAGE_ROLES, 'record referrals: the single point of access is for team managers and clinical leads');
    const body = parseInput(referralBody, request.body, 'body');
    const outcome = recordReferral({ ...body, newPerson: body.newPerson ?? null });
    if (!outcome.ok) throw new ApiError(400, 'invalid-input', `The referral was not recorded: ${outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, outcome.problems);
    const exists = await store.db.selectFrom('person').select('person_id').where('person_id', '=', body.personId).executeTakeFirst();
    const patient = outcome.resources.find((r) => r.resourceType === 'Patient') as { identifier?: Array<{ value?: string }> } | undefined;
    const nhsNumber = patient?.identifier?.[0]?.value;
    const records = outcome.resources.map((resource) => prepareRecord({ type: resource.resourceType as ResourceType, id: resource.id!, personId: body.personId, resource }));
    const held = await findRecordsWithId(store.db, ['ServiceRequest'], body.referralId);
    if (held.length > 0) {
      // Sent again: the same referral is answered as before; a different one under its id is refused.
      const same = held[0]!.personId === body.personId && held[0]!.contentHash === records.at(-1)!.contentHash;
      if (!same) throw new ApiError(409, 'id-in-use', 'A different referral already has this id. Reload the form to record this as a new one.', [{ field: 'referralId', message: 'is already used by a different referral' }]);
      return reply.status(200).send({ referral: { id: body.referralId, personId: body.personId } });
    }
    if (!body.newPerson && !exists) throw new ApiError(404, 'not-found', 'There is no person with that id: give the new person’s details instead.');
    if (body.newPerson && exists) throw new ApiError(409, 'person-id-in-use', 'That person id is already on record. Reload the form to record a new person.', [{ field: 'personId', message: 'is already used' }]);
    if (nhsNumber && (await store.db.selectFrom('person').select('person_id').where('nhs_number', '=', nhsNumber).executeTakeFirst())) {
      throw new ApiError(409, 'nhs-number-on-record', 'A person with this NHS number is already on record: find them and record the referral for them.', [{ field: 'nhsNumber', message: 'belongs to a person already on record' }]);
    }
    await store.db.transaction().execute(async (trx) => {
      await writeRecords(trx, records.map((r) => ({ ...r, personId: body.personId })));
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'record-referral', personId: body.personId, resourceType: 'ServiceRequest', resourceId: body.referralId, basis: 'triage', outcome: 'allowed', detail: { source: body.source, newPerson: Boolean(body.newPerson) } }]);
    });
    return reply.status(201).send({ referral: { id: body.referralId, personId: body.personId } });
  });

  app.post('/api/people/:id/referrals/:referralId/triage', async (request) => {
    const { id: personId, referralId } = parseInput(referralParams, request.params, 'params');
    const staff = requireRole(request, TRIAGE_ROLES, 'triage referrals: triage is for team managers and clinical leads');
    const body = parseInput(triageBody, request.body, 'body');
    const held = await readPersonRecord(store.db, personId, 'ServiceRequest', referralId);
    if (!held) throw new ApiError(404, 'not-found', 'This person has no referral with that id.');
    if (held.resource.performer) throw new ApiError(409, 'already-triaged', 'This referral already has a team: it was triaged. Reload the queue.');
    // Triaged since the triager read it (signposted or declined leave no team): a conflict, not a wrong field.
    if (held.versionId !== body.version) throw stale();
    const teams = new Set((await trustTeams(store.db)).map((t) => t.id));
    const outcome = triageReferral(held.resource, { outcome: body.outcome, date: body.date, teamId: body.teamId, onwardService: body.onwardService, reason: body.reason }, teams);
    if (!outcome.ok) throw new ApiError(400, 'invalid-input', `The referral was not triaged: ${outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, outcome.problems);
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'ServiceRequest', id: referralId, personId, resource: outcome.resource }, body.version);
      if (written === undefined) throw stale();
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'triage-referral', personId, resourceType: 'ServiceRequest', resourceId: referralId, basis: 'triage', outcome: 'allowed', detail: { outcome: body.outcome, team: body.teamId ?? null, version: written } }]);
      return written;
    });
    return { referral: { id: referralId, version, outcome: body.outcome } };
  });

  app.post('/api/people/:id/referrals/:referralId/check-ins', async (request, reply) => {
    const { id: personId, referralId } = parseInput(referralParams, request.params, 'params');
    const body = parseInput(checkInBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-check-in');
    const held = await readPersonRecord(store.db, personId, 'ServiceRequest', referralId);
    if (!held) throw new ApiError(404, 'not-found', 'This person has no referral with that id.');
    const outcome = recordCheckIn(held.resource, { id: body.checkInId, personId, date: body.date, note: body.note, teamId: contactTeam(staff.teams.map((t) => t.id), undefined), practitionerId: staff.practitionerId });
    if (!outcome.ok) throw new ApiError(400, 'invalid-input', `The check-in was not recorded: ${outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, outcome.problems);
    const record = prepareRecord({ type: 'Communication', id: body.checkInId, personId, resource: outcome.resource });
    const audit = { actorId: staff.id, actorRole: staff.role, action: 'record-check-in', personId, resourceType: 'Communication', resourceId: body.checkInId, basis, outcome: 'allowed' as const, detail: { referral: referralId, date: body.date } };
    const inUse = () => new ApiError(409, 'id-in-use', 'A different record already has this check-in id. Reload the form to record this as a new one.', [{ field: 'checkInId', message: 'is already used by a different record' }]);
    const written = (await recordOnce(store, { ...record, personId }, audit, inUse)) === 'created';
    return reply.status(written ? 201 : 200).send({ checkIn: { id: body.checkInId, reference: `Communication/${body.checkInId}` } });
  });
}

function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone changed this referral since you opened it. Reload it and triage again if it is still right.', [{ field: 'version', message: 'is not the current version of the referral' }]);
}
