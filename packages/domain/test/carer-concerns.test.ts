import { describe, expect, it } from 'vitest';
import {
  carerConcernRules,
  changeSharing,
  concernChannelOf,
  concernTiming,
  evaluateCarerConcerns,
  extension,
  logCarerConcern,
  readCarer,
  recordCarer,
  respondToConcern,
  responseHoursFrom,
  system,
  validateResource,
  type AnyResource,
  type UnansweredConcern,
} from '@continuity/domain';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

const RECEIVED = '2026-06-10T14:00:00+01:00';
const hoursAfter = (hours: number, minutes = 0) => new Date(Date.parse(RECEIVED) + hours * 3_600_000 + minutes * 60_000);

describe('when the response to a carer’s concern is due', () => {
  it('is 72 hours after the concern was received, from the rules file', () => {
    expect(carerConcernRules.unanswered.responseWithinHours).toBe(72);
    expect(concernTiming(RECEIVED, hoursAfter(1)).dueAt).toBe('2026-06-13T13:00:00.000Z');
  });

  it('is not overdue at exactly 72 hours, and is overdue a minute later', () => {
    expect(concernTiming(RECEIVED, hoursAfter(71, 59)).overdue).toBe(false);
    expect(concernTiming(RECEIVED, hoursAfter(72))).toEqual({ dueAt: '2026-06-13T13:00:00.000Z', overdue: false, hoursSince: 72, hoursToDue: 0 });
    expect(concernTiming(RECEIVED, hoursAfter(72, 1)).overdue).toBe(true);
    expect(concernTiming(RECEIVED, hoursAfter(80)).hoursToDue).toBe(-8);
  });

  it('takes another number of hours when the installation sets one', () => {
    expect(concernTiming(RECEIVED, hoursAfter(24), 24).overdue).toBe(false);
    expect(concernTiming(RECEIVED, hoursAfter(24, 1), 24).overdue).toBe(true);
    expect(concernTiming(RECEIVED, hoursAfter(24, 1), 48).overdue).toBe(false);
  });

  it('reads the setting: the rules’ figure when unset, a whole number of hours when set, and refuses anything else', () => {
    expect(responseHoursFrom(undefined)).toBe(72);
    expect(responseHoursFrom('')).toBe(72);
    expect(responseHoursFrom('48')).toBe(48);
    for (const bad of ['0', '2.5', 'three days', '-4', '673']) expect(() => responseHoursFrom(bad), bad).toThrow(/CONTINUITY_CARER_RESPONSE_HOURS must be a whole number of hours from 1 to 672/);
  });
});

describe('the carer-concern-unanswered reason', () => {
  const concern = (id: string, receivedAt: string, more: Partial<UnansweredConcern> = {}): UnansweredConcern => ({ id, carerId: 'mum', carerName: 'Mary Jones', relationship: 'Mother', receivedAt, channel: 'phone', ...more });

  it('lists every concern received by then, overdue first, saying how long since and when the response is or was due', () => {
    const at = new Date('2026-06-14T10:00:00+01:00');
    const finding = evaluateCarerConcerns('p1', [concern('recent', '2026-06-13T09:30:00+01:00'), concern('old', '2026-06-10T14:00:00+01:00', { carerId: 'bro', carerName: 'Tom Jones', relationship: 'Brother', channel: 'portal' }), concern('later', '2026-06-14T11:00:00+01:00')], at);
    expect(finding.reasons).toEqual([
      {
        code: 'carer-concern-unanswered',
        text:
          'Concern from Tom Jones (brother) received 10 Jun at 14:00 through the carers’ portal, 3 days 20 hours ago: OVERDUE, the response was due by 13 Jun at 14:00 (within 72 hours) and none is recorded. ' +
          'Concern from Mary Jones (mother) received 13 Jun at 09:30 by phone, 1 day ago: a response is due by 16 Jun at 09:30, in 1 day 23 hours.',
        evidence: ['Communication/old', 'RelatedPerson/bro', 'Communication/recent', 'RelatedPerson/mum'],
      },
    ]);
    expect(finding.earliestDue).toBe(Date.parse('2026-06-13T14:00:00+01:00'));
  });

  it('has no reason when nothing had been received by then', () => {
    expect(evaluateCarerConcerns('p1', [concern('later', '2026-06-14T11:00:00+01:00')], new Date('2026-06-14T10:00:00+01:00')).reasons).toEqual([]);
  });

  it('counts the installation’s hours in the text and the due time', () => {
    const finding = evaluateCarerConcerns('p1', [concern('c', RECEIVED, { carerId: null, carerName: null, relationship: null, channel: null })], hoursAfter(25), 24);
    expect(finding.reasons[0]!.text).toBe('Concern from a carer received 10 Jun at 14:00, 1 day 1 hour ago: OVERDUE, the response was due by 11 Jun at 14:00 (within 24 hours) and none is recorded.');
    expect(finding.reasons[0]!.evidence).toEqual(['Communication/c']);
  });
});

describe('carers and concerns as FHIR', () => {
  const now = new Date('2026-06-14T12:00:00+01:00');
  const carerEntry = { id: 'c1', personId: 'p1', relationship: 'MTH', givenName: 'Mary', familyName: 'Jones', phone: '07700 900123', involvement: 'involved', sharing: 'limited', mainCarer: true };

  it('records a carer as a RelatedPerson and reads it back, and changes only the sharing', () => {
    const result = recordCarer(carerEntry, now);
    if (!result.ok) throw new Error('refused');
    expect(readCarer(result.resource)).toEqual({ id: 'c1', relationship: { code: 'MTH', label: 'Mother' }, name: 'Mary Jones', phone: '07700 900123', involvement: 'involved', sharing: 'limited', mainCarer: true, active: true, ended: null });
    const changed = changeSharing(result.resource, 'none');
    if (!changed.ok) throw new Error('refused');
    expect(readCarer(changed.resource).sharing).toBe('none');
    expect((changed.resource.extension as Array<{ url: string }>).filter((e) => e.url === extension.informationSharing)).toHaveLength(1);
    expect(changeSharing(result.resource, 'some')).toEqual({ ok: false, problems: [{ field: 'sharing', message: 'must be one of: full, limited, none' }] });
  });

  it('names every field at fault', () => {
    const result = recordCarer({ ...carerEntry, relationship: 'AUNTIE', givenName: '', familyName: '  ', phone: '123', involvement: 'x', sharing: 'all' }, now);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['relationship', 'familyName', 'phone', 'involvement', 'sharing']);
  });

  it('logs a concern with its words exactly as given, and a response to it with an outcome', () => {
    const words = '  He has stopped his tablets.\nPlease call me back!  ';
    const logged = logCarerConcern({ id: 'k1', personId: 'p1', carerId: 'c1', teamId: 'north', channel: 'phone', date: '2026-06-13', time: '09:30', words }, now);
    if (!logged.ok) throw new Error('refused');
    expect(logged.resource).toMatchObject({
      resourceType: 'Communication', status: 'completed', sent: '2026-06-13T09:30:00+01:00', received: '2026-06-13T09:30:00+01:00',
      category: [{ coding: [{ system: system.communicationCategory, code: 'carer-concern' }] }], sender: { reference: 'RelatedPerson/c1' }, recipient: [{ reference: 'Organization/north' }], payload: [{ contentString: words }],
    });
    expect(concernChannelOf(logged.resource.medium as never)).toBe('phone');
    const answer = respondToConcern(logged.resource, { id: 'r1', personId: 'p1', outcome: 'contact-arranged', words: 'Visit booked for tomorrow.', date: '2026-06-13', time: '11:00', practitionerId: 'kw' }, now);
    if (!answer.ok) throw new Error('refused');
    expect(answer.resource).toMatchObject({ inResponseTo: [{ reference: 'Communication/k1' }], sender: { reference: 'Practitioner/kw' }, recipient: [{ reference: 'RelatedPerson/c1' }], sent: '2026-06-13T11:00:00+01:00' });
    const early = respondToConcern(logged.resource, { id: 'r2', personId: 'p1', outcome: 'maybe', words: ' ', date: '2026-06-13', time: '09:00' }, now);
    expect(early.ok ? [] : early.problems.map((p) => p.field)).toEqual(['outcome', 'time', 'words']);
    expect(respondToConcern({ resourceType: 'Communication', id: 'x' } as AnyResource, { id: 'r3', personId: 'p1', outcome: 'escalated', words: 'ok', date: '2026-06-13', time: '11:00' }, now).ok).toBe(false);
  });

  it('writes valid FHIR R4, which the platform’s own import accepts: the carer, a changed carer, a concern and a response', () => {
    const carer = recordCarer({ ...carerEntry, givenName: null }, now);
    const concern = logCarerConcern({ id: 'k3', personId: 'p1', carerId: 'c1', channel: 'partner', date: '2026-06-13', time: '09:30', words: 'Worried.' }, now);
    if (!carer.ok || !concern.ok) throw new Error('refused');
    const changed = changeSharing(carer.resource, 'full');
    const response = respondToConcern(concern.resource, { id: 'r3', personId: 'p1', outcome: 'escalated', words: 'Passed to the duty doctor.', date: '2026-06-13', time: '10:00', practitionerId: 'kw' }, now);
    if (!changed.ok || !response.ok) throw new Error('refused');
    for (const resource of [carer.resource, changed.resource, concern.resource, response.resource]) {
      expect(fhirR4SchemaErrors(resource), resource.resourceType).toEqual([]);
      expect(validateResource(resource).ok, resource.resourceType).toBe(true);
    }
  });

  it('refuses a concern from the future, an unknown channel, and no words', () => {
    const result = logCarerConcern({ id: 'k2', personId: 'p1', carerId: 'c1', channel: 'pigeon', date: '2026-06-14', time: '12:30', words: '' }, now);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['channel', 'time', 'words']);
    const future = logCarerConcern({ id: 'k2', personId: 'p1', carerId: 'c1', channel: 'phone', date: '2026-06-14', time: '12:30', words: 'worried' }, now);
    expect(future).toEqual({ ok: false, problems: [{ field: 'time', message: 'must not be later than now: log a concern once it has been received' }] });
  });

  it('reads the channel of imported concerns sent with HL7 ParticipationMode only', () => {
    expect(concernChannelOf([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'EMAILWRIT' }] }])).toBe('email');
    expect(concernChannelOf(undefined)).toBeNull();
  });
});
