import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardTiles, type BoardTileKey } from '@continuity/domain';
import { BuildFacts, buildsForSomePeople, buildTileOnDays, keptTo, trendDays, type TileBuild } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from './support/synthetic-store.ts';

const AS_OF = '2026-06-30';
const DAYS = trendDays(AS_OF);
const population = syntheticPopulation({ people: 300, seed: 11, asOf: AS_OF });

/**
 * A build of some people (BuildFacts.people) is what keeps the board's per-person projection
 * current after writes, so it must be exactly the build of everyone kept to those people: the same
 * units in the same order, the same held episodes, and the caseloads and response times made of them.
 */
it('reads only the people of a build of some people for every tile: one left out would read everyone whenever the projection rebuilds a few', () => {
  expect([...buildsForSomePeople].sort()).toEqual(boardTiles.map((t) => t.key).sort());
});

describe.each(storeKinds)('a board build of some people on $name', (kind) => {
  const imported = importedStore(kind, population);

  const everyone = async () => (await imported.store.db.selectFrom('person').select('person_id').orderBy('person_id').execute()).map((r) => r.person_id);
  // Someone not on record is in no tile.
  const someOf = (ids: readonly string[]) => fc.subarray([...ids, 'not-on-record'], { minLength: 0, maxLength: 60 }).map((people) => [...people].sort());

  const checkTile = async (key: BoardTileKey, days: readonly string[], wholes: Map<string, TileBuild[]>, ids: readonly string[]) => {
    await fc.assert(
      fc.asyncProperty(someOf(ids), async (people) => {
        const whole = wholes.get(days.join()) ?? (await buildTileOnDays(imported.store.db, key, days));
        wholes.set(days.join(), whole);
        const some = await buildTileOnDays(imported.store.db, key, days, {}, new BuildFacts(new Set([key]), people));
        expect(some).toEqual(whole.map((b) => keptTo(b, new Set(people))));
      }),
      { numRuns: 4, seed: 8 },
    );
  };

  it.each(boardTiles.map((t) => t.key))('gives %s on the trend days and on the day alone exactly as everyone kept to them', async (key) => {
    const ids = await everyone();
    const wholes = new Map<string, TileBuild[]>();
    await checkTile(key, DAYS, wholes, ids);
    await checkTile(key, [AS_OF], wholes, ids);
  }, 120_000);

  it('gives every tile of a whole board of some people (sharing their facts) exactly as each built for everyone', async () => {
    const ids = await everyone();
    const people = ids.filter((_, i) => i % 7 === 3);
    const pack = new BuildFacts(new Set(boardTiles.map((t) => t.key)), people);
    for (const { key } of boardTiles) {
      const whole = await buildTileOnDays(imported.store.db, key, DAYS);
      expect(await buildTileOnDays(imported.store.db, key, DAYS, {}, pack), key).toEqual(whole.map((b) => keptTo(b, new Set(people))));
    }
    // Not an empty comparison: these people are counted in most tiles.
    const counted = await Promise.all(boardTiles.map(async ({ key }) => (await buildTileOnDays(imported.store.db, key, [AS_OF], {}, new BuildFacts(new Set([key]), people)))[0]!.units.length));
    expect(counted.filter((n) => n > 0).length).toBeGreaterThanOrEqual(boardTiles.length - 2);
  }, 240_000);

  it('gives each tile for all of the people in it, however few, exactly as built for everyone', async () => {
    // Random sets of people may miss the few with a carer's concern or a discharge: these are all of them.
    for (const { key } of boardTiles) {
      const whole = await buildTileOnDays(imported.store.db, key, DAYS);
      const people = [...new Set(whole.flatMap((b) => b.units.map((u) => u.personId)))].sort();
      expect(people.length, key).toBeGreaterThan(0);
      expect(await buildTileOnDays(imported.store.db, key, DAYS, {}, new BuildFacts(new Set([key]), people)), key).toEqual(whole.map((b) => keptTo(b, new Set(people))));
    }
  }, 240_000);
});
