import { fhirDate, fhirId, londonToday, recordMeasure, reportReaders, reportReadersInWords } from '@continuity/domain';
import { personOutcomes, prepareRecord, recordAudit, teamOutcomes, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { recordOnce } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });

/** The shape only: what the answers may be is the domain's check (recordMeasure), item by item. */
const measureBody = z.object({
  /** Made by the form when it opens and used as the QuestionnaireResponse id, so a second send records nothing new. */
  measureId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  instrument: z.string({ error: 'must be one of the outcome measures' }),
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.null()], { error: 'must be a whole number' }), { error: 'must give each item\'s answer by its number' }),
});


const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').pipe(fhirDate);
const reportQuery = z.object({ team: fhirId, asOf: day.optional() });

/**
 * A person's outcome measures (SPEC C14), scored by the published rules in the domain:
 *
 * - GET /api/people/:id/outcomes: every completed measure, oldest first, with its scores (or why
 *   a score is not given). Scores inform the plan: nothing here ranks or rates risk.
 * - POST /api/people/:id/outcomes: a measure entered by staff, written as the QuestionnaireResponse
 *   docs/fhir.md describes; the form's measureId is its id, so a repeat writes nothing and a
 *   different measure under a used id is a 409. Record and audit in one transaction.
 * - GET /api/reports/outcomes?team=&asOf=: the team's aggregate (paired first/latest change,
 *   reliable change, completion), naming nobody; each person read is audited as a report read.
 */
export function outcomeRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/outcomes', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-outcomes');
    return { measures: await personOutcomes(store.db, personId, londonToday()) };
  });

  app.post('/api/people/:id/outcomes', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(measureBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-outcome-measure');
    const outcome = recordMeasure({ id: body.measureId, personId, instrument: body.instrument, date: body.date, answers: body.answers, practitionerId: staff.practitionerId });
    if (!outcome.ok) {
      const summary = outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw new ApiError(400, 'invalid-input', `The measure was not recorded: ${summary}`, outcome.problems);
    }
    const record = prepareRecord({ type: 'QuestionnaireResponse', id: body.measureId, personId, resource: outcome.resource });
    // The instrument and the day, never the answers: the audit says what was done, the record what was said.
    const audit = { actorId: staff.id, actorRole: staff.role, action: 'record-outcome-measure', personId, resourceType: 'QuestionnaireResponse', resourceId: body.measureId, basis, outcome: 'allowed' as const, detail: { instrument: outcome.instrument, date: body.date } };
    const written = (await recordOnce(store, { ...record, personId }, audit, idInUse)) === 'created';
    return reply.status(written ? 201 : 200).send({
      measure: { id: body.measureId, reference: `QuestionnaireResponse/${body.measureId}`, instrument: outcome.instrument, scores: outcome.scores, notScored: outcome.notScored },
    });
  });

  app.get('/api/reports/outcomes', async (request) => {
    const staff = requireRole(request, reportReaders.outcomes, `read team outcomes: they are for ${reportReadersInWords}`);
    const query = parseInput(reportQuery, request.query, 'query');
    if (staff.role === 'team-manager' && !staff.teams.some((t) => t.id === query.team)) {
      throw new ApiError(403, 'forbidden', 'A team manager reads the outcomes of their own team.');
    }
    const { report, personIds } = await teamOutcomes(store.db, query.team, query.asOf ?? londonToday());
    await recordAudit(store.db, personIds.map((personId) => ({
      actorId: staff.id, actorRole: staff.role, action: 'report', personId, resourceType: 'QuestionnaireResponse', basis: 'report' as const, outcome: 'allowed' as const,
      detail: { report: report.report, team: report.teamId, asOf: report.asOf },
    })));
    return report;
  });
}

function idInUse(): ApiError {
  return new ApiError(409, 'measure-id-in-use', 'A different record already has this measure id. Reload the form to record this measure as a new one.', [
    { field: 'measureId', message: 'is already used by a different record' },
  ]);
}
