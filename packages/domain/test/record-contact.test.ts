import { describe, expect, it } from 'vitest';
import {
  contactTeam,
  defaultContactEpisode,
  describeRecord,
  evaluateEngagement,
  extension,
  londonDateTime,
  recordContact,
  system,
  validateResource,
  type ContactEntry,
  type EngagementFacts,
} from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

// 1 July 2026, 10:00 in England (09:00 UTC, British Summer Time).
const NOW = new Date('2026-07-01T09:00:00Z');
const ID = '0f8e3a52-6a3c-4c0e-9a57-1f2b3c4d5e6f';
const entry = (more: Partial<ContactEntry> = {}): ContactEntry => ({
  id: ID, personId: 'dora', date: '2026-06-30', time: '14:30', mode: 'home-visit', outcome: 'attended', episodeId: 'dora-eoc', practitionerId: 'kw-1', teamId: 'team-north', ...more,
});
const resourceOf = (more: Partial<ContactEntry> = {}) => {
  const result = recordContact(entry(more), NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.resource;
};
const problemsOf = (more: Partial<ContactEntry>, now = NOW) => {
  const result = recordContact(entry(more), now);
  return result.ok ? [] : result.problems;
};

describe('recording a contact as FHIR', () => {
  it('writes an attended contact as a finished Encounter with its class, mode, staff member, team and episode', () => {
    expect(resourceOf({ note: '  Seen at his sister’s; sleeping better.  ' })).toEqual({
      resourceType: 'Encounter',
      id: ID,
      status: 'finished',
      class: { system: system.v3ActCode, code: 'HH' },
      type: [{ coding: [{ system: system.contactMode, code: 'home-visit', display: 'Home visit' }] }],
      subject: { reference: 'Patient/dora' },
      period: { start: '2026-06-30T14:30:00+01:00' },
      participant: [{ individual: { reference: 'Practitioner/kw-1' } }],
      episodeOfCare: [{ reference: 'EpisodeOfCare/dora-eoc' }],
      serviceProvider: { reference: 'Organization/team-north' },
      extension: [{ url: extension.contactNote, valueString: 'Seen at his sister’s; sleeping better.' }],
    });
  });

  it.each([
    ['clinic', 'AMB'],
    ['home-visit', 'HH'],
    ['outreach', 'FLD'],
    ['phone', 'VR'],
    ['video', 'VR'],
  ])('gives a %s contact the Encounter class %s and the mode in type and appointmentType', (mode, encounterClass) => {
    const contact = resourceOf({ mode });
    expect(contact.class).toEqual({ system: system.v3ActCode, code: encounterClass });
    expect(describeRecord('Encounter', contact).detail).toMatch(/^(Clinic|Home visit|Community outreach|Telephone|Video)$/);
    expect((resourceOf({ mode, outcome: 'did-not-attend' }).appointmentType as { coding: unknown[] }).coding).toEqual([expect.objectContaining({ system: system.contactMode, code: mode })]);
  });

  it('writes a DNA as a noshow Appointment with the person and the staff member as participants', () => {
    expect(resourceOf({ outcome: 'did-not-attend', mode: 'clinic', note: 'Phoned twice, no answer.' })).toEqual({
      resourceType: 'Appointment',
      id: ID,
      status: 'noshow',
      appointmentType: { coding: [{ system: system.contactMode, code: 'clinic', display: 'Clinic' }] },
      supportingInformation: [{ reference: 'EpisodeOfCare/dora-eoc' }],
      start: '2026-06-30T14:30:00+01:00',
      comment: 'Phoned twice, no answer.',
      participant: [
        { actor: { reference: 'Patient/dora' }, status: 'accepted' },
        { actor: { reference: 'Practitioner/kw-1' }, status: 'accepted' },
      ],
    });
  });

  it('writes a cancellation with who cancelled, as the timeline reads it', () => {
    const byPerson = resourceOf({ outcome: 'cancelled-by-person' });
    expect(byPerson).toMatchObject({ status: 'cancelled', cancelationReason: { coding: [{ system: system.appointmentCancellationReason, code: 'pat' }] } });
    expect(byPerson.participant).toEqual([
      { actor: { reference: 'Patient/dora' }, status: 'declined' },
      { actor: { reference: 'Practitioner/kw-1' }, status: 'accepted' },
    ]);
    expect(describeRecord('Appointment', byPerson).title).toBe('Appointment cancelled by the person');
    const byService = resourceOf({ outcome: 'cancelled-by-service' });
    expect(byService.cancelationReason).toEqual({ coding: [{ system: system.appointmentCancellationReason, code: 'prov' }] });
    expect(describeRecord('Appointment', byService).title).toBe('Appointment cancelled by the service');
  });

  it('leaves out what is not known, and records an attended contact without a time as that day', () => {
    expect(resourceOf({ time: '', episodeId: null, practitionerId: null, teamId: null, mode: 'phone' })).toEqual({
      resourceType: 'Encounter', id: ID, status: 'finished', class: { system: system.v3ActCode, code: 'VR' },
      type: [{ coding: [{ system: system.contactMode, code: 'phone', display: 'Telephone' }] }], subject: { reference: 'Patient/dora' }, period: { start: '2026-06-30' },
    });
    expect(resourceOf({ outcome: 'did-not-attend', practitionerId: null }).participant).toEqual([{ actor: { reference: 'Patient/dora' }, status: 'accepted' }]);
  });

  it('produces resources that pass the platform’s own checks and HL7’s FHIR R4 schema, for every outcome and mode', () => {
    for (const outcome of ['attended', 'did-not-attend', 'cancelled-by-person', 'cancelled-by-service']) {
      for (const mode of ['clinic', 'home-visit', 'outreach', 'phone', 'video']) {
        for (const time of ['09:05', undefined]) {
          if (outcome !== 'attended' && !time) continue;
          const resource = resourceOf({ outcome, mode, time, note: 'A note' });
          expect(fhirR4SchemaErrors(resource), `${outcome} ${mode} ${time}`).toEqual([]);
          expect(validateResource(resource).ok, `${outcome} ${mode}`).toBe(true);
        }
      }
    }
  });

  it('is read by the engagement rules as a contact or a missed appointment', () => {
    const facts: EngagementFacts = { personId: 'dora', episodes: [{ id: 'dora-eoc', status: 'active', start: '2026-01-01', teamId: 'team-north' }], carePlans: [], appointments: [], encounters: [], medicationRequests: [], medicationStatements: [], administrations: [] };
    const missed = [resourceOf({ id: 'a1', date: '2026-06-22', outcome: 'did-not-attend' }), resourceOf({ id: 'a2', date: '2026-06-29', outcome: 'did-not-attend' })];
    for (const a of missed) facts.appointments.push({ id: a.id, status: a.status as string, start: a.start as string });
    facts.encounters.push({ id: 'c0', status: 'finished', start: '2026-06-20', inpatient: false, appointmentIds: [] });
    const asOf = '2026-06-30';
    expect(evaluateEngagement(facts, asOf).reasons.map((r) => [r.code, r.evidence])).toEqual([['consecutive-dna', ['Appointment/a1', 'Appointment/a2']]]);
    const seen = resourceOf({ id: 'c1', date: '2026-06-30' });
    facts.encounters.push({ id: seen.id, status: seen.status as string, start: (seen.period as { start: string }).start, inpatient: false, appointmentIds: [] });
    expect(evaluateEngagement(facts, asOf).reasons).toEqual([]);
  });
});

describe('what a recorded contact may say', () => {
  it('refuses a day after today in England, and accepts today, at the boundary of the day in England', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in England: 1 July is today, 2 July is not yet.
    const lateEvening = new Date('2026-06-30T23:30:00Z');
    expect(problemsOf({ date: '2026-07-01', time: '00:15' }, lateEvening)).toEqual([]);
    expect(problemsOf({ date: '2026-07-02', time: null }, lateEvening)).toEqual([
      { field: 'date', message: 'must not be in the future: record a contact once it has happened (today is 2026-07-01)' },
    ]);
    // In winter England is on UTC: 23:30 UTC on 15 January is still 15 January.
    const winter = new Date('2026-01-15T23:30:00Z');
    expect(problemsOf({ date: '2026-01-16', time: null }, winter).map((p) => p.field)).toEqual(['date']);
    expect(problemsOf({ date: '2026-01-15', time: '23:29' }, winter)).toEqual([]);
  });

  it('refuses a time later today than now', () => {
    expect(problemsOf({ date: '2026-07-01', time: '10:01' })).toEqual([{ field: 'time', message: 'must not be later than now: record a contact once it has happened' }]);
    expect(problemsOf({ date: '2026-07-01', time: '10:00' })).toEqual([]);
  });

  it('says which field is wrong and why', () => {
    expect(problemsOf({ date: '2026-02-30', time: '25:00', mode: 'carrier-pigeon', outcome: 'maybe', note: 'x'.repeat(1001) })).toEqual([
      { field: 'date', message: 'must be a real date' },
      { field: 'time', message: 'must be a time of day as HH:MM, for example 14:30' },
      { field: 'mode', message: 'must be one of: clinic, home-visit, outreach, phone, video' },
      { field: 'outcome', message: 'must be one of: attended, did-not-attend, cancelled-by-person, cancelled-by-service' },
      { field: 'note', message: 'must be at most 1000 characters' },
    ]);
    expect(problemsOf({ date: '30/06/2026' })).toEqual([{ field: 'date', message: 'must be a date as YYYY-MM-DD' }]);
    expect(problemsOf({ note: 'x'.repeat(1000) })).toEqual([]);
  });

  it('needs the booked time of an appointment that was missed or cancelled, not of a contact', () => {
    expect(problemsOf({ outcome: 'did-not-attend', time: ' ' })).toEqual([{ field: 'time', message: 'is needed for an appointment that was missed or cancelled: give the time it was booked for' }]);
    expect(problemsOf({ outcome: 'attended', time: ' ' })).toEqual([]);
  });
});

describe('times in England', () => {
  it('writes the offset in force on the day', () => {
    expect(londonDateTime('2026-06-30', '14:30')).toBe('2026-06-30T14:30:00+01:00');
    expect(londonDateTime('2026-01-15', '09:00')).toBe('2026-01-15T09:00:00+00:00');
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October.
    expect(londonDateTime('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00+00:00');
    expect(londonDateTime('2026-03-29', '02:30')).toBe('2026-03-29T02:30:00+01:00');
    expect(londonDateTime('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+01:00');
    expect(londonDateTime('2026-10-25', '02:30')).toBe('2026-10-25T02:30:00+00:00');
  });
});

describe('the episode and team of a contact', () => {
  const episodes = [
    { id: 'north-eoc', status: 'active', start: '2026-01-01', teamId: 'team-north' },
    { id: 'south-eoc', status: 'active', start: '2026-01-01', teamId: 'team-south' },
    { id: 'old-north-eoc', status: 'finished', start: '2024-01-01', end: '2025-01-01', teamId: 'team-north' },
  ];
  it('defaults to the one episode a team of the staff member held the person in on the day', () => {
    expect(defaultContactEpisode(episodes, ['team-north'], '2026-06-30')?.id).toBe('north-eoc');
    expect(defaultContactEpisode(episodes, ['team-north'], '2024-06-30')?.id).toBe('old-north-eoc');
    expect(defaultContactEpisode(episodes, ['team-north', 'team-south'], '2026-06-30')).toBeUndefined();
    expect(defaultContactEpisode(episodes, ['team-west'], '2026-06-30')).toBeUndefined();
  });
  it("is the episode's team when the staff member works in it, else their only team", () => {
    expect(contactTeam(['team-north', 'team-south'], 'team-south')).toBe('team-south');
    expect(contactTeam(['crisis'], 'team-north')).toBe('crisis');
    expect(contactTeam(['team-north', 'team-south'], 'team-west')).toBeUndefined();
    expect(contactTeam([], undefined)).toBeUndefined();
  });
});
