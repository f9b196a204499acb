import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonDay, londonToday } from '../engagement/london-calendar.ts';
import { medicationStatusReasons } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { medicineEntry } from './medicine-entry-rules.ts';
import type { MedicineProblem } from './prescribe-medicine.ts';

type R = Record<string, any>;
type Outcome = { ok: true; resource: AnyResource } | { ok: false; problems: MedicineProblem[] };

/** Prescription states in which the medicine is meant to be taken and can be stopped. */
const CURRENT = new Set(['active', 'on-hold']);

function reasonProblem(text: string, needed: string): MedicineProblem | undefined {
  if (text === '') return { field: 'reason', message: `is needed: ${needed}` };
  if (text.length > medicineEntry.reasonMaxLength) return { field: 'reason', message: `must be at most ${medicineEntry.reasonMaxLength} characters` };
  return undefined;
}

/** A day not before the prescription was written: nothing happens to a medicine before it is prescribed. */
function sincePrescribed(request: R, date: string): MedicineProblem | undefined {
  const authored = londonDay(request.authoredOn);
  const day = londonDay(date);
  if (authored !== undefined && day !== undefined && day < authored) return { field: 'date', message: `must not be before the medicine was prescribed (${String(request.authoredOn).slice(0, 10)})` };
  return undefined;
}

/**
 * The prescriber stops a current prescription: a new version of the MedicationRequest with status
 * stopped, why (statusReason, `clinician-stopped`, the prescriber's words as text) and the day
 * (extension stopped-on). A decision, not a missed dose: the engagement rules stop counting it.
 */
export function stopPrescription(request: R, entry: { date: string; reason: string }, now: Date = new Date()): Outcome {
  const problems: MedicineProblem[] = [];
  if (!CURRENT.has(request.status)) problems.push({ field: 'status', message: `this prescription is already ${request.status}` });
  const dateProblem = enteredDayProblem(entry.date, londonToday(now), 'record a medicine as stopped once it is');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else {
    const early = sincePrescribed(request, entry.date);
    if (early) problems.push(early);
  }
  const reason = reasonProblem(entry.reason.trim(), 'why the medicine was stopped');
  if (reason) problems.push(reason);
  if (problems.length > 0) return { ok: false, problems };
  const kept = ((request.extension as R[] | undefined) ?? []).filter((x) => x.url !== extension.stoppedOn);
  return {
    ok: true,
    resource: {
      ...request,
      status: 'stopped',
      statusReason: { coding: [{ system: system.medicationStatusReason, code: 'clinician-stopped', display: medicationStatusReasons['clinician-stopped'] }], text: entry.reason.trim() },
      extension: [...kept, { url: extension.stoppedOn, valueDate: entry.date }],
    } as unknown as AnyResource,
  };
}

export type MedicineStatementKind = 'stopped-against-advice' | 'taking-again';

export interface MedicineStatementEntry {
  id: string;
  personId: string;
  kind: MedicineStatementKind;
  /** The day the person stopped (or started again), in England. */
  date: string;
  /** What the person said, kept in their words. */
  note?: string | null;
}

/**
 * What the person says about taking a prescribed medicine, as the MedicationStatement the
 * engagement rules read (docs/fhir.md, "Medicines"): stopped against advice (status stopped,
 * statusReason `stopped-against-advice`, effectivePeriod.end the day), or taking it again (status
 * active), which resolves an earlier stop. Based on the prescription; asserted today.
 */
export function recordMedicineStatement(request: R, entry: MedicineStatementEntry, now: Date = new Date()): Outcome {
  const problems: MedicineProblem[] = [];
  const today = londonToday(now);
  if (!CURRENT.has(request.status)) problems.push({ field: 'status', message: `this prescription is ${request.status}: what the person says about it matters only while it is prescribed` });
  if (entry.kind !== 'stopped-against-advice' && entry.kind !== 'taking-again') problems.push({ field: 'status', message: 'must be stopped-against-advice or taking-again' });
  const dateProblem = enteredDayProblem(entry.date, today, 'record what the person says once it has happened');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else {
    const early = sincePrescribed(request, entry.date);
    if (early) problems.push(early);
  }
  const note = entry.note?.trim() || undefined;
  if (note !== undefined && note.length > medicineEntry.reasonMaxLength) problems.push({ field: 'note', message: `must be at most ${medicineEntry.reasonMaxLength} characters` });
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a statement id must be a FHIR id');
  const stopped = entry.kind === 'stopped-against-advice';
  return {
    ok: true,
    resource: {
      resourceType: 'MedicationStatement',
      id: entry.id,
      basedOn: [{ reference: `MedicationRequest/${request.id}` }],
      status: stopped ? 'stopped' : 'active',
      ...(stopped
        ? { statusReason: [{ coding: [{ system: system.medicationStatusReason, code: 'stopped-against-advice', display: medicationStatusReasons['stopped-against-advice'] }], ...(note ? { text: note } : {}) }] }
        : note ? { note: [{ text: note }] } : {}),
      medicationCodeableConcept: request.medicationCodeableConcept,
      subject: { reference: `Patient/${entry.personId}` },
      effectivePeriod: stopped ? { end: entry.date } : { start: entry.date },
      // The moment, not the day: a restart recorded the same day as the stop must come after it.
      dateAsserted: now.toISOString(),
      informationSource: { reference: `Patient/${entry.personId}` },
    } as AnyResource,
  };
}
