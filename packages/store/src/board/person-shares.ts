import type { BoardTileKey } from '@continuity/domain';
import { caseloadsOf, responseTimesOf, type HeldEpisode, type TileBuild, type TileUnit } from './tile-builders.ts';

/** A unit as kept: counted (1) or not (0), its teams, and for a carer's concern the hours to its first response. */
type KeptUnit = [counted: 0 | 1, teamIds: string[], answeredInHours?: number];

/**
 * One person's share of every tile on one day, as the board projection keeps it (migration 030):
 * their units by tile, and the episodes they were held in (team, key worker) for the caseload sizes.
 * Short keys: a row per person per kept day.
 */
export interface PersonShare {
  u: Partial<Record<BoardTileKey, KeptUnit[]>>;
  h?: Array<[teamId: string, keyWorkerId: string | null]>;
}

/** Each person's share of some tiles' builds of one day. */
export function sharesOf(builds: ReadonlyMap<BoardTileKey, TileBuild>): Map<string, PersonShare> {
  const shares = new Map<string, PersonShare>();
  const shareOf = (personId: string) => shares.get(personId) ?? shares.set(personId, { u: {} }).get(personId)!;
  for (const [key, build] of builds) {
    for (const unit of build.units) {
      const kept: KeptUnit = [unit.counted ? 1 : 0, [...unit.teamIds]];
      if (unit.answeredInHours !== undefined) kept.push(unit.answeredInHours);
      const share = shareOf(unit.personId);
      (share.u[key] ??= []).push(kept);
    }
    for (const e of build.held ?? []) (shareOf(e.personId).h ??= []).push([e.teamId, e.keyWorkerId]);
  }
  return shares;
}

/** Numerator and denominator of each tile in a share: what it adds to the day's totals. */
export function countsOf(share: PersonShare): Array<[BoardTileKey, number, number]> {
  return (Object.entries(share.u) as Array<[BoardTileKey, KeptUnit[]]>).map(([key, units]) => [key, units.filter((u) => u[0] === 1).length, units.length]);
}

/**
 * The builds of some tiles made again from everyone's shares of a day: each tile's units person by
 * person, the caseload tile's held episodes and sizes, and the carers' concerns tile's response
 * times, as a build of everyone gives them (in person order; no figure depends on the order).
 */
export function buildsOf(shares: Iterable<[personId: string, share: PersonShare]>, tiles: readonly BoardTileKey[], carerResponseHours: number): Map<BoardTileKey, TileBuild> {
  const units = new Map<BoardTileKey, TileUnit[]>(tiles.map((key) => [key, []]));
  const held: HeldEpisode[] = [];
  for (const [personId, share] of shares) {
    for (const [key, kept] of Object.entries(share.u) as Array<[BoardTileKey, KeptUnit[]]>) {
      const list = units.get(key);
      if (!list) continue;
      for (const [counted, teamIds, answeredInHours] of kept) list.push({ personId, counted: counted === 1, teamIds, ...(answeredInHours !== undefined ? { answeredInHours } : {}) });
    }
    for (const [teamId, keyWorkerId] of share.h ?? []) held.push({ personId, teamId, keyWorkerId });
  }
  return new Map(
    tiles.map((key) => {
      const build: TileBuild = { units: units.get(key)! };
      if (key === 'caseload') Object.assign(build, { held, caseloads: caseloadsOf(held) });
      if (key === 'carer-concerns') build.responseTimes = responseTimesOf(build.units, carerResponseHours);
      return [key, build];
    }),
  );
}
