import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonToday } from '../engagement/london-calendar.ts';
import { intramuscularRoute, medicineCodes, SNOMED, type MedicineCode } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { medicineConcept } from './medicine-concept.ts';
import { medicineEntry } from './medicine-entry-rules.ts';

/** A prescription as a prescriber enters it, before it is checked. */
export interface PrescriptionEntry {
  /** The resource id: made by the form when it opens, so sending it twice prescribes once. */
  id: string;
  personId: string;
  /** A key of `medicineCodes` (clinical-codes.ts): the medicines the platform recognises. */
  medicine: string;
  /** The dose instruction as the prescriber writes it. */
  dose: string;
  /** The day the prescription was written, in England, YYYY-MM-DD. */
  date: string;
  /** For a long-acting injection: days between doses; the licensed interval when not given. */
  intervalDays?: number | string | null;
  practitionerId?: string | null;
}

export interface MedicineProblem {
  field: 'medicine' | 'dose' | 'date' | 'intervalDays' | 'reason' | 'status' | 'note' | 'request';
  message: string;
}

export type PrescriptionOutcome = { ok: true; resource: AnyResource; medicine: MedicineCode } | { ok: false; problems: MedicineProblem[] };

const oralRoute = { system: SNOMED, code: '26643006', display: 'Oral route' };

/**
 * Checks a prescription and, when it is sound, turns it into the FHIR R4 MedicationRequest the
 * monitoring, engagement and injection rules read (docs/fhir.md, "Medicines"): status active,
 * intent order, the medicine's ATC and SNOMED CT codes, the dose as text, the route (intramuscular
 * marks a long-acting injection) and, for an injection, the interval as timing.repeat.period in days.
 */
export function prescribeMedicine(entry: PrescriptionEntry, now: Date = new Date()): PrescriptionOutcome {
  const problems: MedicineProblem[] = [];
  const medicine = medicineCodes.find((m) => m.key === entry.medicine);
  if (!medicine) problems.push({ field: 'medicine', message: `must be one of the medicines the platform recognises: ${medicineCodes.map((m) => m.key).join(', ')}` });
  const dose = entry.dose.trim();
  if (dose === '') problems.push({ field: 'dose', message: 'is needed: the dose and how it is taken, for example "800 mg at night"' });
  else if (dose.length > medicineEntry.doseMaxLength) problems.push({ field: 'dose', message: `must be at most ${medicineEntry.doseMaxLength} characters` });
  const dateProblem = enteredDayProblem(entry.date, londonToday(now), 'record a prescription once it is written');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });

  const licensed = medicine?.injectionIntervalDays;
  let interval: number | undefined;
  const typed = typeof entry.intervalDays === 'number' ? String(entry.intervalDays) : (entry.intervalDays ?? '').trim();
  if (medicine && licensed === undefined && typed !== '') problems.push({ field: 'intervalDays', message: `is only for long-acting injections; ${medicine.display} is not one` });
  if (licensed !== undefined) {
    if (typed === '') interval = licensed;
    else if (!/^\d+$/.test(typed)) problems.push({ field: 'intervalDays', message: 'must be a whole number of days' });
    else if (Number(typed) < licensed) problems.push({ field: 'intervalDays', message: `must not be shorter than the licensed interval of ${licensed} days for ${medicine!.display} (BNF)` });
    else if (Number(typed) > medicineEntry.longestInjectionIntervalDays) problems.push({ field: 'intervalDays', message: `must be at most ${medicineEntry.longestInjectionIntervalDays} days` });
    else interval = Number(typed);
  }
  if (problems.length > 0 || !medicine) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a prescription id must be a FHIR id');

  const resource: AnyResource = {
    resourceType: 'MedicationRequest',
    id: entry.id,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: medicineConcept(medicine),
    subject: { reference: `Patient/${entry.personId}` },
    authoredOn: entry.date,
    ...(entry.practitionerId ? { requester: { reference: `Practitioner/${entry.practitionerId}` } } : {}),
    dosageInstruction: [
      interval !== undefined
        ? { text: dose, route: { coding: [intramuscularRoute] }, timing: { repeat: { frequency: 1, period: interval, periodUnit: 'd' } } }
        : { text: dose, route: { coding: [oralRoute] } },
    ],
  };
  return { ok: true, resource, medicine };
}
