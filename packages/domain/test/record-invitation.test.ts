import { describe, expect, it } from 'vitest';
import { evaluatePhysicalHealth, recordInvitation, system, validateResource, type InvitationEntry } from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

// 1 July 2026, 00:30 in England (30 June 23:30 UTC, British Summer Time).
const NOW = new Date('2026-06-30T23:30:00Z');
const ID = '7d1c4a2e-9b3f-4e6a-8d1c-2b3a4c5d6e7f';
const entry = (more: Partial<InvitationEntry> = {}): InvitationEntry => ({ id: ID, personId: 'bea', date: '2026-07-01', method: 'letter', practitionerId: 'kw-1', teamId: 'team-north', ...more });
const problemsOf = (more: Partial<InvitationEntry>) => {
  const result = recordInvitation(entry(more), NOW);
  return result.ok ? [] : result.problems;
};

describe('recording an invitation to the annual physical health check', () => {
  it('writes a completed Communication with its category, how it went out, the day, the person and the sender', () => {
    const result = recordInvitation(entry({ note: '  Clinic on 14 July, 10:00 ' }), NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.resource).toEqual({
      resourceType: 'Communication',
      id: ID,
      status: 'completed',
      category: [{ coding: [{ system: system.communicationCategory, code: 'physical-health-check-invitation', display: 'Invitation to the annual physical health check' }] }],
      medium: [{ coding: [{ system: system.invitationMethod, code: 'letter', display: 'Letter' }] }],
      subject: { reference: 'Patient/bea' },
      recipient: [{ reference: 'Patient/bea' }],
      sender: { reference: 'Practitioner/kw-1' },
      sent: '2026-07-01',
      payload: [{ contentString: 'Clinic on 14 July, 10:00' }],
    });
    expect(fhirR4SchemaErrors(result.resource)).toEqual([]);
    expect(validateResource(result.resource, 'Communication').ok).toBe(true);
  });

  it('names the team as sender for staff with no practitioner record', () => {
    const result = recordInvitation(entry({ practitionerId: null }), NOW);
    expect(result.ok && result.resource.sender).toEqual({ reference: 'Organization/team-north' });
  });

  it('is what the check reads as an invitation', () => {
    const result = recordInvitation(entry(), NOW);
    if (!result.ok) throw new Error('refused');
    const r = result.resource as unknown as { id: string; status: string; sent: string; medium: Array<{ coding: Array<{ code: string }> }> };
    const check = evaluatePhysicalHealth(
      {
        personId: 'bea',
        episodes: [{ id: 'e', status: 'active', start: '2020-01-01', teamId: 'team-north' }],
        diagnoses: [{ id: 'dx', codings: [{ system: system.icd10, code: 'F31.1' }] }],
        results: [],
        invitations: [{ id: r.id, status: r.status, sent: r.sent, method: r.medium[0]!.coding[0]!.code }],
      },
      '2026-08-01',
    );
    expect(check.invitations).toEqual([{ id: ID, date: '2026-07-01', method: 'letter' }]);
    expect(check.invitation).toEqual({ id: ID, date: '2026-07-01', daysAgo: 31, notResponded: true });
  });

  it('refuses a day after today in England, a day that does not exist, a method not offered and a long note, naming each field', () => {
    expect(problemsOf({ date: '2026-07-02' })).toEqual([{ field: 'date', message: 'must not be in the future: record an invitation once it has gone out (today is 2026-07-01)' }]);
    expect(problemsOf({ date: '2026-02-30' })).toEqual([{ field: 'date', message: 'must be a real date' }]);
    expect(problemsOf({ date: '1/7/2026', method: 'pigeon', note: 'x'.repeat(1001) })).toEqual([
      { field: 'date', message: 'must be a date as YYYY-MM-DD' },
      { field: 'method', message: 'must be one of: letter, phone, text-message, email, in-person' },
      { field: 'note', message: 'must be at most 1000 characters' },
    ]);
  });
});
