import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carerConcernsWorklist, importPath, personCarers, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, carersScenario, expectedItems } from './support/carers-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the carer-concerns worklist on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(carersScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('lists exactly the concerns with no response by the end of the day, with reasons and evidence, the most overdue first', async () => {
    const { list, people } = await carerConcernsWorklist(store.db, { asOf: AS_OF });
    expect(list).toEqual({ worklist: 'carer-concerns', asOf: AS_OF, items: expectedItems });
    expect(people.get('ann')).toEqual({ name: 'Ann Adams', teamIds: ['team-north'] });
    // Discharged, and still listed until the concern is answered.
    expect(people.get('hal')).toEqual({ name: 'Hal Hale', teamIds: [] });
  });

  it('judges a later day by what was recorded by then: a concern received, a response given', async () => {
    const { list } = await carerConcernsWorklist(store.db, { asOf: '2026-07-01' });
    const ids = list.items.map((i) => i.patient.id);
    expect(ids).toEqual(['hal', 'dev', 'ann', 'ben', 'eve']);
    expect(list.items.at(-1)!.reasons[0]!.text).toMatch(/^Concern from Ed Evans \(son\) received 1 Jul at 08:00 by phone, 15 hours ago: a response is due by 4 Jul at 08:00, in 2 days 8 hours\.$/);
  });

  it('counts the installation’s hours when they are set', async () => {
    const { list } = await carerConcernsWorklist(store.db, { asOf: AS_OF, responseHours: 24 });
    const ben = list.items.find((i) => i.patient.id === 'ben')!;
    expect(ben.reasons[0]!.text).toBe('Concern from Sam Shah (partner) received 29 Jun at 15:00 through the carers’ portal, 1 day 8 hours ago: OVERDUE, the response was due by 30 Jun at 15:00 (within 24 hours) and none is recorded.');
    expect(list.items.map((i) => i.patient.id)).toEqual(['hal', 'dev', 'ann', 'fay', 'ben']);
  });

  it("judges today's list at the moment asked, not the end of the day", async () => {
    const { list } = await carerConcernsWorklist(store.db, { asOf: AS_OF, now: new Date('2026-06-29T14:59:00+01:00') });
    expect(list.items.map((i) => i.patient.id)).toEqual(['hal', 'dev', 'ann', 'fay']);
  });

  it("lists one team, a clinician's teams, or some people", async () => {
    const july = '2026-07-02';
    expect((await carerConcernsWorklist(store.db, { asOf: july, team: 'team-south' })).list.items.map((i) => i.patient.id)).toEqual(['eve']);
    expect((await carerConcernsWorklist(store.db, { asOf: july, teams: ['team-north'] })).list.items.map((i) => i.patient.id)).toEqual(['hal', 'dev', 'ann', 'ben']);
    expect((await carerConcernsWorklist(store.db, { asOf: july, people: ['ben', 'cat'] })).list.items.map((i) => i.patient.id)).toEqual(['ben']);
    expect((await carerConcernsWorklist(store.db, { asOf: july, team: 'no-such-team' })).list.items).toEqual([]);
  });

  it("reads a person's carers and concerns with each concern's responses", async () => {
    const { carers, concerns } = await personCarers(store.db, 'dev');
    expect(carers).toEqual([{ id: 'dev-sister', version: 1, relationship: { code: 'SIS', label: 'Sister' }, name: 'Dina Dean', phone: '07700 900001', involvement: 'involved', sharing: 'full', mainCarer: true, active: true, ended: null }]);
    expect(concerns.map((c) => [c.id, c.carerId, c.receivedAt, c.words, c.responses.map((r) => [r.id, r.by])])).toEqual([
      ['c-dev-1', 'dev-sister', '2026-06-10T09:00:00+01:00', 'Worried about dev.', [['r-dev-1', 'Kim Walker']]],
      ['c-dev-2', 'dev-sister', '2026-06-15T09:00:00+01:00', 'Worried about dev.', []],
    ]);
    expect((await personCarers(store.db, 'gus')).concerns).toEqual([]);
  });
});
