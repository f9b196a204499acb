import { isRole, londonToday, roles } from '@continuity/domain';
import {
  activeStaffOfTeams,
  addEscalationTask,
  closeEscalationTask,
  disengagedWorklist,
  loadEscalationRecords,
  personRelationships,
  recordAudit,
  recordMdtDecision,
  staffNames,
  type AuditEntry,
  type Store,
} from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord, type OpenedRecord } from '../people/record-access.ts';
import { asOfQuery, cancelTaskBody, completeTaskBody, decisionBody, newTaskBody, personParams, taskParams } from './escalation-input.ts';
import { decisionView, peopleInLadder, stepView, taskView } from './escalation-views.ts';

/**
 * The assertive-engagement ladder of one person (issue 4, part 4; escalation-ladder.ts in the domain):
 * - GET  /api/people/:id/escalation?asOf=: each step done, open or due, the next step, MDT decisions;
 * - POST /api/people/:id/escalation/tasks: a step as a task with an owner and a due date;
 * - POST /api/people/:id/escalation/tasks/:taskId/complete | cancel: at the version read (409 if changed since);
 * - POST /api/people/:id/escalation/decisions: an MDT decision with its review date.
 * Access goes through openRecord (audited, refusals too). Each write and its audit entry are one
 * transaction. Owners must be active clinical staff in a team holding the person.
 */
export function escalationRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/escalation', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const asOf = parseInput(asOfQuery, request.query, 'query').asOf ?? londonToday();
    await openRecord(store, request, personId, 'read-escalation');
    const [worklist, records, staff, person] = await Promise.all([
      disengagedWorklist(store.db, { asOf, people: [personId] }),
      loadEscalationRecords(store.db, [personId]),
      possibleOwners(store, personId),
      store.db.selectFrom('person').select(['given_names', 'family_name']).where('person_id', '=', personId).executeTakeFirst(),
    ]);
    const state = worklist.people.get(personId)?.escalation;
    const reasons = [...worklist.list.items, ...worklist.decided].find((i) => i.patient.id === personId)?.reasons ?? [];
    const { tasks, decisions } = records.get(personId)!;
    const names = await staffNames(store.db, [...peopleInLadder(state), ...tasks.flatMap((t) => [t.ownerId, t.createdBy, ...(t.completedBy ? [t.completedBy] : [])]), ...decisions.map((d) => d.recordedBy)]);
    return {
      asOf,
      person: { id: personId, name: [person?.given_names, person?.family_name].filter(Boolean).join(' ') || null },
      disengaged: reasons.length > 0,
      reasons,
      disengagedSince: state?.disengagedSince ?? null,
      steps: state ? state.steps.map((s) => stepView(s, names)) : [],
      next: state?.next?.step.code ?? null,
      overdue: state?.overdue ?? 0,
      decision: state?.decision ? decisionView(state.decision, names) : null,
      decisionStands: state?.decisionStands ?? false,
      tasks: [...tasks].reverse().map((t) => taskView(t, names)),
      decisions: [...decisions].reverse().map((d) => decisionView(d, names)),
      staff: staff.map((s) => ({ id: s.id, name: s.name })),
    };
  });

  app.post('/api/people/:id/escalation/tasks', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(newTaskBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-escalation');
    const entry = audit(opened, 'add-escalation-task', personId, { step: body.step, due: body.due, owner: body.ownerId });
    if (!(await possibleOwners(store, personId)).some((s) => s.id === body.ownerId)) {
      await recordAudit(store.db, [{ ...entry, outcome: 'refused' }]);
      throw new ApiError(400, 'invalid-owner', 'The owner must be active clinical staff in a team that holds this person.', [
        { field: 'ownerId', message: 'is not active clinical staff in a team holding this person' },
      ]);
    }
    const task = await store.db.transaction().execute(async (trx) => {
      const saved = await addEscalationTask(trx, { personId, step: body.step, ownerId: body.ownerId, due: body.due, createdBy: opened.staff.id });
      await recordAudit(trx, [{ ...entry, resourceId: saved.id }]);
      return saved;
    });
    const names = await staffNames(store.db, [task.ownerId, task.createdBy]);
    return reply.status(201).send(taskView(task, names));
  });

  for (const action of ['complete', 'cancel'] as const) {
    app.post(`/api/people/:id/escalation/tasks/:taskId/${action}`, async (request) => {
      const { id: personId, taskId } = parseInput(taskParams, request.params, 'params');
      const body = action === 'complete' ? parseInput(completeTaskBody, request.body, 'body') : parseInput(cancelTaskBody, request.body, 'body');
      const opened = await openRecord(store, request, personId, 'open-for-escalation');
      const outcome = 'outcome' in body ? body.outcome : body.reason || null;
      const task = await store.db.transaction().execute(async (trx) => {
        const result = await closeEscalationTask(trx, { personId, taskId, version: body.version, status: action === 'complete' ? 'done' : 'cancelled', outcome, by: opened.staff.id });
        if ('problem' in result) throw closeProblem(result.problem);
        await recordAudit(trx, [{ ...audit(opened, `${action}-escalation-task`, personId, { step: result.closed.step, version: result.closed.version }), resourceId: taskId }]);
        return result.closed;
      });
      const names = await staffNames(store.db, [task.ownerId, task.createdBy, task.completedBy!]);
      return taskView(task, names);
    });
  }

  app.post('/api/people/:id/escalation/decisions', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(decisionBody, request.body, 'body');
    if (body.reviewOn <= body.decidedOn) throw new ApiError(400, 'invalid-input', 'The review date must be after the day of the decision.', [{ field: 'reviewOn', message: 'must be after the day the MDT decided' }]);
    if (body.decidedOn > londonToday()) throw new ApiError(400, 'invalid-input', 'An MDT decision cannot be dated in the future.', [{ field: 'decidedOn', message: 'must be today or earlier' }]);
    const opened = await openRecord(store, request, personId, 'open-for-escalation');
    // A decision dated before this spell out of contact began would not take the person off the list: say so rather than store it silently.
    const since = (await disengagedWorklist(store.db, { people: [personId] })).people.get(personId)?.escalation?.disengagedSince;
    if (since && body.decidedOn < since) {
      throw new ApiError(400, 'invalid-input', `This spell out of contact began on ${since}; a decision made before then is about an earlier one.`, [
        { field: 'decidedOn', message: `must be on or after ${since}, the day this spell out of contact began` },
      ]);
    }
    const decision = await store.db.transaction().execute(async (trx) => {
      const saved = await recordMdtDecision(trx, { personId, decidedOn: body.decidedOn, decision: body.decision, reviewOn: body.reviewOn, recordedBy: opened.staff.id });
      await recordAudit(trx, [{ ...audit(opened, 'record-mdt-decision', personId, { decidedOn: body.decidedOn, reviewOn: body.reviewOn }), resourceType: 'EngagementDecision', resourceId: saved.id }]);
      return saved;
    });
    return reply.status(201).send(decisionView(decision, await staffNames(store.db, [decision.recordedBy])));
  });
}

/** The audit entry of a write; free text (outcomes, decisions) stays in the record, not the audit trail. */
function audit(opened: OpenedRecord, action: string, personId: string, detail: Record<string, unknown>): AuditEntry {
  return { actorId: opened.staff.id, actorRole: opened.staff.role, action, personId, resourceType: 'EngagementTask', basis: opened.basis, outcome: 'allowed', detail };
}

function closeProblem(problem: 'not-found' | 'already-closed' | 'stale'): ApiError {
  if (problem === 'not-found') return new ApiError(404, 'not-found', 'This person has no escalation task with that id.');
  if (problem === 'already-closed') return new ApiError(409, 'already-closed', 'This task has already been completed or cancelled.', [{ field: 'taskId', message: 'is no longer open' }]);
  return new ApiError(409, 'stale-version', 'Someone else changed this task since you opened it. Reload it, check their change, and try again if it is still right.', [
    { field: 'version', message: 'is not the current version of the task' },
  ]);
}

/** Who may own a person's steps: active clinical staff in a team holding them. */
async function possibleOwners(store: Store, personId: string) {
  const relationships = await personRelationships(store.db, personId);
  return (await activeStaffOfTeams(store.db, relationships.teams)).filter((s) => isRole(s.role) && roles[s.role].clinical);
}
