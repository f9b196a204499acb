import {
  actionStatuses, governanceEditors, governanceEditorsInWords, isOverdue, londonToday, maturitySummary, selfAssessmentCategories, selfAssessmentDomains, selfAssessmentRatings,
  type GovernanceAction,
} from '@continuity/domain';
import {
  addGovernanceAction, findIncident, listGovernanceActions, listSelfAssessmentAnswers, recordAudit, saveSelfAssessmentAnswer, staffNames, updateGovernanceAction,
  type AuditEntry, type StoredAnswer, type Store,
} from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { actionEditBody, actionParams, answerBody, newActionBody, questionParams } from './governance-input.ts';

/**
 * The board's governance content (issue 8; docs/governance.md), trust-level and about no person:
 * - GET  /api/governance/self-assessment: the 14-domain tool, each question's answer and version, and the maturity summary;
 * - POST /api/governance/self-assessment/:questionId: rating, category and comments, at the version read (409 if changed since);
 * - GET  /api/governance/actions: the action plan, and the overdue actions;
 * - POST /api/governance/actions: a new action; POST /api/governance/actions/:actionId: a change, at the version read.
 * Team managers and the board edit it (governance-actions.ts in the domain says why). Each write and
 * its audit entry are one transaction; the audit entry names what changed, not the words written.
 */
export function governanceRoutes(app: FastifyInstance, store: Store) {
  const editor = (request: FastifyRequest, what: string) => requireRole(request, governanceEditors, `${what}: governance is for ${governanceEditorsInWords}`);

  app.get('/api/governance/self-assessment', async (request) => {
    editor(request, 'read the self-assessment');
    const answers = await listSelfAssessmentAnswers(store.db);
    const names = await staffNames(store.db, answers.flatMap((a) => (a.updatedBy ? [a.updatedBy] : [])));
    const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
    return {
      ratings: selfAssessmentRatings,
      categories: selfAssessmentCategories,
      domains: selfAssessmentDomains.map((d) => ({
        number: d.number,
        title: d.title,
        items: d.items.map((item) => (item.kind === 'prompt' ? item : { ...item, answer: answerView(byQuestion.get(item.id), names) })),
      })),
      summary: maturitySummary(answers),
    };
  });

  app.post('/api/governance/self-assessment/:questionId', async (request) => {
    const staff = editor(request, 'change the self-assessment');
    const { questionId } = parseInput(questionParams, request.params, 'params');
    const body = parseInput(answerBody, request.body, 'body');
    const saved = await store.db.transaction().execute(async (trx) => {
      const result = await saveSelfAssessmentAnswer(trx, { questionId, rating: body.rating, category: body.category, comments: body.comments, version: body.version, by: staff.id });
      if ('stale' in result) throw staleAnswer(result.stale, await staffNames(trx, result.stale.updatedBy ? [result.stale.updatedBy] : []));
      await recordAudit(trx, [audit(staff, 'answer-self-assessment', 'SelfAssessmentAnswer', questionId, { rating: body.rating, category: body.category, version: result.saved.version })]);
      return result.saved;
    });
    return answerView(saved, await staffNames(store.db, [staff.id]));
  });

  app.get('/api/governance/actions', async (request) => {
    editor(request, 'read the action plan');
    const today = londonToday();
    const actions = await listGovernanceActions(store.db);
    const names = await staffNames(store.db, actions.flatMap((a) => [a.createdBy, a.updatedBy]));
    const views = actions.map((a) => actionView(a, names, today));
    return {
      today,
      statuses: actionStatuses,
      domains: selfAssessmentDomains.map((d) => ({ number: d.number, title: d.title })),
      actions: views,
      overdue: views.filter((a) => a.overdue).sort((a, b) => a.due.localeCompare(b.due)),
    };
  });

  app.post('/api/governance/actions', async (request, reply) => {
    const staff = editor(request, 'add to the action plan');
    const body = parseInput(newActionBody, request.body, 'body');
    await checkIncident(store, body.incidentId);
    const action = await store.db.transaction().execute(async (trx) => {
      const saved = await addGovernanceAction(trx, body, staff.id);
      await recordAudit(trx, [audit(staff, 'add-governance-action', 'GovernanceAction', saved.id, { domain: saved.domain, incident: saved.incidentId, due: saved.due, status: saved.status })]);
      return saved;
    });
    return reply.status(201).send(actionView(action, await staffNames(store.db, [staff.id]), londonToday()));
  });

  app.post('/api/governance/actions/:actionId', async (request) => {
    const staff = editor(request, 'change the action plan');
    const { actionId } = parseInput(actionParams, request.params, 'params');
    const { version, ...content } = parseInput(actionEditBody, request.body, 'body');
    await checkIncident(store, content.incidentId);
    const action = await store.db.transaction().execute(async (trx) => {
      const result = await updateGovernanceAction(trx, actionId, version, content, staff.id);
      if ('problem' in result) {
        if (result.problem === 'not-found') throw new ApiError(404, 'not-found', 'There is no action with that id.');
        const by = (await staffNames(trx, [result.current.updatedBy])).get(result.current.updatedBy) ?? 'someone else';
        throw new ApiError(409, 'stale-version', `${by} changed this action since you opened it. Reload it, check their change, and try again if yours is still right.`, [
          { field: 'version', message: `is not the current version of the action (now ${result.current.version})` },
        ]);
      }
      await recordAudit(trx, [audit(staff, 'change-governance-action', 'GovernanceAction', actionId, { domain: result.saved.domain, incident: result.saved.incidentId, due: result.saved.due, status: result.saved.status, version: result.saved.version })]);
      return result.saved;
    });
    return actionView(action, await staffNames(store.db, [staff.id]), londonToday());
  });
}

/** A learning action follows from an incident on record; refused by field otherwise. */
async function checkIncident(store: Store, incidentId: string | null): Promise<void> {
  if (incidentId && !(await findIncident(store.db, incidentId))) {
    throw new ApiError(400, 'invalid-input', 'The body is not valid: incidentId is not an incident on record', [{ field: 'incidentId', message: 'is not an incident on record' }]);
  }
}

type Names = Map<string, string>;

function answerView(answer: StoredAnswer | undefined, names: Names) {
  if (!answer) return { rating: null, category: null, comments: null, version: 0, updatedBy: null, updatedAt: null };
  return { rating: answer.rating, category: answer.category, comments: answer.comments, version: answer.version, updatedBy: answer.updatedBy ? (names.get(answer.updatedBy) ?? answer.updatedBy) : null, updatedAt: answer.updatedAt };
}

function actionView(action: GovernanceAction, names: Names, today: string) {
  const { createdBy, updatedBy, ...rest } = action;
  return { ...rest, createdBy: names.get(createdBy) ?? createdBy, updatedBy: names.get(updatedBy) ?? updatedBy, overdue: isOverdue(action, today) };
}

function staleAnswer(current: StoredAnswer, names: Names): ApiError {
  const by = current.updatedBy ? (names.get(current.updatedBy) ?? 'someone else') : 'someone else';
  return new ApiError(409, 'stale-version', `${by} answered this question since you opened it. Reload it, check their answer, and try again if yours is still right.`, [
    { field: 'version', message: `is not the current version of the answer (now ${current.version})` },
  ]);
}

/** Trust-level content: no person. Free text (comments, findings, actions) stays in the tables, not the audit trail. */
function audit(staff: { id: string; role: string }, action: string, resourceType: string, resourceId: string, detail: Record<string, unknown>): AuditEntry {
  return { actorId: staff.id, actorRole: staff.role, action, resourceType, resourceId, basis: 'governance', outcome: 'allowed', detail };
}
