import { londonToday } from '../engagement/london-calendar.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { system } from '../fhir/systems.ts';
import { physicalHealthRules } from './physical-health-rules.ts';

/** An invitation to the annual check as a staff member records it, before it is checked. */
export interface InvitationEntry {
  /** The resource id: made by the form when it opens, so sending it twice records one invitation. */
  id: string;
  personId: string;
  /** The day it went out, in England, YYYY-MM-DD. */
  date: string;
  /** A key of physicalHealthRules.invitation.methods. */
  method: string;
  /** What was offered, in words (a clinic, a day): optional. */
  note?: string | null;
  /** The staff member who sent it, when they have a practitioner record. */
  practitionerId?: string | null;
  /** Their team, when known. */
  teamId?: string | null;
}

export interface InvitationProblem {
  field: 'date' | 'method' | 'note';
  message: string;
}

export type RecordInvitationOutcome = { ok: true; resource: AnyResource } | { ok: false; problems: InvitationProblem[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NOTE_LIMIT = 1000;

function isRealDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return y! >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/**
 * Checks a recorded invitation to the SMI annual physical health check and, when it is sound, turns
 * it into the FHIR R4 Communication docs/fhir.md describes: status `completed`, category
 * `physical-health-check-invitation`, `medium` how it went out, `sent` the day, the person as
 * subject and recipient, the staff member (or else their team) as sender. An invitation is recorded
 * once it went out, so a day after today in England is refused. Every problem names its field.
 */
export function recordInvitation(entry: InvitationEntry, now: Date = new Date()): RecordInvitationOutcome {
  const problems: InvitationProblem[] = [];
  const today = londonToday(now);
  const methods = physicalHealthRules.invitation.methods;
  const note = entry.note?.trim() || undefined;
  if (!DAY.test(entry.date)) problems.push({ field: 'date', message: 'must be a date as YYYY-MM-DD' });
  else if (!isRealDay(entry.date)) problems.push({ field: 'date', message: 'must be a real date' });
  else if (entry.date > today) problems.push({ field: 'date', message: `must not be in the future: record an invitation once it has gone out (today is ${today})` });
  if (!Object.hasOwn(methods, entry.method)) problems.push({ field: 'method', message: `must be one of: ${Object.keys(methods).join(', ')}` });
  if (note && note.length > NOTE_LIMIT) problems.push({ field: 'note', message: `must be at most ${NOTE_LIMIT} characters` });
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('an invitation id must be a FHIR id');

  const category = physicalHealthRules.invitation.category;
  const sender = entry.practitionerId ? `Practitioner/${entry.practitionerId}` : entry.teamId ? `Organization/${entry.teamId}` : undefined;
  const resource: AnyResource = {
    resourceType: 'Communication',
    id: entry.id,
    status: 'completed',
    category: [{ coding: [{ system: category.system, code: category.code, display: category.display }] }],
    medium: [{ coding: [{ system: system.invitationMethod, code: entry.method, display: methods[entry.method as keyof typeof methods] }] }],
    subject: { reference: `Patient/${entry.personId}` },
    recipient: [{ reference: `Patient/${entry.personId}` }],
    ...(sender ? { sender: { reference: sender } } : {}),
    // The day alone: the form asks for the day it went out, and londonDay reads it as that day.
    sent: entry.date,
    ...(note ? { payload: [{ contentString: note }] } : {}),
  };
  return { ok: true, resource };
}
