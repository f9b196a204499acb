import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfLondonDay, LOINC, londonDay, system } from '@continuity/domain';
import { importPath, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { loadPhysicalHealthFactsOnDays } from '../src/physical-health/physical-health-facts.ts';
import { loadReferralFacts } from '../src/referrals/referral-facts.ts';
import { writeNdjson } from './support/scenario.ts';

// The board reads a person's contacts and results as one JSON array each (json_agg in SQL), which
// the code takes apart by position: these check each field lands where it belongs, and the day a
// result was recorded to the millisecond, which the population tests would not notice if shifted.

const pt = (id: string) => ({ reference: `Patient/${id}` });
const patient = (id: string) => ({ resourceType: 'Patient', id, name: [{ family: id }], birthDate: '1980-01-01' });
const contact = (id: string, person: string, more: Record<string, unknown>) => ({ resourceType: 'Encounter', id, status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: pt(person), ...more });
const bmi = (id: string, at: string, status = 'final') => ({
  resourceType: 'Observation', id, status, subject: pt('ann'), effectiveDateTime: at,
  code: { coding: [{ system: LOINC, code: '39156-5' }] }, valueQuantity: { value: 27.5, unit: 'kg/m2' },
});

const team = (id: string) => ({ resourceType: 'Organization', id, name: id });
const episode = (id: string, teamId: string) => ({ resourceType: 'EpisodeOfCare', id, status: 'active', patient: pt('ann'), managingOrganization: { reference: `Organization/${teamId}` }, period: { start: '2026-03-01' } });
const referral = (id: string) => ({ resourceType: 'ServiceRequest', id, status: 'active', intent: 'order', subject: pt('ann'), authoredOn: '2026-03-01T09:00:00Z' });

const scenario = {
  Organization: [team('team-north'), team('team-south')],
  Patient: [patient('ann'), patient('bob')],
  EpisodeOfCare: [episode('ann-eoc', 'team-north'), episode('ann-eoc-2', 'team-south')],
  ServiceRequest: [referral('ref-1'), referral('ref-2')],
  Encounter: [
    contact('ann-1', 'ann', {
      period: { start: '2026-03-02T10:00:00Z' }, serviceProvider: { reference: 'Organization/team-north' },
      episodeOfCare: [{ reference: 'EpisodeOfCare/ann-eoc' }, { reference: 'EpisodeOfCare/ann-eoc-2' }], basedOn: [{ reference: 'ServiceRequest/ref-1' }],
    }),
    contact('ann-2', 'ann', { period: { start: '2026-03-09' }, basedOn: [{ reference: 'ServiceRequest/ref-2' }, { reference: 'ServiceRequest/ref-1' }] }),
    contact('ann-3', 'ann', { serviceProvider: { reference: 'Organization/team-south' }, episodeOfCare: [{ reference: 'EpisodeOfCare/ann-eoc-2' }] }),
    // Neither an admission nor a contact not yet finished is a contact the waiting clock counts.
    { ...contact('ann-adm', 'ann', { period: { start: '2026-03-03T10:00:00Z' } }), class: { system: system.v3ActCode, code: 'IMP' } },
    { ...contact('ann-now', 'ann', { period: { start: '2026-03-04T10:00:00Z' } }), status: 'in-progress' },
    contact('bob-1', 'bob', { period: { start: '2026-04-01T09:00:00+01:00' }, serviceProvider: { reference: 'Organization/team-north' } }),
  ],
  Observation: [
    // The last millisecond of 29 June in England, the first of 30 June, and one cancelled (not counted).
    bmi('bmi-29', '2026-06-29T23:59:59.999+01:00'),
    bmi('bmi-30', '2026-06-30T00:00:00.000+01:00', 'amended'),
    bmi('bmi-void', '2026-06-01T10:00:00+01:00', 'cancelled'),
  ],
};

describe.each(storeKinds)('facts read a person at a time on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(scenario));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('gives each contact its own start, team, episodes and referrals, and only finished contacts that are not admissions', async () => {
    const facts = await loadReferralFacts(store.db, ['ann', 'bob']);
    const byId = (list: ReadonlyArray<{ id: string }>) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(facts.get('ann')!.contacts)).toEqual([
      { id: 'ann-1', start: '2026-03-02T10:00:00Z', teamId: 'team-north', episodeIds: ['ann-eoc', 'ann-eoc-2'], referralIds: ['ref-1'] },
      { id: 'ann-2', start: '2026-03-09', teamId: null, episodeIds: [], referralIds: ['ref-2', 'ref-1'] },
      { id: 'ann-3', start: null, teamId: 'team-south', episodeIds: ['ann-eoc-2'], referralIds: [] },
    ]);
    expect(facts.get('bob')!.contacts).toEqual([{ id: 'bob-1', start: '2026-04-01T09:00:00+01:00', teamId: 'team-north', episodeIds: [], referralIds: [] }]);
  });

  it('stands a result on the days from the one it was recorded on, to the millisecond, with its own id, status, time and codes', async () => {
    const ends = ['2026-06-28', '2026-06-29', '2026-06-30'].map((d) => endOfLondonDay(londonDay(d)!));
    const onDays = await loadPhysicalHealthFactsOnDays(store.db, { befores: ends, personIds: ['ann'], values: false });
    expect(onDays.map((on) => on.get('ann')!.results.map((r) => r.id).sort())).toEqual([[], ['bmi-29'], ['bmi-29', 'bmi-30']]);
    expect([...onDays[2]!.get('ann')!.results].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      { id: 'bmi-29', status: 'final', at: '2026-06-29T23:59:59.999+01:00', codes: [{ system: LOINC, code: '39156-5' }] },
      { id: 'bmi-30', status: 'amended', at: '2026-06-30T00:00:00.000+01:00', codes: [{ system: LOINC, code: '39156-5' }] },
    ]);
    // Asked for the values too (the person's panel), each result carries its own.
    const [withValues] = await loadPhysicalHealthFactsOnDays(store.db, { befores: [ends[2]!], personIds: ['ann'] });
    expect(withValues!.get('ann')!.results.map((r) => r.value)).toEqual(['27.5 kg/m2', '27.5 kg/m2']);
  });
});
