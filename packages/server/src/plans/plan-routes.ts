import { fhirId, goalTakenOffPlan, londonToday, planKinds, savedSinceMessage, writePlan, type PlanEntry, type PlanProblem, type PlanView } from '@continuity/domain';
import { findRecordsWithId, personPlan, personPlans, planCarers, planKeyWorker, planSavers, planVersions, prepareRecord, readPersonRecord, recordAudit, updatePersonRecord, writeRecords, type Database, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord, type OpenedRecord } from '../people/record-access.ts';
import { createPlanBody, updatePlanBody } from './plan-input.ts';

const personParams = z.object({ id: fhirId });
const planParams = z.object({ id: fhirId, planId: fhirId });
const versionParams = z.object({ id: fhirId, planId: fhirId, version: z.coerce.number({ error: 'must be a version number' }).int().positive('must be a version number') });

/**
 * A person's plans and formulations (issue 5 part 3; docs/plans.md), each a CarePlan with its
 * sections in words (docs/fhir.md "CarePlan and Goal"):
 * - GET  /api/people/:id/plans: every plan, current first, with the key worker and carers a new one would name;
 * - GET  /api/people/:id/plans/:planId: one plan and its versions (who saved each, when, what changed);
 * - GET  /api/people/:id/plans/:planId/versions/:version: the plan as it was at that version;
 * - POST /api/people/:id/plans: a new plan of a kind the person has no current plan of;
 * - POST /api/people/:id/plans/:planId: a new version, on the version opened (409 naming who saved since).
 * Every route goes through openRecord (clinical roles with a relationship, audited); every save and
 * its audit entry are one transaction; the audit holds the kind and the sections saved, never words.
 */
export function planRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/plans', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-plans');
    const [plans, keyWorker, carers] = await Promise.all([personPlans(store.db, personId), planKeyWorker(store.db, personId), planCarers(store.db, personId)]);
    return { plans, keyWorker, carers };
  });

  app.get('/api/people/:id/plans/:planId', async (request) => {
    const { id: personId, planId } = parseInput(planParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-plan');
    const plan = await planOf(store.db, personId, planId);
    const versions = (await planVersions(store.db, personId, planId)).map(({ plan: _plan, ...summary }) => summary);
    return { plan, versions };
  });

  app.get('/api/people/:id/plans/:planId/versions/:version', async (request) => {
    const { id: personId, planId, version } = parseInput(versionParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-plan-version');
    const found = (await planVersions(store.db, personId, planId)).find((v) => v.version === version);
    if (!found) throw new ApiError(404, 'not-found', 'This plan has no version with that number still held.');
    return found;
  });

  app.post('/api/people/:id/plans', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(createPlanBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-plan');
    const outcome = writePlan(entryOf(body, body.kind), { id: body.planId, personId, today: londonToday(), author: authorOf(opened), ...(await peopleNamed(store.db, personId)) });
    if (!outcome.ok) throw refused(outcome.problems);
    const record = prepareRecord({ type: 'CarePlan', id: body.planId, personId, resource: outcome.plan });
    const held = await findRecordsWithId(store.db, ['CarePlan'], body.planId);
    if (held.length > 0) {
      if (held[0]!.personId === personId && held[0]!.contentHash === record.contentHash) return reply.status(200).send({ plan: { id: body.planId, kind: body.kind, version: 1 } });
      throw idInUse();
    }
    await store.db
      .transaction()
      .execute(async (trx) => {
        // One writer per person at a time, so two clinicians cannot each start a current plan of the same kind.
        await sql`SELECT person_id FROM person WHERE person_id = ${personId} FOR UPDATE`.execute(trx);
        const current = (await personPlans(trx, personId)).find((p) => p.kind === body.kind && (p.status === 'active' || p.status === 'on-hold'));
        if (current) throw planExists(current);
        const written = await writeRecords(trx, [...outcome.goals.map((goal) => ({ type: 'Goal' as const, id: goal.id!, personId, resource: goal })), record]);
        if (written.updated.some((r) => r.type === 'CarePlan')) throw idInUse();
        await recordAudit(trx, [saveAudit(opened, personId, body.planId, 'create-plan', { kind: body.kind, version: 1, sections: sectionsOf(outcome.plan) })]);
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw idInUse();
        throw error;
      });
    return reply.status(201).send({ plan: { id: body.planId, kind: body.kind, version: 1 } });
  });

  app.post('/api/people/:id/plans/:planId', async (request) => {
    const { id: personId, planId } = parseInput(planParams, request.params, 'params');
    const body = parseInput(updatePlanBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-plan');
    const named = await peopleNamed(store.db, personId);
    return store.db.transaction().execute(async (trx) => {
      const held = await planOf(trx, personId, planId);
      // A version saved since the clinician opened it is shown to them before whatever they changed is judged.
      if (held.version !== body.version) throw await savedSince(trx, personId, held);
      const stored = (await trx.selectFrom('record').select('resource').where('person_id', '=', personId).where('resource_type', '=', 'CarePlan').where('id', '=', planId).executeTakeFirstOrThrow()).resource;
      const outcome = writePlan(entryOf(body, held.kind), { id: planId, personId, today: londonToday(), author: authorOf(opened), ...named, previous: stored, previousGoals: held.goals });
      if (!outcome.ok) throw refused(outcome.problems);
      const version = await updatePersonRecord(trx, { type: 'CarePlan', id: planId, personId, resource: outcome.plan }, body.version);
      if (version === undefined) throw await savedSince(trx, personId, await planOf(trx, personId, planId));
      if (outcome.goals.length > 0) await writeRecords(trx, outcome.goals.map((goal) => ({ type: 'Goal' as const, id: goal.id!, personId, resource: goal })));
      for (const goalId of outcome.removedGoals) {
        const goal = await readPersonRecord(trx, personId, 'Goal', goalId);
        const cancelled = goal && goalTakenOffPlan(goal.resource);
        if (goal && cancelled) await updatePersonRecord(trx, { type: 'Goal', id: goalId, personId, resource: cancelled }, goal.versionId);
      }
      await recordAudit(trx, [saveAudit(opened, personId, planId, 'save-plan', { kind: held.kind, version, sections: sectionsOf(outcome.plan) })]);
      return { plan: { id: planId, kind: held.kind, version } };
    }).catch((error: unknown) => {
      // A new goal's id (the plan's id and a number) already held by another person's Goal: refuse rather than fail.
      if ((error as { code?: string }).code === '23505') throw new ApiError(409, 'id-in-use', 'A new goal could not be given an id of its own. Nothing was saved; tell the system administrator.', [{ field: 'goals', message: 'could not be stored under a new id' }]);
      throw error;
    });
  });
}

type Fields = { sections: PlanEntry['sections']; madeWithPerson: boolean; carers: string[]; coProducedWith?: string | null; crisisContact?: string | null; contactFrequencyDays?: string | number | null; goals?: string[] | null };

function entryOf(body: Fields, kind: string): PlanEntry {
  return { kind, sections: body.sections, madeWithPerson: body.madeWithPerson, carers: body.carers, coProducedWith: body.coProducedWith, crisisContact: body.crisisContact, contactFrequencyDays: body.contactFrequencyDays, goals: body.goals };
}

async function peopleNamed(db: Kysely<Database>, personId: string) {
  const [keyWorker, carers] = await Promise.all([planKeyWorker(db, personId), planCarers(db, personId)]);
  return { keyWorker, carers };
}

function authorOf({ staff }: OpenedRecord) {
  return { practitionerId: staff.practitionerId ?? null, name: staff.displayName };
}

async function planOf(db: Kysely<Database>, personId: string, planId: string) {
  const plan = await personPlan(db, personId, planId);
  if (!plan) throw new ApiError(404, 'not-found', 'This person has no plan or formulation with that id.');
  return plan;
}

/** The section codes saved: what the audit may say about a plan, never its words. */
function sectionsOf(plan: Record<string, any>): string[] {
  return ((plan.extension ?? []) as Array<Record<string, any>>).flatMap((x) => (x.extension ?? []).filter((p: Record<string, any>) => p.url === 'section').map((p: Record<string, any>) => String(p.valueCode)));
}

function saveAudit({ staff, basis }: OpenedRecord, personId: string, planId: string, action: string, detail: Record<string, unknown>) {
  return { actorId: staff.id, actorRole: staff.role, action, personId, resourceType: 'CarePlan', resourceId: planId, basis, outcome: 'allowed' as const, detail };
}

async function savedSince(db: Kysely<Database>, personId: string, current: PlanView & { version: number; lastUpdated: string }): Promise<ApiError> {
  const savedBy = (await planSavers(db, personId, current.id)).get(current.version) ?? null;
  return new ApiError(409, 'stale-version', savedSinceMessage(planKinds[current.kind].label, savedBy, current.lastUpdated), [
    { field: 'version', message: `is not the current version of the plan (now version ${current.version})` },
  ]);
}

function refused(problems: PlanProblem[]): ApiError {
  return new ApiError(400, 'invalid-input', `The plan was not saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
}

function planExists(current: PlanView): ApiError {
  return new ApiError(409, 'plan-exists', `This person already has a current ${current.label.toLowerCase()}: open it and save a new version instead.`, [
    { field: 'kind', message: `already has a current plan (CarePlan/${current.id})` },
  ]);
}

function idInUse(): ApiError {
  return new ApiError(409, 'id-in-use', 'A different record already has this plan id. Reload the form to write this as a new plan.', [{ field: 'planId', message: 'is already used by a different record' }]);
}
