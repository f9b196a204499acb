import { fhirId, londonToday, medicineEntry, prescribeMedicine, recordInjection, recordMedicineStatement, stopPrescription } from '@continuity/domain';
import { personMedicines, readPersonRecord, recordAudit, updatePersonRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { refusedInput, writeNewRecord } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });
const medicineParams = z.object({ id: fhirId, medicineId: fhirId });
const text = z.string({ error: 'must be text' });
const formId = z.uuid({ error: 'must be the UUID the form made when it opened' });

// The shape only: what the values may be is the domain's check, field by field.
const prescriptionBody = z.object({
  prescriptionId: formId,
  medicine: text,
  dose: text,
  date: text,
  intervalDays: z.union([z.string(), z.number()], { error: 'must be a number of days' }).nullish(),
});
const stopBody = z.object({
  /** The prescription's version the prescriber was looking at: a change made since is not overwritten. */
  version: z.number({ error: 'must be the version of the prescription you read' }).int().positive('must be the version of the prescription you read'),
  date: text,
  reason: text,
});
const statementBody = z.object({
  statementId: formId,
  kind: z.enum(['stopped-against-advice', 'taking-again'], { error: 'must be stopped-against-advice or taking-again' }),
  date: text,
  note: z.string({ error: 'must be text' }).nullish(),
});
const injectionBody = z.object({
  administrationId: formId,
  outcome: z.enum(['given', 'not-given'], { error: 'must be given or not-given' }),
  date: text,
  time: z.string({ error: 'must be a time as HH:MM' }).nullish(),
  reason: z.string({ error: `must be one of: ${Object.keys(medicineEntry.notGivenReasons).join(', ')}` }).nullish(),
});

/** Prescribing and stopping are the prescriber's decisions; anyone caring for the person records what they say and the doses given. */
const PRESCRIBERS = ['prescriber'] as const;

/**
 * A person's medicines (issue 6 part 1), as the FHIR records docs/fhir.md describes, so the
 * monitoring, engagement and injection rules read them as they read imports:
 * - GET  /api/people/:id/medicines: current then past, with injections due and what the person said;
 * - POST /api/people/:id/medicines: a prescription (prescribers only);
 * - POST /api/people/:id/medicines/:medicineId/stop: the prescriber stops it, naming the version read;
 * - POST /api/people/:id/medicines/:medicineId/statements: the person stopped against advice, or takes it again;
 * - POST /api/people/:id/medicines/:medicineId/injections: a long-acting injection given or not given.
 * Every route goes through openRecord (access and audit). New records take the id the form made, so
 * a second send writes nothing; the stop is refused with 409 when the prescription changed since read.
 */
export function medicineRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/medicines', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-medicines');
    return { medicines: await personMedicines(store.db, personId, londonToday()) };
  });

  app.post('/api/people/:id/medicines', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    requireRole(request, PRESCRIBERS, 'prescribe: prescribing is for prescribers');
    const body = parseInput(prescriptionBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-prescribing');
    const outcome = prescribeMedicine({ id: body.prescriptionId, personId, medicine: body.medicine, dose: body.dose, date: body.date, intervalDays: body.intervalDays, practitionerId: opened.staff.practitionerId });
    if (!outcome.ok) throw refusedInput('The prescription was not recorded', outcome.problems);
    const written = await writeNewRecord(store, opened, personId, outcome.resource, 'prescribe', { medicine: body.medicine, date: body.date });
    return reply.status(written ? 201 : 200).send({ medicine: { id: body.prescriptionId, reference: `MedicationRequest/${body.prescriptionId}`, name: outcome.medicine.display } });
  });

  app.post('/api/people/:id/medicines/:medicineId/stop', async (request) => {
    const { id: personId, medicineId } = parseInput(medicineParams, request.params, 'params');
    requireRole(request, PRESCRIBERS, 'stop a prescription: stopping a medicine is the prescriber’s decision');
    const body = parseInput(stopBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-stopping-medicine');
    const held = await prescriptionOf(store, personId, medicineId);
    // A change made since the prescriber read it is a conflict to show them, before whatever it changed (already stopped) is judged.
    if (held.versionId !== body.version) throw stale();
    const outcome = stopPrescription(held.resource, { date: body.date, reason: body.reason });
    if (!outcome.ok) throw refusedInput('The prescription was not stopped', outcome.problems);
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'MedicationRequest', id: medicineId, personId, resource: outcome.resource }, body.version);
      if (written === undefined) throw stale();
      // The day, never the reason's words: the audit says what was done, the record why.
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'stop-medicine', personId, resourceType: 'MedicationRequest', resourceId: medicineId, basis, outcome: 'allowed', detail: { date: body.date, version: written } }]);
      return written;
    });
    return { medicine: { id: medicineId, version, status: 'stopped' } };
  });

  app.post('/api/people/:id/medicines/:medicineId/statements', async (request, reply) => {
    const { id: personId, medicineId } = parseInput(medicineParams, request.params, 'params');
    const body = parseInput(statementBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-medicine-statement');
    const held = await prescriptionOf(store, personId, medicineId);
    const outcome = recordMedicineStatement(held.resource, { id: body.statementId, personId, kind: body.kind, date: body.date, note: body.note });
    if (!outcome.ok) throw refusedInput('What the person said was not recorded', outcome.problems);
    const written = await writeNewRecord(store, opened, personId, outcome.resource, 'record-medicine-statement', { medicine: medicineId, kind: body.kind, date: body.date });
    return reply.status(written ? 201 : 200).send({ statement: { id: body.statementId, reference: `MedicationStatement/${body.statementId}`, kind: body.kind } });
  });

  app.post('/api/people/:id/medicines/:medicineId/injections', async (request, reply) => {
    const { id: personId, medicineId } = parseInput(medicineParams, request.params, 'params');
    const body = parseInput(injectionBody, request.body, 'body');
    const opened = await openRecord(store, request, personId, 'open-for-injection');
    const held = await prescriptionOf(store, personId, medicineId);
    const outcome = recordInjection(held.resource, { id: body.administrationId, personId, outcome: body.outcome, date: body.date, time: body.time, notGivenReason: body.reason, practitionerId: opened.staff.practitionerId });
    if (!outcome.ok) throw refusedInput('The injection was not recorded', outcome.problems);
    const written = await writeNewRecord(store, opened, personId, outcome.resource, 'record-injection', { medicine: medicineId, outcome: body.outcome, date: body.date });
    return reply.status(written ? 201 : 200).send({ injection: { id: body.administrationId, reference: `MedicationAdministration/${body.administrationId}`, outcome: body.outcome } });
  });
}

async function prescriptionOf(store: Store, personId: string, medicineId: string) {
  const held = await readPersonRecord(store.db, personId, 'MedicationRequest', medicineId);
  if (!held) throw new ApiError(404, 'not-found', 'This person has no prescription with that id.');
  return held;
}



function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone changed this prescription since you opened it. Reload it, check their change, and stop it again if it is still right.', [
    { field: 'version', message: 'is not the current version of the prescription' },
  ]);
}

