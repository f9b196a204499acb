import { changeAgreementStatus, fhirId, londonToday, practiceAnswers, system } from '@continuity/domain';
import { agreementPerson, loadAgreement, practiceSharedCare, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { staleAgreement, writeAgreementChange } from './write-agreement-change.ts';

const agreementParams = z.object({ agreementId: fhirId });

const answerBody = z.object({
  status: z.string({ error: 'must be accepted or declined' }),
  /** The day of the answer; today in England when absent. */
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }).optional(),
  version: z.number({ error: 'must be the version of the agreement you read' }).int().positive('must be the version of the agreement you read'),
});

/**
 * The GP practice's view of shared care (docs/shared-care.md): a partner-agency account linked to
 * a GP practice Organization sees, for each person under an agreement with its practice, the
 * medicine and exactly the tasks its practice holds or is asked to hold, and answers proposals.
 * Nothing else of anyone's record: the account is not clinical, so search, records and worklists
 * refuse it as they refuse every partner.
 *
 * GET /api/shared-care/practice: proposals waiting for the practice's answer and the agreements it
 * holds. Every person shown is audited (basis `shared-care-agreement`).
 *
 * POST /api/shared-care/practice/:agreementId/answer: accepts or declines a proposal, on the version
 * read (409 when it changed since). An agreement with another practice is not found (404).
 */
export function practiceRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/shared-care/practice', async (request) => {
    const { staff, practice } = await requirePractice(store, request);
    const agreements = await practiceSharedCare(store.db, practice.id);
    await recordAudit(
      store.db,
      agreements.map((a) => ({
        actorId: staff.id, actorRole: staff.role, action: 'read-shared-care-responsibilities', personId: a.personId, resourceType: 'CarePlan', resourceId: a.id,
        basis: 'shared-care-agreement' as const, outcome: 'allowed' as const, detail: { practice: practice.id },
      })),
    );
    return { practice, agreements: agreements.map(({ personId: _personId, ...shown }) => shown) };
  });

  app.post('/api/shared-care/practice/:agreementId/answer', async (request) => {
    const { staff, practice } = await requirePractice(store, request);
    const { agreementId } = parseInput(agreementParams, request.params, 'params');
    const body = parseInput(answerBody, request.body, 'body');
    const personId = await agreementPerson(store.db, agreementId);
    const held = personId ? await loadAgreement(store.db, personId, agreementId) : undefined;
    const audit = (outcome: 'allowed' | 'refused', detail: Record<string, unknown>) => ({
      actorId: staff.id, actorRole: staff.role, action: 'answer-shared-care', personId: personId ?? null, resourceType: 'CarePlan', resourceId: agreementId, basis: 'shared-care-agreement' as const, outcome, detail,
    });
    if (!held || held.agreement.practiceId !== practice.id) {
      if (personId) await recordAudit(store.db, [audit('refused', { practice: practice.id })]);
      throw new ApiError(404, 'not-found', 'Your practice has no shared care agreement with that id.');
    }
    if (held.versionId !== body.version) throw staleAgreement();
    const date = body.date ?? londonToday();
    const checked = changeAgreementStatus(held.agreement, { status: body.status, date, today: londonToday() }, practiceAnswers);
    if (!checked.ok) {
      throw new ApiError(400, 'invalid-input', `The answer was not recorded: ${checked.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, checked.problems);
    }
    const version = await writeAgreementChange(store, held.agreement.personId, checked.agreement, body.version, audit('allowed', { practice: practice.id, status: body.status, date }));
    return { agreement: { id: agreementId, version, status: checked.agreement.status, history: checked.agreement.history } };
  });
}

/**
 * The signed-in GP practice: a partner-agency account whose organisation is a GP practice. Anyone
 * else is refused, clinicians included: they see shared care on the person's record.
 */
export async function requirePractice(store: Store, request: FastifyRequest): Promise<{ staff: SignedInUser; practice: { id: string; name: string } }> {
  const staff = requireStaff(request);
  const refuse = () => new ApiError(403, 'forbidden', 'Only an account linked to a GP practice can see its shared care responsibilities.');
  if (staff.role !== 'partner-agency' || !staff.organisationId) throw refuse();
  const practice = await store.db
    .selectFrom('shared_record')
    .select(['id', 'resource'])
    .where('resource_type', '=', 'Organization')
    .where('id', '=', staff.organisationId)
    .executeTakeFirst();
  const types = ((practice?.resource as Record<string, any> | undefined)?.type ?? []) as Array<{ coding?: Array<{ system?: string; code?: string }> }>;
  if (!practice || !types.some((t) => t.coding?.some((c) => c.system === system.organisationType && c.code === 'gp-practice'))) throw refuse();
  return { staff, practice: { id: practice.id, name: ((practice.resource as Record<string, any>).name as string | undefined) ?? practice.id } };
}
