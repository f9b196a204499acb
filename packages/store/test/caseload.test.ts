import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicianCaseload, disengagedWorklist, importPath, loadCaseloadEpisodes, mdtBoard, recordCover, teamCaseload, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { bobReason, CASELOAD_AS_OF, caseloadScenario, graceAway } from './support/caseload-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

const ids = (caseload: { people: Array<{ patient: { id: string } }> }) => caseload.people.map((p) => p.patient.id);

describe.each(storeKinds)('caseloads on $name', (kind) => {
  let store: Store;

  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(caseloadScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => store.close());

  it("gives a key worker their people, with last contact, next appointment, care intensity and disengaged reasons", async () => {
    const grace = await clinicianCaseload(store.db, 'kw-1', { asOf: CASELOAD_AS_OF });
    expect(grace.people).toEqual([
      {
        patient: { id: 'bob', nhsNumber: null }, name: 'Bob Baker', teamId: 'team-north', episodeId: 'bob-eoc', intensity: 'intensive',
        lastAttended: { reference: 'Encounter/bob-c1', at: '2026-06-20T10:00:00.000Z' }, nextBooked: null, reasons: [bobReason], cover: null,
      },
      {
        patient: { id: 'amy', nhsNumber: null }, name: 'Amy Archer', teamId: 'team-north', episodeId: 'amy-eoc', intensity: 'standard',
        lastAttended: { reference: 'Encounter/amy-c1', at: '2026-06-25T10:00:00.000Z' }, nextBooked: { reference: 'Appointment/amy-a1', at: '2026-07-03T09:00:00.000Z' }, reasons: [], cover: null,
      },
    ]);
    // bob: intensive 2.5 + 0.5 for one reason; amy: core 1.
    expect(grace.weighted).toBe(4);
    // A booked appointment in the past is not "next"; a discharged person is on nobody's list.
    expect((await clinicianCaseload(store.db, 'kw-1', { asOf: '2026-07-04' })).people.find((p) => p.patient.id === 'amy')?.nextBooked).toBeNull();
    expect(ids(await clinicianCaseload(store.db, 'kw-1', { asOf: '2026-02-01' }))).toContain('fin');
  });

  it("judges only a caseload's people when asked, with the same reasons as the whole list", async () => {
    const all = await disengagedWorklist(store.db, { asOf: CASELOAD_AS_OF });
    const some = await disengagedWorklist(store.db, { asOf: CASELOAD_AS_OF, people: ['amy', 'bob', 'eve'] });
    expect(some.evaluated).toBeLessThan(all.evaluated);
    expect(some.list.items).toEqual(all.list.items.filter((i) => ['amy', 'bob', 'eve'].includes(i.patient.id)));
    expect(some.list.items.map((i) => i.patient.id)).toEqual(['bob']);
  });

  it('gives a team manager each key worker with people and weighted size, and the people with no key worker', async () => {
    const north = await teamCaseload(store.db, 'team-north', { asOf: CASELOAD_AS_OF });
    expect(north).toEqual({
      asOf: CASELOAD_AS_OF,
      teamId: 'team-north',
      people: 4,
      keyWorkers: [
        { practitionerId: 'kw-1', name: 'Grace Okafor', allocated: { people: 2, weighted: 4 }, today: { people: 2, weighted: 4 }, away: null },
        { practitionerId: 'kw-2', name: 'Sam Patel', allocated: { people: 1, weighted: 1 }, today: { people: 1, weighted: 1 }, away: null },
      ],
      unallocated: [{ personId: 'dan', episodeId: 'dan-eoc' }],
      // Nobody here has a partner's concern to act on (packages/server/test/team-partner-concerns-api.test.ts has some).
      partnerConcerns: [],
    });
  });

  it('lists on the MDT board who needs discussion and why, with evidence', async () => {
    const board = await mdtBoard(store.db, 'team-north', { asOf: CASELOAD_AS_OF });
    expect(board.list).toEqual({
      worklist: 'mdt',
      asOf: CASELOAD_AS_OF,
      items: [
        {
          patient: { id: 'bob', nhsNumber: null },
          // Out of contact since 28 June (day 8 of 7): contact by another method was due the day after.
          reasons: [bobReason, { code: 'escalation-overdue', text: 'Assertive engagement overdue: contact by another method (due 29 Jun, nobody assigned).', evidence: ['Encounter/bob-c1'] }],
        },
        { patient: { id: 'cat', nhsNumber: null }, reasons: [{ code: 'care-plan-review-overdue', text: 'Care plan review overdue: last reviewed on 1 May 2025 (425 days ago); reviews are due every 365 days.', evidence: ['CarePlan/cat-plan'] }] },
        { patient: { id: 'dan', nhsNumber: null }, reasons: [{ code: 'no-key-worker', text: 'Held by the team with no key worker allocated.', evidence: ['EpisodeOfCare/dan-eoc'] }] },
        { patient: { id: 'gil', nhsNumber: null }, reasons: [{ code: 'referral-waiting', text: 'Referred on 20 Jun and waiting 10 days; not yet seen.', evidence: ['ServiceRequest/gil-referral'] }] },
      ],
    });
    expect(board.people.get('bob')).toEqual({ name: 'Bob Baker', keyWorkerIds: ['kw-1'] });
    expect((await mdtBoard(store.db, 'team-south', { asOf: CASELOAD_AS_OF })).list.items).toEqual([]);
  });

  describe('cover', () => {
    beforeAll(async () => {
      await recordCover(store.db, { ...graceAway, recordedBy: 'test' });
    });

    it("during cover, the absent worker's people are on the covering worker's list, marked as cover, and on no one else's", async () => {
      const sam = await clinicianCaseload(store.db, 'kw-2', { asOf: '2026-07-08' });
      expect(ids(sam).sort()).toEqual(['amy', 'bob', 'cat']);
      expect(sam.people.find((p) => p.patient.id === 'amy')?.cover).toEqual({ keyWorkerId: 'kw-1', from: '2026-07-06', to: '2026-07-10', reason: 'Annual leave' });
      expect(sam.people.find((p) => p.patient.id === 'cat')?.cover).toBeNull();
      expect(ids(await clinicianCaseload(store.db, 'kw-1', { asOf: '2026-07-08' }))).toEqual([]);
      expect(ids(await clinicianCaseload(store.db, 'kw-3', { asOf: '2026-07-08' }))).toEqual(['eve']);
      const north = await teamCaseload(store.db, 'team-north', { asOf: '2026-07-08' });
      expect(north.keyWorkers.map((k) => [k.practitionerId, k.allocated.people, k.today.people, k.away])).toEqual([
        ['kw-1', 2, 0, { coveringPractitionerId: 'kw-2', to: '2026-07-10' }],
        ['kw-2', 1, 3, null],
      ]);
    });

    it('after cover ends, and before it starts, the people are back with their own key worker', async () => {
      for (const asOf of ['2026-07-05', '2026-07-11']) {
        expect(ids(await clinicianCaseload(store.db, 'kw-1', { asOf })).sort(), asOf).toEqual(['amy', 'bob']);
        expect(ids(await clinicianCaseload(store.db, 'kw-2', { asOf })), asOf).toEqual(['cat']);
      }
    });

    it('every episode held with a key worker is on exactly one list, every day around the cover', async () => {
      for (const asOf of ['2026-07-04', '2026-07-05', '2026-07-06', '2026-07-08', '2026-07-10', '2026-07-11', '2026-07-12']) {
        const held = (await loadCaseloadEpisodes(store.db, { asOf })).filter((e) => e.keyWorkerId);
        const lists = await Promise.all(['kw-1', 'kw-2', 'kw-3'].map((p) => clinicianCaseload(store.db, p, { asOf })));
        for (const e of held) {
          expect(lists.filter((l) => l.people.some((p) => p.episodeId === e.episodeId)).length, `${e.episodeId} on ${asOf}`).toBe(1);
        }
      }
    });

    it('refuses cover that ends before it starts, or a worker covering themselves', async () => {
      await expect(recordCover(store.db, { ...graceAway, from: '2026-07-10', to: '2026-07-06', recordedBy: 'test' })).rejects.toThrow();
      await expect(recordCover(store.db, { ...graceAway, coveringPractitionerId: 'kw-1', recordedBy: 'test' })).rejects.toThrow();
    });
  });
});
