import { agreementResource, changeAgreementStatus, conceptText, fhirId, londonToday, proposeAgreement, type Role } from '@continuity/domain';
import { loadAgreement, loadAgreements, lockOpenAgreement, personSharedCare, prepareRecord, readPersonRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { recordOnce } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';
import { staleAgreement, writeAgreementChange } from './write-agreement-change.ts';

/** Who proposes shared care and records its answers: the specialist team's clinicians (issue 6 part 3). */
const SPECIALISTS: readonly Role[] = ['prescriber', 'key-worker', 'team-manager'];

const personParams = z.object({ id: fhirId });
const agreementParams = z.object({ id: fhirId, agreementId: fhirId });
const date = z.string({ error: 'must be a date as YYYY-MM-DD' });

/** The shape only: what the values may be is the domain's check (proposeAgreement), field by field. */
const proposalBody = z.object({
  /** Made by the form when it opens and used as the CarePlan id, so a second send records nothing new. */
  agreementId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  medicationRequest: fhirId,
  /** The specialist team proposing; needed only when the clinician works in more than one. */
  team: fhirId.optional(),
  date,
  responsibilities: z.array(z.object({ task: z.string({ error: 'must be a task' }), holder: z.string({ error: 'must be practice or team' }) }), { error: 'must list who does each task' }).max(20, 'must list at most 20 tasks'),
});

const changeBody = z.object({
  status: z.string({ error: 'must be accepted, declined or ended' }),
  date,
  /** The agreement's version the clinician was looking at: a change made since is not overwritten. */
  version: z.number({ error: 'must be the version of the agreement you read' }).int().positive('must be the version of the agreement you read'),
});

/**
 * A person's shared care agreements (docs/shared-care.md), as CarePlans in their record:
 *
 * GET /api/people/:id/shared-care: their agreements with every responsibility, their GP practice,
 * and the prescriptions that can be shared with the tasks offered for each. Staff with access to
 * the record (openRecord).
 *
 * POST /api/people/:id/shared-care: proposes an agreement to the person's GP practice. Prescribers,
 * key workers and team managers with access. The body's agreementId is the CarePlan id: sending
 * the same proposal again writes nothing; a different one under that id is a 409.
 *
 * POST /api/people/:id/shared-care/:agreementId/status: records an answer (accepted, declined) or
 * an end, with its day, on the version read (409 when it changed since). The same roles.
 *
 * Every write and its audit entry go in one transaction; refusals name the field and why.
 */
export function agreementRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/shared-care', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const { staff } = await openRecord(store, request, personId, 'read-shared-care');
    return { ...(await personSharedCare(store.db, personId)), teams: staff.teams };
  });

  app.post('/api/people/:id/shared-care', async (request, reply) => {
    requireRole(request, SPECIALISTS, 'propose shared care');
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(proposalBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-shared-care');
    const ownTeams = staff.teams.map((t) => t.id);
    const team = body.team ?? (ownTeams.length === 1 ? ownTeams[0] : undefined);
    if (!team || !ownTeams.includes(team)) {
      throw new ApiError(400, 'invalid-input', 'Say which of your teams proposes this shared care.', [{ field: 'team', message: ownTeams.length ? `must be one of your teams: ${ownTeams.join(', ')}` : 'must be a team you work in' }]);
    }

    const [prescription, person, existing] = await Promise.all([
      readPersonRecord(store.db, personId, 'MedicationRequest', body.medicationRequest),
      store.db.selectFrom('person').select('gp_practice_id').where('person_id', '=', personId).executeTakeFirst(),
      loadAgreements(store.db, { personIds: [personId] }),
    ]);
    const medicine = prescription ? medicineName(prescription.resource) : '';
    const checked = proposeAgreement({
      id: body.agreementId,
      personId,
      prescription: prescription ? { id: body.medicationRequest, status: prescription.status ?? 'unknown', medicine } : undefined,
      practiceId: person?.gp_practice_id ?? null,
      specialistTeamId: team,
      date: body.date,
      today: londonToday(),
      responsibilities: body.responsibilities,
      // This id's own record is a resend (or a reused id), which recordOnce settles, not a second agreement.
      existing: existing.map((h) => h.agreement).filter((a) => a.id !== body.agreementId),
    });
    if (!checked.ok) {
      throw new ApiError(400, 'invalid-input', `The proposal was not recorded: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, checked.problems);
    }

    const { agreement } = checked;
    const record = prepareRecord({ type: 'CarePlan', id: agreement.id, personId, resource: agreementResource(agreement) });
    // The medicine and the tasks, never clinical detail: the audit says what was done.
    const audit = {
      actorId: staff.id, actorRole: staff.role, action: 'propose-shared-care', personId, resourceType: 'CarePlan', resourceId: agreement.id, basis, outcome: 'allowed' as const,
      detail: { medicationRequest: agreement.medicationRequestId, practice: agreement.practiceId, team, date: body.date },
    };
    // Checked again as it is written, with the prescription locked: a proposal sent at the same moment cannot make a second open agreement.
    const noneOpen = async (trx: Store['db']) => {
      const open = await lockOpenAgreement(trx, personId, agreement.medicationRequestId, agreement.id);
      if (open) throw agreementOpen(open.status);
    };
    const written = (await recordOnce(store, { ...record, personId }, audit, idInUse, ['CarePlan'], noneOpen)) === 'created';
    return reply.status(written ? 201 : 200).send({ agreement: { id: agreement.id, version: 1, status: agreement.status, history: agreement.history } });
  });

  app.post('/api/people/:id/shared-care/:agreementId/status', async (request) => {
    requireRole(request, SPECIALISTS, 'record shared care answers');
    const { id: personId, agreementId } = parseInput(agreementParams, request.params, 'params');
    const body = parseInput(changeBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-shared-care');
    const held = await loadAgreement(store.db, personId, agreementId);
    if (!held) throw new ApiError(404, 'not-found', 'This person has no shared care agreement with that id.');
    if (held.versionId !== body.version) throw staleAgreement();
    const checked = changeAgreementStatus(held.agreement, { status: body.status, date: body.date, today: londonToday() });
    if (!checked.ok) {
      throw new ApiError(400, 'invalid-input', `The change was not recorded: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, checked.problems);
    }
    const audit = { actorId: staff.id, actorRole: staff.role, action: 'change-shared-care', personId, resourceType: 'CarePlan', resourceId: agreementId, basis, outcome: 'allowed' as const, detail: { status: body.status, date: body.date } };
    const version = await writeAgreementChange(store, personId, checked.agreement, body.version, audit);
    return { agreement: { id: agreementId, version, status: checked.agreement.status, history: checked.agreement.history } };
  });
}

function agreementOpen(status: string): ApiError {
  return new ApiError(409, 'agreement-open', `This prescription already has a shared care agreement ${status}: record its answer or end it first.`, [
    { field: 'medicationRequest', message: `already has a shared care agreement ${status}: record its answer or end it first` },
  ]);
}

function idInUse(): ApiError {
  return new ApiError(409, 'agreement-id-in-use', 'A different record already has this agreement id. Reload the form to propose this agreement as a new one.', [
    { field: 'agreementId', message: 'is already used by a different record' },
  ]);
}

function medicineName(resource: Record<string, any>): string {
  return conceptText(resource.medicationCodeableConcept) ?? 'A medicine';
}
