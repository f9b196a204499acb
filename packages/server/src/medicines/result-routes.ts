import { contactTeam, fhirId, recordResult } from '@continuity/domain';
import { prepareRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { recordOnce } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';

const typed = z.union([z.string(), z.number()], { error: 'must be a number' });

/** The shape only: what the values may be is the domain's check (recordResult), field by field. */
const resultBody = z.object({
  /** Made by the form when it opens and used as the Observation id, so a second send records nothing new. */
  resultId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  test: z.string({ error: 'must be the LOINC code of a monitoring test' }),
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  value: typed.optional(),
  systolic: typed.optional(),
  diastolic: typed.optional(),
});

const personParams = z.object({ id: fhirId });

/**
 * POST /api/people/:id/results: records a monitoring result (a lithium level, a blood pressure...)
 * as the FHIR Observation docs/fhir.md describes, which the monitoring-overdue worklist then counts.
 *
 * Staff with access to the record (openRecord) only. The body's resultId is the Observation id:
 * sending the same result again returns the same answer and writes nothing; a different result under
 * an id already used is a 409. The Observation and its audit entry are written in one transaction.
 */
export function resultRoutes(app: FastifyInstance, store: Store) {
  app.post('/api/people/:id/results', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(resultBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-result');
    const result = recordResult({
      id: body.resultId, personId, test: body.test, date: body.date,
      values: { value: body.value, systolic: body.systolic, diastolic: body.diastolic },
      // The team is the staff member's only team, as for a contact with no episode; none when they have several.
      practitionerId: staff.practitionerId, teamId: contactTeam(staff.teams.map((t) => t.id), undefined),
    });
    if (!result.ok) {
      const summary = result.problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw new ApiError(400, 'invalid-input', `The result was not recorded: ${summary}`, result.problems);
    }

    const answer = { result: { id: body.resultId, reference: `Observation/${body.resultId}`, test: result.test.code, name: result.test.label, date: body.date } };
    const record = prepareRecord({ type: 'Observation', id: body.resultId, personId, resource: result.resource });
    // The test and the day, never the value: the audit says what was done, the record what was found.
    const audit = { actorId: staff.id, actorRole: staff.role, action: 'record-result', personId, resourceType: 'Observation', resourceId: body.resultId, basis, outcome: 'allowed' as const, detail: { test: result.test.code, date: body.date } };
    const written = (await recordOnce(store, { ...record, personId }, audit, idInUse)) === 'created';
    return reply.status(written ? 201 : 200).send(answer);
  });
}

function idInUse(): ApiError {
  return new ApiError(409, 'result-id-in-use', 'A different record already has this result id. Reload the form to record this result as a new one.', [
    { field: 'resultId', message: 'is already used by a different record' },
  ]);
}
