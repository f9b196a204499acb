import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDashboard, BuildFacts, buildTileOnDays, disengagedWorklist, intensiveReviewWorklist, tileBuilders, trendDays, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { BOARD_AS_OF } from './support/board-scenario.ts';
import { openBoardStore } from './support/board-store.ts';

// Before anyone was held, held since January without contact, the days around the contacts of 20 June, and the day.
const days = ['2025-12-31', '2026-01-31', '2026-03-31', '2026-05-31', '2026-06-19', '2026-06-20', BOARD_AS_OF];

describe.each(storeKinds)('the engagement tiles read once for all the days on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openBoardStore(kind);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  const figure = (units: ReadonlyArray<{ counted: boolean }>) => [units.filter((u) => u.counted).length, units.length];

  it('gives the disengaged list on each day exactly as the disengaged worklist for that day', async () => {
    const together = await buildTileOnDays(store.db, 'disengaged', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      const listed = together[i]!.units.filter((u) => u.counted).map((u) => u.personId);
      expect(listed, day).toEqual((await disengagedWorklist(store.db, { asOf: day })).list.items.map((item) => item.patient.id).sort());
      expect(together[i], day).toEqual(await tileBuilders.disengaged(store.db, day));
      figures.push(figure(together[i]!.units));
    }
    // Worked by hand: w17, w18 and w19 were held (until their discharges of 1 February and 1 March) with no
    // contact; from 1 January the 23 others too, until the contacts of 20 June left w8, w9 and b8.
    expect(figures).toEqual([[3, 3], [26, 26], [23, 23], [23, 23], [23, 23], [3, 23], [3, 23]]);
  });

  it('gives contact re-established on each day exactly as the worklist 28 days before and the contacts since', async () => {
    const together = await buildTileOnDays(store.db, 'contact-re-established', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      expect(together[i], day).toEqual(await tileBuilders['contact-re-established'](store.db, day));
      figures.push(figure(together[i]!.units));
    }
    // Worked by hand: on the list 28 days before, w17, w18 and w19 in December and January, then the 23
    // held since January; contact came on 20 June for all but w8, w9 and b8.
    expect(figures).toEqual([[0, 3], [0, 3], [0, 23], [0, 23], [0, 23], [20, 23], [20, 23]]);
  });

  it('gives the intensive and assertive cohort on each day exactly as the intensive-review worklist and the rule for that day', async () => {
    const together = await buildTileOnDays(store.db, 'intensive-care', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      const outside = together[i]!.units.filter((u) => !u.counted).map((u) => u.personId);
      expect(outside, day).toEqual((await intensiveReviewWorklist(store.db, { asOf: day })).list.items.map((item) => item.patient.id).sort());
      expect(together[i], day).toEqual(await tileBuilders['intensive-care'](store.db, day));
      figures.push(figure(together[i]!.units));
    }
    // Worked by hand: w17's assertive episode until her discharge of 1 March, w1's intensive one from 1
    // January; w2 meets the intensive-review rule from her detention of 1 June and the carer's concern of 3 June.
    expect(figures).toEqual([[1, 1], [2, 2], [1, 1], [1, 1], [1, 2], [1, 2], [1, 2]]);
  });

  it('gives each of the three the same when built together from one shared read, as the board pack builds them', async () => {
    const keys = ['intensive-care', 'disengaged', 'contact-re-established'] as const;
    const facts = new BuildFacts(new Set(keys));
    const together = await Promise.all(keys.map((key) => buildTileOnDays(store.db, key, days, {}, facts)));
    for (const [i, key] of keys.entries()) expect(together[i], key).toEqual(await buildTileOnDays(store.db, key, days));
  });

  it('puts those points in the dashboard trend', async () => {
    const board = await boardDashboard(store.db, { asOf: BOARD_AS_OF });
    for (const key of ['intensive-care', 'disengaged', 'contact-re-established']) {
      const tile = board.tiles.find((t) => t.tile.key === key)!;
      expect(tile.trend!.map((p) => p.asOf), key).toEqual(trendDays(BOARD_AS_OF));
      expect(tile.trend!.at(-1), key).toEqual(tile.figure);
    }
  });
});
