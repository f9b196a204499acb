import { enteredDayProblem } from '../engagement/entered-day.ts';
import { londonDay, londonToday } from '../engagement/london-calendar.ts';
import { communicationCategories } from '../fhir/clinical-codes.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { system } from '../fhir/systems.ts';

type R = Record<string, any>;

export interface CheckInEntry {
  id: string;
  personId: string;
  date: string;
  /** What was said: how the person is, what they were told. */
  note: string;
  teamId?: string | null;
  practitionerId?: string | null;
}

const NOTE_MAX = 1000;

/**
 * A check-in with a person while they wait (issue 7 part 1): a Communication in the category
 * `waiting-check-in`, about the referral, from the team. It is not a contact with the team, so it
 * never stops the waiting clock; the waiting list shows the last one.
 */
export function recordCheckIn(referral: R, entry: CheckInEntry, now: Date = new Date()): { ok: true; resource: AnyResource } | { ok: false; problems: Array<{ field: 'date' | 'note' | 'status'; message: string }> } {
  const problems: Array<{ field: 'date' | 'note' | 'status'; message: string }> = [];
  if (referral.status !== 'active') problems.push({ field: 'status', message: `this referral is ${referral.status}: check-ins are for people still waiting` });
  const dateProblem = enteredDayProblem(entry.date, londonToday(now), 'record a check-in once it has happened');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  else if ((londonDay(entry.date) ?? 0) < (londonDay(referral.authoredOn) ?? 0)) problems.push({ field: 'date', message: 'must not be before the referral was made' });
  const note = entry.note.trim();
  if (note === '') problems.push({ field: 'note', message: 'is needed: how the person is and what they were told' });
  else if (note.length > NOTE_MAX) problems.push({ field: 'note', message: `must be at most ${NOTE_MAX} characters` });
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a check-in id must be a FHIR id');
  const sender = entry.teamId ? { reference: `Organization/${entry.teamId}` } : entry.practitionerId ? { reference: `Practitioner/${entry.practitionerId}` } : undefined;
  return {
    ok: true,
    resource: {
      resourceType: 'Communication',
      id: entry.id,
      status: 'completed',
      category: [{ coding: [{ system: system.communicationCategory, code: 'waiting-check-in', display: communicationCategories['waiting-check-in'] }] }],
      subject: { reference: `Patient/${entry.personId}` },
      about: [{ reference: `ServiceRequest/${referral.id}` }],
      sent: entry.date,
      ...(sender ? { sender } : {}),
      recipient: [{ reference: `Patient/${entry.personId}` }],
      payload: [{ contentString: note }],
    } as AnyResource,
  };
}
