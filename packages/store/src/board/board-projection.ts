import { createHash } from 'node:crypto';
import {
  boardRules,
  boardTiles,
  carerConcernRules,
  dischargeRules,
  engagementRules,
  intensiveReviewRules,
  isoDay,
  londonDay,
  londonToday,
  mhaRules,
  monitoringRules,
  outcomeReportRules,
  outcomeRules,
  physicalHealthRules,
  waitingRules,
  type BoardFigure,
  type BoardTileKey,
} from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { organisationsOfType } from '../intensive-care/intensive-review-facts.ts';
import type { Database } from '../schema.ts';
import { BuildFacts } from './build-facts.ts';
import { buildsOf, countsOf, sharesOf, type PersonShare } from './person-shares.ts';
import { buildTileOnDays, responseHoursOf, type TileBuild, type TileSettings } from './tile-builders.ts';

type Db = Kysely<Database>;

/**
 * Change when a change to a tile's builder changes what it counts for anyone: the kept shares of
 * the older code are then rebuilt. (The rules' figures are in the basis already: rulesFingerprint.)
 */
const BUILDERS_EDITION = 1;

/** Month ends kept at most: two years of trends. The oldest goes first. */
const DAYS_KEPT = 25;

/**
 * People built at once: a slice's facts for every tile and every kept day are held together. At
 * 100k people, slices of 5,000 peaked at 1.1 GB resident and 20,000 at 2.5 GB, filling 15% faster.
 */
const SLICE = 10_000;

/** Held while a slice's shares and the totals are replaced, so that two rebuilds never both subtract one share. */
const PROJECTION_LOCK = 7_311_030;

const ALL_TILES = boardTiles.map((t) => t.key);

/** A day the projection keeps: the last day of a month that has passed (today's figures move with the clock). */
export function projectedDay(day: string, today = londonToday()): boolean {
  const number = londonDay(day);
  return number !== undefined && isoDay(number + 1).endsWith('-01') && day < today;
}

/**
 * What every kept share was built under, beyond the person's own records: the builders' edition,
 * the rules they apply, the installation's settings, and the only shared records a tile reads: which
 * organisations are assertive outreach teams and which the police (the intensive-care tile). A
 * change to any of them rebuilds everyone; a new practitioner or an ordinary team does not.
 */
async function basisOf(db: Db, settings: TileSettings): Promise<string> {
  const [aot, police] = await Promise.all([organisationsOfType(db, 'aot'), organisationsOfType(db, 'police')]);
  return [BUILDERS_EDITION, rulesFingerprint, responseHoursOf(settings), [...aot].sort().join(), [...police].sort().join()].join('|');
}

const rulesFingerprint = createHash('sha256')
  .update(JSON.stringify([boardRules, carerConcernRules, dischargeRules, engagementRules, intensiveReviewRules, mhaRules, monitoringRules, outcomeReportRules, outcomeRules, physicalHealthRules, waitingRules]))
  .digest('hex')
  .slice(0, 16);

/** Told as a refresh builds people's shares, for a progress bar: a first fill at trust scale takes minutes. */
export type PeopleBuilt = (done: number, of: number) => void;

export interface ProjectionRefresh {
  /** Month ends built for everyone, not kept before. */
  daysAdded: string[];
  /** People whose kept shares were rebuilt because their records changed (or nothing was kept for them). */
  peopleRebuilt: number;
  /** Whether everything kept was let go first, its basis having changed. */
  rebuiltAll: boolean;
}

/**
 * Makes the projection current for some month ends (projectedDay): everything is let go if its
 * basis changed; days not kept are built for everyone; then everyone whose records changed since
 * their shares were built is rebuilt, on every kept day. Each slice of people is stored in its own
 * transaction, so a refresh stopped partway keeps what it finished.
 */
export async function refreshBoardProjection(db: Db, days: readonly string[], settings: TileSettings = {}, onPeopleBuilt: PeopleBuilt = () => {}): Promise<ProjectionRefresh> {
  const basis = await basisOf(db, settings);
  const kept = (await sql<{ day: string; basis: string }>`SELECT day::text AS day, basis FROM board_day ORDER BY day`.execute(db)).rows;
  const rebuiltAll = kept.some((d) => d.basis !== basis);
  if (rebuiltAll) await letGoOfEverything(db);
  const keptDays = rebuiltAll ? [] : kept.map((d) => d.day);
  const daysAdded = [...new Set(days)].filter((d) => !keptDays.includes(d)).sort();

  if (daysAdded.length > 0) {
    // A first fill builds every kept day, so the people it builds are then current.
    const first = keptDays.length === 0;
    if (first) await sql`INSERT INTO board_person (person_id) SELECT person_id FROM person ON CONFLICT (person_id) DO NOTHING`.execute(db);
    const everyone = (await sql<{ person_id: string; generation: string }>`SELECT person_id, generation::text AS generation FROM board_person ORDER BY person_id`.execute(db)).rows;
    for (let i = 0; i < everyone.length; i += SLICE) {
      const slice = everyone.slice(i, i + SLICE);
      await storeShares(db, slice.map((p) => p.person_id), daysAdded, await buildShares(db, slice.map((p) => p.person_id), daysAdded, settings), first ? slice : []);
      onPeopleBuilt(i + slice.length, everyone.length);
    }
    await sql`INSERT INTO board_day (day, basis) SELECT unnest(${daysAdded}::date[]), ${basis}
      ON CONFLICT (day) DO UPDATE SET basis = excluded.basis, filled_at = now()`.execute(db);
    await letGoOfOldestDays(db);
  }

  const allDays = (await sql<{ day: string }>`SELECT day::text AS day FROM board_day ORDER BY day`.execute(db)).rows.map((d) => d.day);
  const stale = (await sql<{ person_id: string; generation: string }>`
    SELECT person_id, generation::text AS generation FROM board_person WHERE kept_generation IS DISTINCT FROM generation ORDER BY person_id`.execute(db)).rows;
  for (let i = 0; i < stale.length && allDays.length > 0; i += SLICE) {
    const slice = stale.slice(i, i + SLICE);
    await storeShares(db, slice.map((p) => p.person_id), allDays, await buildShares(db, slice.map((p) => p.person_id), allDays, settings), slice);
    onPeopleBuilt(i + slice.length, stale.length);
  }
  return { daysAdded, peopleRebuilt: allDays.length > 0 ? stale.length : 0, rebuiltAll };
}

/** Every tile built for some people on some days (a build of those people alone), as each person's share of each day. */
async function buildShares(db: Db, people: readonly string[], days: readonly string[], settings: TileSettings): Promise<Array<Map<string, PersonShare>>> {
  const facts = new BuildFacts(new Set(ALL_TILES), people);
  const builds = days.map(() => new Map<BoardTileKey, TileBuild>());
  // Two tiles at a time, as a pack builds them: one's rules run in Node while the database reads another's facts.
  const waiting = [...ALL_TILES];
  const lane = async () => {
    for (let key = waiting.shift(); key; key = waiting.shift()) (await buildTileOnDays(db, key, days, settings, facts)).forEach((build, i) => builds[i]!.set(key!, build));
  };
  await Promise.all([lane(), lane()]);
  return builds.map((tiles) => sharesOf(new Map(ALL_TILES.map((key) => [key, tiles.get(key)!]))));
}

/**
 * Replaces these people's shares of these days, and changes the days' totals by the difference, in
 * one transaction. `current`: people whose generation was read before their shares were built; each
 * is marked current only if no write has moved their generation since (they stay stale otherwise).
 */
async function storeShares(db: Db, people: readonly string[], days: readonly string[], shares: ReadonlyArray<Map<string, PersonShare>>, current: ReadonlyArray<{ person_id: string; generation: string }>): Promise<void> {
  const rows = { person: [] as string[], day: [] as string[], share: [] as string[] };
  const totals = new Map<string, [number, number]>();
  const add = (day: string, share: PersonShare, sign: 1 | -1) => {
    for (const [key, numerator, denominator] of countsOf(share)) {
      const total = totals.get(`${day}|${key}`) ?? totals.set(`${day}|${key}`, [0, 0]).get(`${day}|${key}`)!;
      total[0] += sign * numerator;
      total[1] += sign * denominator;
    }
  };
  days.forEach((day, i) => {
    for (const [personId, share] of shares[i]!) {
      rows.person.push(personId);
      rows.day.push(day);
      rows.share.push(JSON.stringify(share));
      add(day, share, 1);
    }
  });
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(trx);
    const replaced = await sql<{ day: string; share: PersonShare }>`
      DELETE FROM board_person_day WHERE person_id = ANY(${[...people]}::text[]) AND day = ANY(${[...days]}::date[])
      RETURNING day::text AS day, share`.execute(trx);
    for (const r of replaced.rows) add(r.day, r.share, -1);
    if (rows.person.length > 0) {
      await sql`INSERT INTO board_person_day (person_id, day, share)
        SELECT * FROM unnest(${rows.person}::text[], ${rows.day}::date[], ${rows.share}::json[])`.execute(trx);
    }
    const changed = [...totals].filter(([, [n, d]]) => n !== 0 || d !== 0);
    if (changed.length > 0) {
      await sql`INSERT INTO board_day_total AS t (day, tile, numerator, denominator)
        SELECT * FROM unnest(${changed.map(([k]) => k.split('|')[0]!)}::date[], ${changed.map(([k]) => k.split('|')[1]!)}::text[],
                             ${changed.map(([, [n]]) => n)}::bigint[], ${changed.map(([, [, d]]) => d)}::bigint[])
        ON CONFLICT (day, tile) DO UPDATE SET numerator = t.numerator + excluded.numerator, denominator = t.denominator + excluded.denominator`.execute(trx);
    }
    if (current.length > 0) {
      await sql`UPDATE board_person AS b SET kept_generation = c.generation
        FROM unnest(${current.map((p) => p.person_id)}::text[], ${current.map((p) => p.generation)}::bigint[]) AS c(person_id, generation)
        WHERE b.person_id = c.person_id AND b.generation = c.generation`.execute(trx);
    }
  });
}

async function letGoOfEverything(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(trx);
    await sql`DELETE FROM board_person_day`.execute(trx);
    await sql`DELETE FROM board_day_total`.execute(trx);
    await sql`DELETE FROM board_day`.execute(trx);
    await sql`UPDATE board_person SET kept_generation = NULL WHERE kept_generation IS NOT NULL`.execute(trx);
  });
}

async function letGoOfOldestDays(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROJECTION_LOCK})`.execute(trx);
    const oldest = (await sql<{ day: string }>`SELECT day::text AS day FROM board_day ORDER BY day DESC OFFSET ${DAYS_KEPT}`.execute(trx)).rows.map((d) => d.day);
    if (oldest.length === 0) return;
    await sql`DELETE FROM board_person_day WHERE day = ANY(${oldest}::date[])`.execute(trx);
    await sql`DELETE FROM board_day_total WHERE day = ANY(${oldest}::date[])`.execute(trx);
    await sql`DELETE FROM board_day WHERE day = ANY(${oldest}::date[])`.execute(trx);
  });
}

/** Every tile's build of a kept day, made again from everyone's kept shares of it. */
export async function projectedBuilds(db: Db, day: string, settings: TileSettings = {}): Promise<Map<BoardTileKey, TileBuild>> {
  const rows = (await sql<{ person_id: string; share: PersonShare }>`SELECT person_id, share FROM board_person_day WHERE day = ${day}::date ORDER BY day, person_id`.execute(db)).rows;
  return buildsOf(
    rows.map((r) => [r.person_id, r.share]),
    ALL_TILES,
    responseHoursOf(settings),
  );
}

/** Each tile's figure on each of some kept days, from the kept totals. */
export async function projectedFigures(db: Db, days: readonly string[]): Promise<Map<BoardTileKey, BoardFigure[]>> {
  const rows = (await sql<{ day: string; tile: BoardTileKey; numerator: string; denominator: string }>`
    SELECT day::text AS day, tile, numerator::text AS numerator, denominator::text AS denominator FROM board_day_total WHERE day = ANY(${[...days]}::date[])`.execute(db)).rows;
  const found = new Map(rows.map((r) => [`${r.day}|${r.tile}`, r]));
  return new Map(
    ALL_TILES.map((key) => [
      key,
      days.map((asOf) => {
        const row = found.get(`${asOf}|${key}`);
        const numerator = Number(row?.numerator ?? 0);
        const denominator = Number(row?.denominator ?? 0);
        return { asOf, numerator, denominator, rate: denominator ? numerator / denominator : null };
      }),
    ]),
  );
}
