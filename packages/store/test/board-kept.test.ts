import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boardDashboard, boardPeople, createScratchDatabase, dataVersion, importPath, openStore, writeRecords, type Store } from '@continuity/store';
import { boardTiles, system } from '@continuity/domain';
import { storeKinds } from '../../../test/support/stores.ts';
import { boardScenario, BOARD_AS_OF } from './support/board-scenario.ts';
import { openBoardStore } from './support/board-store.ts';
import { writeNdjson } from './support/scenario.ts';

/** An attended contact for w8, one of the three on the disengaged list (board-scenario.ts). */
const contactWithW8 = {
  type: 'Encounter' as const, id: 'kept-w8-contact', personId: 'w8',
  resource: { resourceType: 'Encounter', id: 'kept-w8-contact', status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: { reference: 'Patient/w8' }, period: { start: '2026-06-25T10:00:00Z', end: '2026-06-25T10:30:00Z' }, serviceProvider: { reference: 'Organization/team-north' } },
};
const disengaged = (board: Awaited<ReturnType<typeof boardDashboard>>) => board.tiles.find((t) => t.tile.key === 'disengaged')!;

/** An attended contact on 25 June, so the person is no longer disengaged on the day. */
const contactWith = (personId: string) => ({
  ...contactWithW8,
  id: `kept-${personId}-contact`,
  personId,
  resource: { ...contactWithW8.resource, id: `kept-${personId}-contact`, subject: { reference: `Patient/${personId}` } },
});
const listedOn = async (db: Store['db'], maxAgeMinutes?: number) => (await boardPeople(db, 'disengaged', { asOf: BOARD_AS_OF, maxAgeMinutes }))!;

describe.each(storeKinds)('board tiles kept while the data is unchanged on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openBoardStore(kind);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('serves a second request for the same day from the kept build, and recomputes at once after a write', async () => {
    const first = await boardDashboard(store.db, { asOf: BOARD_AS_OF });
    expect(await boardDashboard(store.db, { asOf: BOARD_AS_OF })).toBe(first);
    expect(disengaged(first).figure).toMatchObject({ numerator: 3, denominator: 23 });
    expect((await boardPeople(store.db, 'disengaged', { asOf: BOARD_AS_OF }))!.people.map((p) => p.personId)).toEqual(['b8', 'w8', 'w9']);

    const before = await dataVersion(store.db);
    await writeRecords(store.db, [contactWithW8]);
    expect(await dataVersion(store.db)).not.toBe(before);

    const after = await boardDashboard(store.db, { asOf: BOARD_AS_OF });
    expect(disengaged(after).figure).toMatchObject({ numerator: 2, denominator: 23 });
    expect((await boardPeople(store.db, 'disengaged', { asOf: BOARD_AS_OF }))!.people.map((p) => p.personId)).toEqual(['b8', 'w9']);
  }, 120_000);

  it('given a maximum age, serves the latest build after a write while it is young, with its drill-down, and builds afresh behind it', async () => {
    const young = { asOf: BOARD_AS_OF, maxAgeMinutes: 15 };
    const first = await boardDashboard(store.db, young);
    expect(disengaged(first).figure.numerator).toBe(2);
    expect(Date.parse(first.dataAt)).toBeLessThanOrEqual(Date.now());

    await writeRecords(store.db, [contactWith('w9')]);
    // The figure, its drill-down and when they were worked out are the older build's: they agree with
    // each other. The drill-down first: the dashboard's request starts a build afresh behind it.
    expect(await listedOn(store.db, 15)).toMatchObject({ dataAt: first.dataAt, people: [{ personId: 'b8' }, { personId: 'w9' }] });
    expect(await boardDashboard(store.db, young)).toBe(first);
    // Asked for the records as they are, the list is worked out afresh.
    expect((await listedOn(store.db)).people.map((p) => p.personId)).toEqual(['b8']);

    // The build afresh started behind the older one replaces it once done.
    await vi.waitFor(async () => expect(disengaged(await boardDashboard(store.db, young)).figure.numerator).toBe(1), { timeout: 60_000, interval: 50 });
    const refreshed = await boardDashboard(store.db, young);
    expect(Date.parse(refreshed.dataAt)).toBeGreaterThan(Date.parse(first.dataAt));
    expect(await listedOn(store.db, 15)).toMatchObject({ dataAt: refreshed.dataAt, people: [{ personId: 'b8' }] });
  }, 120_000);

  it('works the figures out afresh once the latest build is older than the maximum age', async () => {
    const young = { asOf: BOARD_AS_OF, maxAgeMinutes: 15 };
    const before = await boardDashboard(store.db, young);
    expect(disengaged(before).figure.numerator).toBe(1);
    await writeRecords(store.db, [contactWith('b8')]);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(before.dataAt) + 15 * 60_000 + 1 });
    try {
      const after = await boardDashboard(store.db, young);
      expect(disengaged(after).figure.numerator).toBe(0);
      expect(after.dataAt).toBe(new Date(Date.parse(before.dataAt) + 15 * 60_000 + 1).toISOString());
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);

  it('serves today’s latest build into the next hour while young, though today’s builds are otherwise kept an hour', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-07-01T10:30:00Z') });
    try {
      const today = { asOf: '2026-07-01', maxAgeMinutes: 120 };
      const first = await boardDashboard(store.db, today);
      vi.setSystemTime(Date.parse('2026-07-01T11:31:00Z'));
      expect(await boardDashboard(store.db, today)).toBe(first);
      // Without a maximum age the new hour is built afresh (the same build the one behind it makes).
      const fresh = await boardDashboard(store.db, { asOf: '2026-07-01' });
      expect(fresh).not.toBe(first);
      expect(fresh.dataAt).toBe('2026-07-01T11:31:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);

  it('tells each tile built as a dashboard is built, for a progress bar, and nothing when it is kept', async () => {
    const told: Array<[number, number]> = [];
    await boardDashboard(store.db, { asOf: '2026-04-30', onTileBuilt: (done, of) => told.push([done, of]) });
    expect(told).toEqual(boardTiles.map((_, i) => [i + 1, boardTiles.length]));
    await boardDashboard(store.db, { asOf: '2026-04-30', onTileBuilt: (done, of) => told.push([done, of]) });
    expect(told).toHaveLength(boardTiles.length);
  }, 120_000);

  it('does not move the data version on reads: the dashboard read is audited elsewhere, not here', async () => {
    const version = await dataVersion(store.db);
    await boardDashboard(store.db, { asOf: '2026-05-31' });
    await boardPeople(store.db, 'monitoring', { asOf: '2026-05-31' });
    expect(await dataVersion(store.db)).toBe(version);
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('board tiles kept on PostgreSQL, written to by another process', () => {
  let drop: () => Promise<void>;
  let reader: Store;
  let writer: Store;
  beforeAll(async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'continuity_test', process.env.TEST_DATABASE_TEMPLATE);
    drop = scratch.drop;
    reader = await openStore({ databaseUrl: scratch.url });
    writer = await openStore({ databaseUrl: scratch.url });
    expect((await importPath(writer, writeNdjson(boardScenario()))).errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await reader.close();
    await writer.close();
    await drop();
  });

  it('recomputes on the next request after a write through another connection pool', async () => {
    expect(disengaged(await boardDashboard(reader.db, { asOf: BOARD_AS_OF })).figure.numerator).toBe(3);
    await writeRecords(writer.db, [contactWithW8]);
    expect(disengaged(await boardDashboard(reader.db, { asOf: BOARD_AS_OF })).figure.numerator).toBe(2);
  }, 120_000);
});
