import { describe, expect, it } from 'vitest';
import { extension, personHistory, system, type HistorySources } from '../src/index.ts';

const names: Record<string, string> = {
  'Organization/trust': 'Northshire Trust',
  'Organization/cmht': 'North CMHT',
  'Organization/crisis': 'Crisis Team',
  'Organization/police': 'Northshire Police',
  'Practitioner/kw1': 'Grace Okafor',
  'Practitioner/kw2': 'Sam Patel',
};
const category = (code: string, codeSystem: string) => [{ coding: [{ system: codeSystem, code }] }];

function sources(overrides: Partial<HistorySources> = {}): HistorySources {
  return {
    nameOf: (reference) => (reference ? names[reference] : undefined),
    crisisTeams: new Set(['crisis']),
    legalStatuses: [
      { id: 's3', kind: 'detention', name: 'Section 3 (admission for treatment)', current: false, start: '2026-03-12', end: '2026-04-05', conditions: [] },
      { id: 'cto', kind: 'cto', name: 'Section 17A (Community Treatment Order)', current: true, start: '2026-04-05', end: null, conditions: ['Take medication as prescribed'] },
    ],
    medicines: [
      { id: 'cloz', name: 'Clozapine', current: true, prescribed: '2026-04-01', stopped: null, personSays: null },
      { id: 'olz', name: 'Olanzapine', current: false, prescribed: '2024-01-10', stopped: { on: '2026-04-01', reason: 'Not working' }, personSays: { stoppedAgainstAdvice: true, on: '2025-12-01', words: 'Made me sleepy' } },
    ],
    records: [
      { resourceType: 'Encounter', id: 'adm-1', resource: { status: 'finished', class: { code: 'IMP' }, serviceProvider: { reference: 'Organization/trust' }, period: { start: '2026-03-12', end: '2026-04-05' } } },
      { resourceType: 'Encounter', id: 'adm-old', resource: { status: 'finished', class: { code: 'IMP' }, period: { start: '2019-01-03', end: '2019-02-01' } } },
      { resourceType: 'Encounter', id: 'crisis-1', resource: { status: 'finished', class: { code: 'HH' }, serviceProvider: { reference: 'Organization/crisis' }, period: { start: '2026-03-10T22:00:00Z' } } },
      { resourceType: 'Encounter', id: 'clinic', resource: { status: 'finished', class: { code: 'AMB' }, serviceProvider: { reference: 'Organization/cmht' }, period: { start: '2026-05-01' } } },
      { resourceType: 'EpisodeOfCare', id: 'ep-old', resource: { status: 'finished', managingOrganization: { reference: 'Organization/cmht' }, careManager: { reference: 'Practitioner/kw2' }, period: { start: '2022-01-01', end: '2024-06-30' }, extension: [{ url: extension.transferOfCare, extension: [{ url: 'receivingTeam', valueReference: { reference: 'Organization/crisis' } }] }] } },
      { resourceType: 'EpisodeOfCare', id: 'ep-now', resource: { status: 'active', managingOrganization: { reference: 'Organization/cmht' }, careManager: { reference: 'Practitioner/kw1' }, period: { start: '2024-07-01' }, extension: [{ url: extension.transferredFrom, valueReference: { reference: 'EpisodeOfCare/ep-old' } }] } },
      { resourceType: 'EpisodeOfCare', id: 'ep-crisis', resource: { status: 'finished', managingOrganization: { reference: 'Organization/crisis' }, period: { start: '2026-03-10', end: '2026-03-12' } } },
      { resourceType: 'CareTeam', id: 'ct', resource: { status: 'active', participant: [{ member: { reference: 'Practitioner/kw1' }, role: category('care-coordinator', system.staffRole), period: { start: '2024-07-01' } }, { member: { reference: 'RelatedPerson/mum' } }] } },
      { resourceType: 'Flag', id: 'police', resource: { status: 'active', category: category('red-flag', system.flagCategory), code: { coding: [{ system: system.redFlag, code: 'police-contact' }], text: 'Section 136 from the bridge' }, period: { start: '2026-03-09' } } },
      { resourceType: 'Flag', id: 'housing', resource: { status: 'inactive', category: category('social-need', system.flagCategory), code: { coding: [{ system: system.redFlag, code: 'housing-instability' }] }, period: { start: '2023-05-01', end: '2024-01-01' } } },
      { resourceType: 'Flag', id: 'mha', resource: { status: 'active', category: category('mha-legal-status', system.flagCategory), period: { start: '2026-04-05' } } },
      { resourceType: 'Communication', id: 'carer-1', resource: { status: 'completed', category: category('carer-concern', system.communicationCategory), sent: '2026-03-01T18:00:00Z', payload: [{ contentString: 'Not sleeping, talking about the neighbours.' }] } },
      { resourceType: 'Communication', id: 'carer-2', resource: { status: 'completed', category: category('carer-concern', system.communicationCategory), sent: '2025-06-01', payload: [{ contentString: 'Worried.' }] } },
      { resourceType: 'Communication', id: 'reply-2', resource: { status: 'completed', category: category('carer-concern-response', system.communicationCategory), sent: '2025-06-02', inResponseTo: [{ reference: 'Communication/carer-2' }] } },
      { resourceType: 'Communication', id: 'police-1', resource: { status: 'completed', category: category('partner-concern', system.communicationCategory), sender: { reference: 'Organization/police' }, sent: '2026-03-09' } },
    ],
    ...overrides,
  };
}

describe('a person\'s history across services', () => {
  const history = personHistory(sources(), '2026-06-30');

  it('lists every event of every kind, newest first, each naming its record', () => {
    expect(history.events.map((e) => [e.date, e.kind, e.title])).toEqual([
      ['2026-04-05', 'legal-status', 'On a Community Treatment Order'],
      ['2026-04-01', 'medicine', 'Started Clozapine'],
      ['2026-04-01', 'medicine', 'Prescriber stopped Olanzapine'],
      ['2026-03-12', 'admission', 'Admitted to hospital'],
      ['2026-03-12', 'legal-status', 'Detained: Section 3 (admission for treatment)'],
      ['2026-03-10T22:00:00Z', 'crisis', 'Contact with a crisis team'],
      ['2026-03-10', 'crisis', 'Crisis team episode, Crisis Team'],
      ['2026-03-10', 'key-worker', 'Crisis Team, no key worker named'],
      ['2026-03-09', 'red-flag', 'Police contact'],
      ['2026-03-09', 'concern', 'Concern raised by Northshire Police'],
      ['2026-03-01T18:00:00Z', 'concern', 'Concern raised by a carer or family member'],
      ['2025-12-01', 'medicine', 'Stopped Olanzapine against advice'],
      ['2025-06-01', 'concern', 'Concern raised by a carer or family member'],
      ['2024-07-01', 'key-worker', 'In the care team: Grace Okafor'],
      ['2024-07-01', 'key-worker', 'Key worker Grace Okafor, North CMHT'],
      ['2024-01-10', 'medicine', 'Started Olanzapine'],
      ['2023-05-01', 'red-flag', 'Housing instability'],
      ['2022-01-01', 'key-worker', 'Key worker Sam Patel, North CMHT'],
      ['2019-01-03', 'admission', 'Admitted to hospital'],
    ]);
  });

  it('says what each event was: length of stay, conditions, transfers, answers, own words', () => {
    const event = (reference: string) => history.events.find((e) => e.reference === reference);
    expect(event('Encounter/adm-1')).toMatchObject({ days: 24, ongoing: false, detail: 'Northshire Trust · stayed 24 days' });
    expect(event('Flag/cto')).toMatchObject({ ongoing: true, detail: 'current · conditions: take medication as prescribed' });
    expect(event('EpisodeOfCare/ep-old')).toMatchObject({ end: '2024-06-30', detail: 'ended · transferred to Crisis Team' });
    expect(event('EpisodeOfCare/ep-now')).toMatchObject({ ongoing: true, detail: 'current · transferred from North CMHT' });
    expect(event('Communication/carer-1')).toMatchObject({ detail: 'not answered', words: 'Not sleeping, talking about the neighbours.' });
    expect(event('Communication/carer-2')).toMatchObject({ detail: 'answered' });
    expect(event('Flag/police')).toMatchObject({ ongoing: true, words: 'Section 136 from the bridge', detail: 'active' });
    expect(event('MedicationRequest/olz#person-says')).toMatchObject({ words: 'Made me sleepy' });
    // The MHA Flag is shown once, from the legal status reader; the clinic contact is not history.
    expect(history.events.filter((e) => e.reference === 'Flag/mha' || e.reference === 'Encounter/clinic')).toEqual([]);
  });

  it('sums up each kind in a line of counts within five years, never a score', () => {
    expect(Object.fromEntries(history.summaries.map((s) => [s.kind, s.summary]))).toEqual({
      admission: '1 admission in the last 5 years, the latest 12 Mar for 24 days',
      'legal-status': '2 detentions and CTOs in the last 5 years, the latest 5 Apr; now: On a Community Treatment Order since 5 Apr',
      crisis: '2 contacts with crisis teams in the last 5 years, the latest 10 Mar',
      'red-flag': '2 red flags in the last 5 years, the latest 9 Mar; 1 active',
      concern: '3 concerns in the last 5 years, the latest 9 Mar; 1 not answered',
      medicine: '4 medicine changes in the last 5 years, the latest 1 Apr; 1 stop against advice',
      'key-worker': '2 key workers in the last 5 years, the latest 1 Jul 2024; now key worker Grace Okafor, North CMHT',
    });
    expect(history.summaries.find((s) => s.kind === 'admission')).toMatchObject({ label: 'Admissions', recent: 1, total: 2 });
  });

  it('says when there is nothing recent, or nothing at all', () => {
    const old = personHistory(sources({ records: sources().records.filter((r) => r.id === 'adm-old'), legalStatuses: [], medicines: [] }), '2026-06-30');
    expect(old.summaries.map((s) => s.summary)).toEqual([
      'None in the last 5 years; 1 admission before, the latest 3 Jan 2019',
      'None recorded',
      'None recorded',
      'None recorded',
      'None recorded',
      'None recorded',
      'None recorded',
    ]);
  });

  it('counts a stay still going on as in hospital', () => {
    const inHospital = personHistory(sources({ records: [{ resourceType: 'Encounter', id: 'now', resource: { status: 'in-progress', class: { code: 'IMP' }, period: { start: '2026-06-01' } } }] }), '2026-06-30');
    expect(inHospital.summaries[0]!.summary).toBe('1 admission in the last 5 years, the latest 1 Jun, still in hospital');
  });
});
