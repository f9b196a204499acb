import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, loadNeedToKnow, loadPersonHistory, openCareIntensities, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { CARA_IN_A_CRISIS, CARA_WARNING_SIGNS, CARA_WHO_TO_CONTACT, HISTORY_AS_OF, historyScenario } from './support/history-scenario.ts';
import { scenario, writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('a person\'s history and need-to-know page on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(historyScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('joins up the history across services, newest first, each event from its record', async () => {
    const history = (await loadPersonHistory(store.db, 'cara', HISTORY_AS_OF, 'content'))!;
    expect(history.person).toEqual({ id: 'cara', nhsNumber: '9990004005', familyName: 'Okoro', givenNames: 'Cara', birthDate: '1988-04-02', gender: 'female', postcode: 'LS6 2AB' });
    expect(history.events.map((e) => [e.date, e.kind, e.title, e.detail ?? null, e.reference])).toEqual([
      ['2026-04-05', 'legal-status', 'On a Community Treatment Order', 'current · conditions: take medication as prescribed', 'Flag/cara-cto'],
      ['2026-04-05', 'legal-status', 'Section 117 aftercare', 'current', 'Flag/cara-s117'],
      ['2026-04-01', 'medicine', 'Started Clozapine 100mg tablets', 'still prescribed', 'MedicationRequest/cara-clozapine'],
      ['2026-04-01', 'medicine', 'Prescriber stopped Olanzapine 10mg tablets', 'Replaced by clozapine', 'MedicationRequest/cara-olanzapine#stopped'],
      ['2026-03-12', 'admission', 'Admitted to hospital', 'Northshire Mental Health Trust · stayed 24 days', 'Encounter/cara-admission'],
      ['2026-03-12', 'legal-status', 'Detained: Section 3 (admission for treatment)', 'ended', 'Flag/cara-s3'],
      ['2026-03-10T22:00:00Z', 'crisis', 'Contact with a crisis team', 'Northshire Crisis Team', 'Encounter/cara-crisis-visit'],
      ['2026-03-10', 'crisis', 'Crisis team episode, Northshire Crisis Team', null, 'EpisodeOfCare/cara-crisis'],
      ['2026-03-10', 'key-worker', 'Northshire Crisis Team, no key worker named', 'ended', 'EpisodeOfCare/cara-crisis'],
      ['2026-03-09', 'red-flag', 'Police contact', 'active', 'Flag/cara-police'],
      ['2026-03-09', 'concern', 'Concern raised by Northshire Police', null, 'Communication/cara-police-concern'],
      ['2026-03-01T18:00:00Z', 'concern', 'Concern raised by a carer or family member', 'not answered', 'Communication/cara-sister-concern'],
      ['2025-12-01', 'medicine', 'Stopped Olanzapine 10mg tablets against advice', null, 'MedicationRequest/cara-olanzapine#person-says'],
      ['2025-09-01', 'key-worker', 'In the care team: Grace Okafor', 'Care coordinator · North CMHT', 'CareTeam/cara-care-team#0'],
      ['2025-09-01', 'key-worker', 'Key worker Grace Okafor, North CMHT', 'current', 'EpisodeOfCare/cara-now'],
      ['2024-01-10', 'medicine', 'Started Olanzapine 10mg tablets', null, 'MedicationRequest/cara-olanzapine'],
      ['2021-01-04', 'key-worker', 'Key worker Sam Patel, North CMHT', 'ended', 'EpisodeOfCare/cara-old'],
    ]);
    expect(history.summaries.map((s) => s.summary)).toEqual([
      '1 admission in the last 5 years, the latest 12 Mar for 24 days',
      '3 detentions and CTOs in the last 5 years, the latest 5 Apr; now: On a Community Treatment Order since 5 Apr; Section 117 aftercare since 5 Apr',
      '2 contacts with crisis teams in the last 5 years, the latest 10 Mar',
      '1 red flag in the last 5 years, the latest 9 Mar; 1 active',
      '2 concerns in the last 5 years, the latest 9 Mar; 1 not answered',
      '4 medicine changes in the last 5 years, the latest 1 Apr; 1 stop against advice',
      '2 key workers in the last 5 years, the latest 1 Sep 2025; now key worker Grace Okafor, North CMHT',
    ]);
  });

  it('has nothing to say for someone with no history but an episode', async () => {
    const history = (await loadPersonHistory(store.db, 'dan', HISTORY_AS_OF, 'content'))!;
    expect(history.events.map((e) => e.reference)).toEqual(['EpisodeOfCare/dan-now']);
    expect(history.summaries.filter((s) => s.summary !== 'None recorded')).toEqual([]);
    expect(await loadPersonHistory(store.db, 'nobody', HISTORY_AS_OF, 'content')).toBeUndefined();
  });

  it('reads the care intensities of open episodes only', async () => {
    expect(await openCareIntensities(store.db, 'cara')).toEqual(['intensive']);
    expect(await openCareIntensities(store.db, 'dan')).toEqual(['standard']);
    expect(await openCareIntensities(store.db, 'nobody')).toEqual([]);
  });

  it('gathers what the crisis line needs to know on one page', async () => {
    const page = (await loadNeedToKnow(store.db, 'cara', HISTORY_AS_OF, 'content'))!;
    expect(page.person).toEqual({ id: 'cara', nhsNumber: '9990004005', name: { family: 'Okoro', given: 'Cara' }, birthDate: '1988-04-02', phone: '07700 900001', postcode: 'LS6 2AB', deceasedAt: null, accommodation: 'Not recorded' });
    expect(page.relapseSignature).toEqual({ text: CARA_WARNING_SIGNS, personsOwnWords: true, source: 'risk-formulation', reference: 'CarePlan/cara-risk', date: '2026-05-01' });
    expect(page.crisisPlan?.sections.map((s) => [s.heading, s.text, s.personsOwnWords])).toEqual([
      ['What happens in a crisis', CARA_IN_A_CRISIS, false],
      ['Who to contact', CARA_WHO_TO_CONTACT, true],
    ]);
    expect(page.riskFormulation?.sections.map((s) => s.code)).toEqual(['early-warning-signs', 'triggers']);
    expect(page.teams).toEqual([{ episodeId: 'cara-now', team: 'North CMHT', teamPhone: '0113 496 0000', keyWorker: 'Grace Okafor', keyWorkerPhone: '07700 900123', intensity: 'intensive' }]);
    expect(page.carers).toEqual([{ id: 'cara-sister', name: 'Mia Okoro', relationship: 'Sister', phone: '07700 900456', involvement: null, sharing: 'limited', mainCarer: true }]);
    expect(page.medicines.map((m) => [m.name, m.dose])).toEqual([['Clozapine 100mg tablets', '200mg at night']]);
    expect(page.legalStatuses.map((s) => [s.kind, s.start, s.expires, s.conditions])).toEqual([
      ['cto', '2026-04-05', '2027-04-04', ['Take medication as prescribed']],
      ['s117', '2026-04-05', null, []],
    ]);
    expect(page.mustNotMiss).toEqual([
      { kind: 'red-flag', title: 'Police contact', words: 'Section 136 on the river bridge', since: '2026-03-09', reference: 'Flag/cara-police' },
      { kind: 'concern', title: 'Concern raised by a carer or family member', words: 'She has not slept for days.', since: '2026-03-01T18:00:00Z', reference: 'Communication/cara-sister-concern' },
    ]);
  });

  it('shows a plan without sections as its description, and no relapse signature when none is recorded', async () => {
    const page = (await loadNeedToKnow(store.db, 'dan', HISTORY_AS_OF, 'content'))!;
    expect(page.crisisPlan).toMatchObject({ id: 'dan-crisis-plan', sections: [], description: 'Call his brother.' });
    expect(page.riskFormulation).toBeNull();
    expect(page.relapseSignature).toBeNull();
    expect(page.teams).toEqual([{ episodeId: 'dan-now', team: 'South CMHT', teamPhone: null, keyWorker: null, keyWorkerPhone: null, intensity: 'standard' }]);
    expect(await loadNeedToKnow(store.db, 'nobody', HISTORY_AS_OF, 'content')).toBeUndefined();
  });
});

describe.each(storeKinds)('a history where no crisis team exists on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, writeNdjson(scenario()))).errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('reads the foundation scenario\'s Ada with no crisis events, undated care team last', async () => {
    const history = (await loadPersonHistory(store.db, 'ada', '2024-06-30', 'content'))!;
    expect(history.events.map((e) => [e.date, e.kind, e.title])).toEqual([
      ['2024-05-22T17:30:00Z', 'concern', 'Concern raised by a carer or family member'],
      ['2024-03-12', 'red-flag', 'Police contact: welfare check'],
      ['2024-02-10', 'medicine', 'Started Clozapine 100mg tablets'],
      ['2024-02-01', 'key-worker', 'Key worker Grace Okafor, North CMHT'],
      [null, 'key-worker', 'In the care team: Grace Okafor'],
    ]);
  });
});
