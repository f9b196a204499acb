import { boardTiles, londonToday, type BoardDashboard, type BoardFigure, type BoardTileKey } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { dataVersion } from '../records/data-version.ts';
import type { Database } from '../schema.ts';
import { BuildFacts } from './build-facts.ts';
import { buildTileOnDays, type TileBuild, type TileSettings } from './tile-builders.ts';

/** As-of days kept at once per store: each keeps every tile's units (a unit per person at most, per tile). */
const DAYS_KEPT = 4;

interface KeptDay {
  builds: Map<BoardTileKey, Promise<TileBuild>>;
  trends: Map<BoardTileKey, Promise<BoardFigure[]>>;
  dashboards: Map<string, Promise<BoardDashboard>>;
}

interface Kept {
  version: string;
  days: Map<string, KeptDay>;
}

// Per store (its Kysely instance), so two stores in one process never share a build.
const keptByStore = new WeakMap<Kysely<Database>, Kept>();

export const figureOf = (asOf: string, build: TileBuild): BoardFigure => {
  const numerator = build.units.filter((u) => u.counted).length;
  return { asOf, numerator, denominator: build.units.length, rate: build.units.length ? numerator / build.units.length : null };
};

/**
 * What has been computed for a day, kept while the data is unchanged (issue 8: each tile under a
 * second warm). The data version is read first, before anything it keeps is computed, so a build is
 * never kept under a version older than the data it saw; any write, from any process, moves the
 * version and the next request computes afresh.
 */
async function keptDay(db: Kysely<Database>, asOf: string, settings: TileSettings): Promise<KeptDay> {
  const version = await dataVersion(db);
  let kept = keptByStore.get(db);
  if (!kept || kept.version !== version) keptByStore.set(db, (kept = { version, days: new Map() }));
  // The installation's settings (the carers' response hours) change figures as the data does; and
  // today's figures move with the clock (a concern falls due at an hour), so today is kept an hour at most.
  const hour = asOf === londonToday() ? new Date().toISOString().slice(0, 13) : '';
  const key = `${asOf}|${settings.carerResponseHours ?? ''}|${hour}`;
  let day = kept.days.get(key);
  if (!day) {
    day = { builds: new Map(), trends: new Map(), dashboards: new Map() };
    kept.days.set(key, day);
    // The longest-kept day goes first.
    while (kept.days.size > DAYS_KEPT) kept.days.delete(kept.days.keys().next().value!);
  }
  return day;
}

/** A promise kept in a map until it fails: a request that fails is not kept for the next one. */
function keep<K, T>(map: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  made.catch(() => map.delete(key));
  return made;
}

/** A day's kept tiles under one read of the data version, with the facts their builds share (build-facts.ts). */
export interface KeptTiles {
  /** A tile built as of the day: the figure, its breakdowns and its drill-down all come from this one build. */
  build(key: BoardTileKey): Promise<TileBuild>;
  /** A tile's figure on each of some days ending with the day, built together; the day's build is kept as well. */
  trend(key: BoardTileKey, days: readonly string[]): Promise<BoardFigure[]>;
}

function keptTiles(db: Kysely<Database>, asOf: string, settings: TileSettings, day: KeptDay, tiles: readonly BoardTileKey[]): KeptTiles {
  const facts = new BuildFacts(new Set(tiles));
  return {
    build: (key) => keep(day.builds, key, async () => (await buildTileOnDays(db, key, [asOf], settings, facts))[0]!),
    trend: (key, days) =>
      keep(day.trends, key, async () => {
        const builds = await buildTileOnDays(db, key, days, settings, facts);
        if (!day.builds.has(key)) day.builds.set(key, Promise.resolve(builds.at(-1)!));
        return builds.map((b, i) => figureOf(days[i]!, b));
      }),
  };
}

/** A tile built as of a day: the figure, its breakdowns and its drill-down all come from this one build. */
export async function keptTileBuild(db: Kysely<Database>, key: BoardTileKey, asOf: string, settings: TileSettings = {}): Promise<TileBuild> {
  return keptTiles(db, asOf, settings, await keptDay(db, asOf, settings), [key]).build(key);
}

/** A tile's figure on each of some days ending with the day, built together; the day's build is kept as well. */
export async function keptTileTrend(db: Kysely<Database>, key: BoardTileKey, days: readonly string[], settings: TileSettings = {}): Promise<BoardFigure[]> {
  const asOf = days.at(-1)!;
  return keptTiles(db, asOf, settings, await keptDay(db, asOf, settings), [key]).trend(key, days);
}

/**
 * The whole dashboard for a day, kept as the tiles are: its breakdowns read every person's
 * characteristics. The data version is read once for the whole request, and `make` builds every
 * tile under it, sharing the facts they have in common.
 */
export async function keptDashboard(db: Kysely<Database>, asOf: string, settings: TileSettings, variant: string, make: (tiles: KeptTiles) => Promise<BoardDashboard>): Promise<BoardDashboard> {
  const day = await keptDay(db, asOf, settings);
  return keep(day.dashboards, variant, () => make(keptTiles(db, asOf, settings, day, boardTiles.map((t) => t.key))));
}
