import { contactModes } from '../fhir/codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { londonDateTime, londonToday } from '../engagement/london-calendar.ts';
import { enteredDayProblem } from '../engagement/entered-day.ts';
import { contactModeClasses, contactOutcomes, contactRecording, type ContactMode, type ContactOutcome } from './contact-rules.ts';

/** A contact as a staff member records it, before it is checked. */
export interface ContactEntry {
  /** The resource id: made by the form when it opens, so sending it twice records one contact. */
  id: string;
  personId: string;
  /** The day in England, YYYY-MM-DD. */
  date: string;
  /** The time of day in England, HH:MM; needed for an appointment (FHIR gives an appointment an instant). */
  time?: string | null;
  mode: string;
  outcome: string;
  episodeId?: string | null;
  note?: string | null;
  /** The staff member who made or offered the contact. */
  practitionerId?: string | null;
  /** The team that provided it. */
  teamId?: string | null;
}

export interface ContactProblem {
  field: 'date' | 'time' | 'mode' | 'outcome' | 'note';
  message: string;
}

export type ContactResult = { ok: true; resource: AnyResource } | { ok: false; problems: ContactProblem[] };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;


/**
 * Checks a recorded contact and, when it is sound, turns it into the one FHIR R4 resource that
 * records it (docs/fhir.md, "Appointment and Encounter (contacts)"): an attended contact is a
 * finished Encounter; a DNA or a cancellation is an Appointment with that status. A contact is
 * recorded once it has happened, so a day after today in England (or a time later than `now`
 * today) is refused. Every problem names its field.
 */
export function recordContact(entry: ContactEntry, now: Date = new Date()): ContactResult {
  const problems: ContactProblem[] = [];
  const today = londonToday(now);
  const time = entry.time?.trim() || undefined;
  const note = entry.note?.trim() || undefined;
  const dateProblem = enteredDayProblem(entry.date, today, 'record a contact once it has happened');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  if (time !== undefined && !TIME.test(time)) problems.push({ field: 'time', message: 'must be a time of day as HH:MM, for example 14:30' });
  if (!Object.hasOwn(contactModes, entry.mode)) problems.push({ field: 'mode', message: `must be one of: ${Object.keys(contactModes).join(', ')}` });
  if (!Object.hasOwn(contactOutcomes, entry.outcome)) problems.push({ field: 'outcome', message: `must be one of: ${Object.keys(contactOutcomes).join(', ')}` });
  else if (entry.outcome !== 'attended' && time === undefined) problems.push({ field: 'time', message: 'is needed for an appointment that was missed or cancelled: give the time it was booked for' });
  if (note !== undefined && note.length > contactRecording.noteMaxLength) problems.push({ field: 'note', message: `must be at most ${contactRecording.noteMaxLength} characters` });
  if (problems.length === 0 && time !== undefined && entry.date === today && Date.parse(londonDateTime(entry.date, time)) > now.getTime()) {
    problems.push({ field: 'time', message: 'must not be later than now: record a contact once it has happened' });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a contact id must be a FHIR id');
  const contact = { ...entry, mode: entry.mode as ContactMode, outcome: entry.outcome as ContactOutcome, time, note };
  // The day alone when no time was given: a FHIR date is a dateTime, and londonDay reads it as that day.
  const when = time ? londonDateTime(entry.date, time) : entry.date;
  return { ok: true, resource: contact.outcome === 'attended' ? encounter(contact, when) : appointment(contact, when) };
}

type CheckedContact = ContactEntry & { mode: ContactMode; outcome: ContactOutcome; note?: string };

const modeCoding = (mode: ContactMode) => ({ system: system.contactMode, code: mode, display: contactModes[mode] });

/** A contact that happened: a finished Encounter, its class from how it happened. */
function encounter(contact: CheckedContact, start: string): AnyResource {
  return {
    resourceType: 'Encounter',
    id: contact.id,
    status: 'finished',
    class: { system: system.v3ActCode, code: contactModeClasses[contact.mode] },
    type: [{ coding: [modeCoding(contact.mode)] }],
    subject: { reference: `Patient/${contact.personId}` },
    period: { start },
    ...(contact.practitionerId ? { participant: [{ individual: { reference: `Practitioner/${contact.practitionerId}` } }] } : {}),
    ...(contact.episodeId ? { episodeOfCare: [{ reference: `EpisodeOfCare/${contact.episodeId}` }] } : {}),
    ...(contact.teamId ? { serviceProvider: { reference: `Organization/${contact.teamId}` } } : {}),
    // R4 Encounter has no note element; the platform's extension carries it (docs/fhir.md).
    ...(contact.note ? { extension: [{ url: extension.contactNote, valueString: contact.note }] } : {}),
  };
}

/** An appointment that did not become a contact: missed (noshow) or cancelled, by the person or the service. */
function appointment(contact: CheckedContact, start: string): AnyResource {
  const { appointmentStatus, cancelationReason } = contactOutcomes[contact.outcome];
  return {
    resourceType: 'Appointment',
    id: contact.id,
    status: appointmentStatus!,
    ...(cancelationReason ? { cancelationReason: { coding: [{ system: system.appointmentCancellationReason, code: cancelationReason }] } } : {}),
    appointmentType: { coding: [modeCoding(contact.mode)] },
    ...(contact.episodeId ? { supportingInformation: [{ reference: `EpisodeOfCare/${contact.episodeId}` }] } : {}),
    start,
    ...(contact.note ? { comment: contact.note } : {}),
    participant: [
      { actor: { reference: `Patient/${contact.personId}` }, status: cancelationReason === 'pat' ? 'declined' : 'accepted' },
      ...(contact.practitionerId ? [{ actor: { reference: `Practitioner/${contact.practitionerId}` }, status: cancelationReason === 'prov' ? 'declined' : 'accepted' }] : []),
    ],
  };
}
