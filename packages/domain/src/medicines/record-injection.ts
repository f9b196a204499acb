import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonDateTime, londonDay, londonToday } from '../engagement/london-calendar.ts';
import { intramuscularRoute } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { medicineEntry, type NotGivenReason } from './medicine-entry-rules.ts';
import type { MedicineProblem } from './prescribe-medicine.ts';

type R = Record<string, any>;

export interface InjectionEntry {
  id: string;
  personId: string;
  outcome: 'given' | 'not-given';
  date: string;
  /** HH:MM, optional: the day is what the due date counts from. */
  time?: string | null;
  /** Why it was not given: a key of medicineEntry.notGivenReasons. */
  notGivenReason?: string | null;
  practitionerId?: string | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether a prescription is for a long-acting injection, as the engagement rules recognise one. */
export function isInjection(request: R): boolean {
  return ((request.dosageInstruction as R[] | undefined) ?? []).some((d) =>
    ((d.route?.coding as R[] | undefined) ?? []).some((c) => c.system === intramuscularRoute.system && c.code === intramuscularRoute.code),
  );
}

/**
 * A dose of a long-acting injection given, or due and not given with the reason, as the
 * MedicationAdministration the lai-missed rule reads (docs/fhir.md, "Medicines"): status completed
 * or not-done, effectiveDateTime, request → the prescription, the giver as performer. Only for a
 * current injection prescription, on a day since it was written and not after today.
 */
export function recordInjection(request: R, entry: InjectionEntry, now: Date = new Date()): { ok: true; resource: AnyResource } | { ok: false; problems: MedicineProblem[] } {
  const problems: MedicineProblem[] = [];
  if (!isInjection(request)) problems.push({ field: 'request', message: 'is not a long-acting injection: only injections are recorded as given here' });
  else if (request.status !== 'active') problems.push({ field: 'status', message: `this prescription is ${request.status}: record doses only of a current injection` });
  if (entry.outcome !== 'given' && entry.outcome !== 'not-given') problems.push({ field: 'status', message: 'must be given or not-given' });
  const dateProblem = enteredDayProblem(entry.date, londonToday(now), 'record an injection once it was due or given');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else {
    const authored = londonDay(request.authoredOn);
    if (authored !== undefined && londonDay(entry.date)! < authored) problems.push({ field: 'date', message: `must not be before the injection was prescribed (${String(request.authoredOn).slice(0, 10)})` });
  }
  const time = entry.time?.trim() || undefined;
  if (time !== undefined && !TIME.test(time)) problems.push({ field: 'date', message: 'the time must be HH:MM, for example 14:30' });
  const reason = entry.notGivenReason ?? undefined;
  if (entry.outcome === 'not-given' && (!reason || !Object.hasOwn(medicineEntry.notGivenReasons, reason))) {
    problems.push({ field: 'reason', message: `is needed when an injection was not given: one of ${Object.keys(medicineEntry.notGivenReasons).join(', ')}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('an administration id must be a FHIR id');
  const given = entry.outcome === 'given';
  const route = { route: { coding: [intramuscularRoute] } };
  const dose: string | undefined = request.dosageInstruction?.[0]?.text;
  return {
    ok: true,
    resource: {
      resourceType: 'MedicationAdministration',
      id: entry.id,
      status: given ? 'completed' : 'not-done',
      ...(given ? {} : { statusReason: [{ text: medicineEntry.notGivenReasons[reason as NotGivenReason] }] }),
      medicationCodeableConcept: request.medicationCodeableConcept,
      subject: { reference: `Patient/${entry.personId}` },
      effectiveDateTime: time ? londonDateTime(entry.date, time) : entry.date,
      ...(entry.practitionerId ? { performer: [{ actor: { reference: `Practitioner/${entry.practitionerId}` } }] } : {}),
      request: { reference: `MedicationRequest/${request.id}` },
      ...(given ? { dosage: { ...(dose ? { text: dose } : {}), ...route } } : {}),
    } as AnyResource,
  };
}
