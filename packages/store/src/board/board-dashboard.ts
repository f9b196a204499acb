import { boardTiles, characteristics, equityBreakdown, equityBreakdownOfTally, type BoardDashboard, type BoardFigure, type BoardTileFigures, type BoardTileKey, type GroupTally } from '@continuity/domain';
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
  const counted = new Set<string>();
  for (const { today } of built.values()) {
    let last: string | undefined;
    for (const u of today.units) if (u.personId !== last) counted.add((last = u.personId));
  }
  const people = await loadCharacteristics(db, [...counted]);

  // Each person's group by each characteristic, worked out once for every tile they are counted in,
  // as a number standing for the group (its place in `values`; null when not recorded, and for
  // someone not on the person table), so that a tile's units are tallied into arrays, not maps.
  const everyone = [...people.keys()];
  const numberOf = new Map(everyone.map((personId, i) => [personId, i]));
  const groupsBy = characteristics.map((c) => {
    if (!c.groupOf) return null;
    const values: Array<string | null> = [null];
    const valueOf = new Map<string | null, number>([[null, 0]]);
    const ofPerson = new Int32Array(everyone.length);
    everyone.forEach((personId, i) => {
      const group = c.groupOf!(people.get(personId)!, asOf);
      ofPerson[i] = valueOf.get(group) ?? valueOf.set(group, values.push(group) - 1).get(group)!;
    });
    return { values, ofPerson };
  });

  const tiles: BoardTileFigures[] = [];
  for (const tile of boardTiles) {
    const { today: build, trend } = built.get(tile.key)!;
    // Each unit's person as a number (-1 for someone not on the person table), and whether counted,
    // in typed arrays: a pack at trust scale tallies millions of units by ten characteristics.
    // Units come person by person, so the last person is tried first.
    const { units } = build;
    const numbers = new Int32Array(units.length);
    const countedFlags = new Uint8Array(units.length);
    let lastPerson: string | undefined;
    let lastNumber = -1;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      if (unit.personId !== lastPerson) [lastPerson, lastNumber] = [unit.personId, numberOf.get(unit.personId) ?? -1];
      numbers[i] = lastNumber;
      countedFlags[i] = unit.counted ? 1 : 0;
    }
    const breakdowns = characteristics.map((c, k) => {
      const groups = groupsBy[k];
      if (!groups) return equityBreakdown(c, []);
      const { ofPerson } = groups;
      const d = new Float64Array(groups.values.length);
      const n = new Float64Array(groups.values.length);
      for (let i = 0; i < numbers.length; i++) {
        const number = numbers[i]!;
        const value = number < 0 ? 0 : ofPerson[number]!;
        d[value] = d[value]! + 1;
        n[value] = n[value]! + countedFlags[i]!;
      }
      const tally = new Map<string | null, GroupTally>();
      groups.values.forEach((group, value) => d[value]! > 0 && tally.set(group, { d: d[value]!, n: n[value]! }));
      return equityBreakdownOfTally(c, tally);
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
