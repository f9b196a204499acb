import { boardTiles, londonToday, type BoardDashboard, type BoardFigure, type BoardTileKey } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { dataVersion } from '../records/data-version.ts';
import type { Database } from '../schema.ts';
import { projectedBuilds, projectedDay, projectedFigures, refreshBoardProjection, type PeopleBuilt } from './board-projection.ts';
import { BuildFacts } from './build-facts.ts';
import { trendDays } from './trend-days.ts';
import { buildTileOnDays, type TileBuild, type TileSettings } from './tile-builders.ts';

/** As-of days kept at once per store: each keeps every tile's units (a unit per person at most, per tile). */
const DAYS_KEPT = 4;

interface KeptDay {
  /** When the day was first asked for under its data version: what is kept for it was made from the records as they stood then. */
  at: number;
  builds: Map<BoardTileKey, Promise<TileBuild>>;
  trends: Map<BoardTileKey, Promise<BoardFigure[]>>;
  dashboards: Map<string, Promise<BoardDashboard>>;
  /** A kept month end: the projection made current for its trend, then its builds and figures read (board-projection.ts). */
  projected: Map<string, Promise<Projected>>;
}

interface Projected {
  trendDays: readonly string[];
  builds: Map<BoardTileKey, TileBuild>;
  figures: Map<BoardTileKey, BoardFigure[]>;
}

interface Kept {
  version: string;
  days: Map<string, KeptDay>;
}

interface StoreKept {
  current: Kept;
  /**
   * The latest day whose whole dashboard was built, by as-of day and settings, kept across versions
   * (and, for today, across hours) for `maxAgeMinutes`.
   */
  built: Map<string, KeptDay>;
  /** Days' keys (and variants) being built afresh in the background while an older build is served. */
  refreshing: Set<string>;
}

// Per store (its Kysely instance), so two stores in one process never share a build.
const keptByStore = new WeakMap<Kysely<Database>, StoreKept>();

/**
 * How old a build may be and still be served after the data has changed. Zero (the default) serves
 * only builds of the data as it is; the server passes its installation's setting, since a board
 * figure need not move with each contact recorded, and at trust scale a build takes a minute.
 */
export interface KeptFor {
  maxAgeMinutes?: number;
  /**
   * Build from the records alone even for a month end the projection keeps (board-projection.ts):
   * for checking the projection against the records, and for anyone who wants to.
   */
  fromRecords?: boolean;
  /** Told as the projection builds people's shares before a month end is read from it. */
  onPeopleBuilt?: PeopleBuilt;
}

export const figureOf = (asOf: string, build: TileBuild): BoardFigure => {
  const numerator = build.units.filter((u) => u.counted).length;
  return { asOf, numerator, denominator: build.units.length, rate: build.units.length ? numerator / build.units.length : null };
};

interface FoundDay {
  kept: StoreKept;
  /** The as-of day and settings: the key of the latest full build (`built`). */
  key: string;
  day: KeptDay;
}

/**
 * What has been computed for a day, kept while the data is unchanged (issue 8: each tile under a
 * second warm). The data version is read first, before anything it keeps is computed, so a build is
 * never kept under a version older than the data it saw; any write, from any process, moves the
 * version and the next request computes afresh (or, given `maxAgeMinutes`, is served the latest full
 * build of the day while it is young enough: keptDashboard and servedTileBuild).
 */
async function keptDay(db: Kysely<Database>, asOf: string, settings: TileSettings, freshness: KeptFor): Promise<FoundDay> {
  const version = await dataVersion(db);
  let kept = keptByStore.get(db);
  if (!kept) keptByStore.set(db, (kept = { current: { version, days: new Map() }, built: new Map(), refreshing: new Set() }));
  else if (kept.current.version !== version) kept.current = { version, days: new Map() };
  // The installation's settings (the carers' response hours) change figures as the data does; and
  // today's figures move with the clock (a concern falls due at an hour), so today is kept an hour at most.
  const hour = asOf === londonToday() ? new Date().toISOString().slice(0, 13) : '';
  const key = `${asOf}|${settings.carerResponseHours ?? ''}|${freshness.fromRecords ? 'records' : ''}`;
  const { days } = kept.current;
  let day = days.get(`${key}|${hour}`);
  if (!day) {
    day = { at: Date.now(), builds: new Map(), trends: new Map(), dashboards: new Map(), projected: new Map() };
    days.set(`${key}|${hour}`, day);
    // The longest-kept day goes first.
    while (days.size > DAYS_KEPT) days.delete(days.keys().next().value!);
  }
  return { kept, key, day };
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

/** The projection made current for a month end's trend (every day of it a kept month end too), then the day's builds and the trend's figures. */
async function projectedOn(db: Kysely<Database>, asOf: string, settings: TileSettings, onPeopleBuilt?: PeopleBuilt): Promise<Projected> {
  const trend = trendDays(asOf);
  await refreshBoardProjection(db, trend, settings, onPeopleBuilt);
  const [builds, figures] = await Promise.all([projectedBuilds(db, asOf, settings), projectedFigures(db, trend)]);
  return { trendDays: trend, builds, figures };
}

/** The latest day built in full, if made from the records as they stood within `maxAgeMinutes`. */
function youngBuilt(found: FoundDay, freshness: KeptFor): KeptDay | undefined {
  const built = found.kept.built.get(found.key);
  const maxAge = (freshness.maxAgeMinutes ?? 0) * 60_000;
  return built && maxAge > 0 && Date.now() - built.at <= maxAge ? built : undefined;
}

const dataAt = (day: KeptDay) => new Date(day.at).toISOString();

/** A day's kept tiles under one read of the data version, with the facts their builds share (build-facts.ts). */
export interface KeptTiles {
  /** A tile built as of the day: the figure, its breakdowns and its drill-down all come from this one build. */
  build(key: BoardTileKey): Promise<TileBuild>;
  /** A tile's figure on each of some days ending with the day, built together; the day's build is kept as well. */
  trend(key: BoardTileKey, days: readonly string[]): Promise<BoardFigure[]>;
}

function keptTiles(db: Kysely<Database>, asOf: string, settings: TileSettings, day: KeptDay, tiles: readonly BoardTileKey[], freshness: KeptFor): KeptTiles {
  if (!freshness.fromRecords && projectedDay(asOf)) {
    const projected = () => keep(day.projected, asOf, () => projectedOn(db, asOf, settings, freshness.onPeopleBuilt));
    return {
      build: (key) => keep(day.builds, key, async () => (await projected()).builds.get(key)!),
      trend: (key, days) =>
        keep(day.trends, key, async () => {
          const found = await projected();
          if (days.join() === found.trendDays.join()) return found.figures.get(key)!;
          return (await buildTileOnDays(db, key, days, settings)).map((b, i) => figureOf(days[i]!, b));
        }),
    };
  }
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
export async function keptTileBuild(db: Kysely<Database>, key: BoardTileKey, asOf: string, settings: TileSettings = {}, freshness: KeptFor = {}): Promise<TileBuild> {
  return (await servedTileBuild(db, key, asOf, settings, freshness)).build;
}

/**
 * A tile's build for its drill-down, and when the data it was made from was read: the current one,
 * or with `maxAgeMinutes` the one behind the dashboard last built in full for the day, so that the
 * people listed are those its figure counted.
 */
export async function servedTileBuild(db: Kysely<Database>, key: BoardTileKey, asOf: string, settings: TileSettings = {}, freshness: KeptFor = {}): Promise<{ build: TileBuild; dataAt: string }> {
  const found = await keptDay(db, asOf, settings, freshness);
  const built = youngBuilt(found, freshness);
  const fromBuilt = built?.builds.get(key);
  if (built && fromBuilt) return { build: await fromBuilt, dataAt: dataAt(built) };
  return { build: await keptTiles(db, asOf, settings, found.day, [key], freshness).build(key), dataAt: dataAt(found.day) };
}

/** A tile's figure on each of some days ending with the day, built together; the day's build is kept as well. */
export async function keptTileTrend(db: Kysely<Database>, key: BoardTileKey, days: readonly string[], settings: TileSettings = {}, freshness: KeptFor = {}): Promise<BoardFigure[]> {
  const asOf = days.at(-1)!;
  const { day } = await keptDay(db, asOf, settings, freshness);
  return keptTiles(db, asOf, settings, day, [key], freshness).trend(key, days);
}

/**
 * The whole dashboard for a day, kept as the tiles are: its breakdowns read every person's
 * characteristics. The data version is read once for the whole request, and `make` builds every
 * tile under it, sharing the facts they have in common. With `maxAgeMinutes`, after a write the
 * latest full build of the day is served while young enough, and one build afresh starts behind it.
 */
export async function keptDashboard(
  db: Kysely<Database>,
  asOf: string,
  settings: TileSettings,
  variant: string,
  make: (tiles: KeptTiles) => Promise<Omit<BoardDashboard, 'dataAt'>>,
  freshness: KeptFor = {},
): Promise<BoardDashboard> {
  const found = await keptDay(db, asOf, settings, freshness);
  const { kept, key, day } = found;
  const build = () =>
    keep(day.dashboards, variant, async () => {
      const dashboard = { ...(await make(keptTiles(db, asOf, settings, day, boardTiles.map((t) => t.key), freshness))), dataAt: dataAt(day) };
      if ((kept.built.get(key)?.at ?? -Infinity) <= day.at) {
        kept.built.delete(key);
        kept.built.set(key, day);
        while (kept.built.size > DAYS_KEPT) kept.built.delete(kept.built.keys().next().value!);
      }
      return dashboard;
    });
  // The latest full build while young, rather than wait for one afresh (which may be under way).
  const built = youngBuilt(found, freshness);
  const older = built?.dashboards.get(variant);
  if (!built || !older) return build();
  if (built === day) return older;
  // One build afresh at a time per day: a trust writing all day would otherwise start one per request.
  const refreshing = `${key}|${variant}`;
  if (!kept.refreshing.has(refreshing)) {
    kept.refreshing.add(refreshing);
    build()
      .catch(() => undefined)
      .finally(() => kept.refreshing.delete(refreshing));
  }
  return older;
}
