import { boardTiles, characteristics, equityBreakdown, type BoardDashboard, type BoardFigure, type BoardTileFigures, type BoardTileKey, type EquityUnit } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { loadNames } from '../people/names.ts';
import type { Database } from '../schema.ts';
import { scopeDay } from '../worklists/worklist-scope.ts';
import { loadCharacteristics } from './person-characteristics.ts';
import { figureOf, keptDashboard, type KeptFor, type KeptTiles } from './kept-tiles.ts';
import type { TileBuild, TileSettings } from './tile-builders.ts';
import { trendDays } from './trend-days.ts';

export { trendDays };

/**
 * The board dashboard as of a day (issue 8 parts 1 and 2): each tile's figure from its builder, its
 * trend over 12 month ends where the registry asks for one, and its breakdown by every characteristic.
 * Aggregate only: nobody is named (the caseload tile names teams and key workers, not people).
 */
export async function boardDashboard(
  db: Kysely<Database>,
  options: { asOf?: string; trend?: boolean; onTileBuilt?: TileBuilt } & TileSettings & KeptFor = {},
): Promise<BoardDashboard> {
  const { asOf } = scopeDay(options.asOf);
  const trended = options.trend !== false;
  const settings: TileSettings = { carerResponseHours: options.carerResponseHours };
  const make = (tiles: KeptTiles) => computeDashboard(db, asOf, trended, tiles, options.onTileBuilt ?? (() => {}));
  return keptDashboard(db, asOf, settings, trended ? 'with trends' : 'without trends', make, { maxAgeMinutes: options.maxAgeMinutes, fromRecords: options.fromRecords, onPeopleBuilt: options.onPeopleBuilt });
}

/** Told as each tile of a dashboard being built is done (a build at trust scale takes minutes): for a progress bar. */
export type TileBuilt = (done: number, of: number) => void;

async function computeDashboard(db: Kysely<Database>, asOf: string, trended: boolean, kept: KeptTiles, onTileBuilt: TileBuilt): Promise<Omit<BoardDashboard, 'dataAt'>> {
  const built = new Map<BoardTileKey, { today: TileBuild; trend: BoardFigure[] | null }>();
  // Two tiles at a time: one's rules run in Node while the database reads another's facts. Not
  // more, so that a pack holds only a few tiles' facts at once.
  const waiting = [...boardTiles];
  const lane = async () => {
    for (let tile = waiting.shift(); tile; tile = waiting.shift()) {
      const trend = tile.trend && trended ? await kept.trend(tile.key, trendDays(asOf)) : null;
      built.set(tile.key, { today: await kept.build(tile.key), trend });
      onTileBuilt(built.size, boardTiles.length);
    }
  };
  await Promise.all([lane(), lane()]);
  const people = await loadCharacteristics(db, [...new Set([...built.values()].flatMap((b) => b.today.units.map((u) => u.personId)))]);

  // Each person's group by each characteristic, worked out once for every tile they are counted in
  // (null when not recorded, or for someone not on the person table).
  const everyone = [...people.keys()];
  const numberOf = new Map(everyone.map((personId, i) => [personId, i]));
  const groupsBy = characteristics.map((c) => (c.groupOf ? everyone.map((personId) => c.groupOf!(people.get(personId)!, asOf)) : null));

  const tiles: BoardTileFigures[] = [];
  for (const tile of boardTiles) {
    const { today: build, trend } = built.get(tile.key)!;
    // One list of the tile's units to break down, its groups rewritten for each characteristic in
    // turn (equityBreakdown only tallies it): not a list per characteristic of a list per tile.
    const numbers = build.units.map((u) => numberOf.get(u.personId));
    const equityUnits: EquityUnit[] = build.units.map((u) => ({ group: null, counted: u.counted }));
    const breakdowns = characteristics.map((c, k) => {
      const groups = groupsBy[k];
      if (!groups) return equityBreakdown(c, []);
      for (let i = 0; i < equityUnits.length; i++) {
        const number = numbers[i];
        equityUnits[i]!.group = number === undefined ? null : groups[number]!;
      }
      return equityBreakdown(c, equityUnits);
    });
    tiles.push({ tile, figure: figureOf(asOf, build), trend, breakdowns, ...(build.responseTimes ? { responseTimes: build.responseTimes } : {}), ...(build.caseloads ? { caseloads: await namedCaseloads(db, build.caseloads) } : {}) });
  }
  return { report: 'board', asOf, tiles };
}

async function namedCaseloads(db: Kysely<Database>, caseloads: NonNullable<TileBuild['caseloads']>): Promise<NonNullable<BoardTileFigures['caseloads']>> {
  const names = await loadNames(db, [...caseloads.teams.map((t) => `Organization/${t.teamId}`), ...caseloads.keyWorkers.map((k) => `Practitioner/${k.practitionerId}`)]);
  const team = (id: string) => names.get(`Organization/${id}`) ?? id;
  return {
    teams: caseloads.teams.map((t) => ({ ...t, team: team(t.teamId) })),
    keyWorkers: caseloads.keyWorkers.map((k) => ({ ...k, name: names.get(`Practitioner/${k.practitionerId}`) ?? k.practitionerId, team: team(k.teamId) })),
  };
}
