import { boardTiles, type BoardTileKey } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import type { Database } from '../schema.ts';
import { scopeDay } from '../worklists/worklist-scope.ts';
import { servedTileBuild, type KeptFor } from './kept-tiles.ts';
import type { TileSettings } from './tile-builders.ts';

export interface BoardPeople {
  tile: BoardTileKey;
  asOf: string;
  /** Who the list is: the tile's drill-down in words. */
  says: string;
  /** When the build the list comes from was worked out (as the dashboard's `dataAt`). */
  dataAt: string;
  people: Array<{ personId: string; nhsNumber: string | null; name: string | null; teamIds: string[]; units: number }>;
}

/**
 * The people behind a tile on a day (issue 8 part 1): those in its numerator, or those outside it
 * for a tile where more is better, from the same builder as the figure. Kept to the teams given
 * (a team manager's own); everyone when none are given. Undefined for a tile with no list.
 */
export async function boardPeople(db: Kysely<Database>, key: BoardTileKey, options: { asOf?: string; teams?: readonly string[] } & TileSettings & KeptFor = {}): Promise<BoardPeople | undefined> {
  const tile = boardTiles.find((t) => t.key === key);
  if (!tile?.drillDown) return undefined;
  const { asOf } = scopeDay(options.asOf);
  const wanted = tile.drillDown.lists === 'numerator';
  const listed = new Map<string, { teamIds: Set<string>; units: number }>();
  const { build, dataAt } = await servedTileBuild(db, key, asOf, { carerResponseHours: options.carerResponseHours }, { maxAgeMinutes: options.maxAgeMinutes });
  for (const unit of build.units) {
    if (unit.counted !== wanted) continue;
    if (options.teams && !unit.teamIds.some((t) => options.teams!.includes(t))) continue;
    const entry = listed.get(unit.personId) ?? listed.set(unit.personId, { teamIds: new Set(), units: 0 }).get(unit.personId)!;
    entry.units++;
    for (const t of unit.teamIds) entry.teamIds.add(t);
  }
  const labels = await personLabels(db, [...listed.keys()]);
  const people = [...listed]
    .map(([personId, e]) => ({ personId, nhsNumber: labels.get(personId)?.nhsNumber ?? null, name: labels.get(personId)?.name ?? null, teamIds: [...e.teamIds].sort(), units: e.units }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || (a.personId < b.personId ? -1 : 1));
  return { tile: key, asOf, says: tile.drillDown.says, dataAt, people };
}
