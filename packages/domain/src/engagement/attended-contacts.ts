import type { EngagementFacts } from './engagement-facts.ts';
import { endOfLondonDay, instantOf, londonDay } from './london-calendar.ts';

/** A contact that happened, as a record reference with when it happened. */
export interface AttendedContact {
  reference: string;
  day: number;
  /** For ordering against missed appointments on the same day. */
  instant: number;
}

const ATTENDED_APPOINTMENT = new Set(['fulfilled', 'arrived', 'checked-in']);

/**
 * Every attended contact on or before the as-of day: finished Encounters; fulfilled Appointments no
 * Encounter records (some systems send only the appointment); and inpatient stays, which count up to
 * discharge (or the as-of day while the person is still in hospital: they are not out of contact).
 */
export function attendedContacts(facts: EngagementFacts, asOf: number): AttendedContact[] {
  const contacts: AttendedContact[] = [];
  const recordedByEncounter = new Set<string>();
  const endOfAsOf = endOfLondonDay(asOf).getTime() - 1;
  for (const encounter of facts.encounters) {
    const startDay = londonDay(encounter.start);
    if (startDay === undefined || startDay > asOf) continue;
    if (encounter.inpatient) {
      if (encounter.status !== 'finished' && encounter.status !== 'in-progress') continue;
      const endDay = londonDay(encounter.end);
      const stillIn = endDay === undefined || endDay > asOf;
      contacts.push({
        reference: `Encounter/${encounter.id}`,
        day: stillIn ? asOf : endDay,
        instant: stillIn ? endOfAsOf : (instantOf(encounter.end) ?? endOfAsOf),
      });
    } else if (encounter.status === 'finished') {
      contacts.push({ reference: `Encounter/${encounter.id}`, day: startDay, instant: instantOf(encounter.start)! });
    } else continue;
    for (const id of encounter.appointmentIds) recordedByEncounter.add(id);
  }
  for (const appointment of facts.appointments) {
    if (!ATTENDED_APPOINTMENT.has(appointment.status) || recordedByEncounter.has(appointment.id)) continue;
    const day = londonDay(appointment.start);
    if (day === undefined || day > asOf) continue;
    contacts.push({ reference: `Appointment/${appointment.id}`, day, instant: instantOf(appointment.start)! });
  }
  return contacts;
}

/** The most recent contact; ties go to the smaller reference so the answer never depends on input order. */
export function latestContact(contacts: readonly AttendedContact[]): AttendedContact | undefined {
  let latest: AttendedContact | undefined;
  for (const c of contacts) {
    if (!latest || c.instant > latest.instant || (c.instant === latest.instant && c.reference < latest.reference)) latest = c;
  }
  return latest;
}

