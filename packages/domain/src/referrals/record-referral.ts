import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonToday } from '../engagement/london-calendar.ts';
import { referralSources } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { checkNhsNumber } from '../nhs-number/nhs-number.ts';

/** Someone not yet on record, as the single point of access takes their details. */
export interface NewPersonEntry {
  family: string;
  given: string;
  birthDate: string;
  nhsNumber?: string | null;
  postcode?: string | null;
}

export interface ReferralEntry {
  /** The ServiceRequest id, made by the form when it opens. */
  referralId: string;
  /** An existing person's id, or the new person's, made by the form too. */
  personId: string;
  /** Given when the person is not yet on record. */
  newPerson?: NewPersonEntry | null;
  source: string;
  date: string;
  priority: string;
  /** Why they are referred, in the referrer's words. */
  reason: string;
  /** Who referred, when a name helps (the GP, the officer, the family member). */
  referrer?: string | null;
}

export interface ReferralProblem {
  field: 'source' | 'date' | 'priority' | 'reason' | 'referrer' | 'family' | 'given' | 'birthDate' | 'nhsNumber' | 'postcode';
  message: string;
}

const TEXT_MAX = 1000;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

/**
 * A referral into the single point of access, as staff record it (a phone call, a letter, a
 * self-referral): a ServiceRequest with no team yet (triage gives it one), its source, priority,
 * the day it was made (the waiting clock starts then) and the reason in the referrer's words. For
 * someone not yet on record, also their Patient: names, date of birth and, when known, NHS number
 * (modulus 11 checked) and postcode.
 */
export function recordReferral(entry: ReferralEntry, now: Date = new Date()): { ok: true; resources: AnyResource[] } | { ok: false; problems: ReferralProblem[] } {
  const problems: ReferralProblem[] = [];
  const today = londonToday(now);
  if (!Object.hasOwn(referralSources, entry.source)) problems.push({ field: 'source', message: `must be one of: ${Object.keys(referralSources).join(', ')}` });
  const dateProblem = enteredDayProblem(entry.date, today, 'record a referral once it is made');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  if (entry.priority !== 'routine' && entry.priority !== 'urgent') problems.push({ field: 'priority', message: 'must be routine or urgent' });
  const reason = entry.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'is needed: why the person is referred, in the referrer’s words' });
  else if (reason.length > TEXT_MAX) problems.push({ field: 'reason', message: `must be at most ${TEXT_MAX} characters` });
  const referrer = entry.referrer?.trim() || undefined;
  if (referrer && referrer.length > 200) problems.push({ field: 'referrer', message: 'must be at most 200 characters' });

  const person = entry.newPerson ?? undefined;
  let nhsNumber: string | undefined;
  if (person) {
    if (!person.family.trim()) problems.push({ field: 'family', message: 'is needed: the person’s family name' });
    if (!person.given.trim()) problems.push({ field: 'given', message: 'is needed: the person’s given name' });
    const birthProblem = enteredDayProblem(person.birthDate, today, 'a date of birth is a day that has passed');
    if (birthProblem) problems.push({ field: 'birthDate', message: birthProblem });
    if (person.nhsNumber?.trim()) {
      const checked = checkNhsNumber(person.nhsNumber.trim());
      if (checked.valid) nhsNumber = checked.nhsNumber;
      else problems.push({ field: 'nhsNumber', message: `is not a valid NHS number: ${checked.reason}` });
    }
    if (person.postcode?.trim() && !POSTCODE.test(person.postcode.trim())) problems.push({ field: 'postcode', message: 'must be a UK postcode, for example LS1 4AP' });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.referralId) || !FHIR_ID.test(entry.personId)) throw new Error('referral and person ids must be FHIR ids');

  const subject = { reference: `Patient/${entry.personId}` };
  const referral: AnyResource = {
    resourceType: 'ServiceRequest',
    id: entry.referralId,
    extension: [{ url: extension.referralSource, valueCodeableConcept: { coding: [{ system: system.referralSource, code: entry.source, display: referralSources[entry.source as keyof typeof referralSources] }] } }],
    status: 'active',
    intent: 'order',
    priority: entry.priority,
    code: { text: 'Referral to community mental health services' },
    reasonCode: [{ text: reason }],
    subject,
    authoredOn: entry.date,
    ...(entry.source === 'self' ? { requester: subject } : {}),
    ...(referrer ? { note: [{ text: `Referred by ${referrer}` }] } : {}),
  } as AnyResource;
  if (!person) return { ok: true, resources: [referral] };
  const patient: AnyResource = {
    resourceType: 'Patient',
    id: entry.personId,
    ...(nhsNumber ? { identifier: [{ system: system.nhsNumber, value: nhsNumber }] } : {}),
    name: [{ use: 'official', family: person.family.trim(), given: [person.given.trim()] }],
    birthDate: person.birthDate,
    ...(person.postcode?.trim() ? { address: [{ use: 'home', postalCode: person.postcode.trim().toUpperCase() }] } : {}),
  } as AnyResource;
  return { ok: true, resources: [patient, referral] };
}
