import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { boardTiles, type BoardDashboard } from '@continuity/domain';
import { boardDashboard, buildTileOnDays, keepBoardProjection, lastMonthEnd, projectedBuilds, projectedDay, refreshBoardProjection, type ProjectionKeeper, type ProjectionRefresh, trendDays, updatePersonRecord, writeRecords, type TileUnit } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from './support/synthetic-store.ts';

const AS_OF = '2026-06-30';
const population = syntheticPopulation({ people: 300, seed: 13, asOf: AS_OF });

const withoutTime = ({ dataAt: _, ...rest }: BoardDashboard) => rest;

/** Units as a multiset: the projection gives them person by person, a build in its own order. */
const unitKeys = (units: readonly TileUnit[]) => units.map((u) => JSON.stringify([u.personId, u.counted, u.teamIds, u.answeredInHours ?? null])).sort();

/** Every ISO date or date-time in a resource moved back some days: a back-dated contact, result, discharge or referral. */
function movedBack(value: unknown, days: number): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const moved = new Date(Date.parse(value.length === 10 ? `${value}T12:00:00Z` : value) - days * 86_400_000).toISOString();
    return value.length === 10 ? moved.slice(0, 10) : moved;
  }
  if (Array.isArray(value)) return value.map((v) => movedBack(v, days));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'birthDate' ? v : movedBack(v, days)]));
  return value;
}

const CHANGED_TYPES = ['Encounter', 'EpisodeOfCare', 'Observation', 'QuestionnaireResponse', 'ServiceRequest', 'Communication', 'Condition', 'Appointment', 'MedicationRequest'];

describe.each(storeKinds)('the board projection on $name', (kind) => {
  const imported = importedStore(kind, population);

  const sameAsFromRecords = async (asOf: string, settings: { carerResponseHours?: number } = {}) => {
    const kept = await boardDashboard(imported.store.db, { asOf, ...settings });
    const fromRecords = await boardDashboard(imported.store.db, { asOf, ...settings, fromRecords: true });
    expect(withoutTime(kept)).toEqual(withoutTime(fromRecords));
    // Every unit of every tile on the day and on a day of its trend, as the drill-downs list them.
    for (const day of [asOf, trendDays(asOf)[4]!]) {
      const builds = await projectedBuilds(imported.store.db, day, settings);
      for (const { key } of boardTiles) {
        const [fresh] = await buildTileOnDays(imported.store.db, key, [day], settings);
        expect(unitKeys(builds.get(key)!.units), `${key} on ${day}`).toEqual(unitKeys(fresh!.units));
        expect(builds.get(key)!.caseloads, key).toEqual(fresh!.caseloads);
        expect(builds.get(key)!.responseTimes, key).toEqual(fresh!.responseTimes);
      }
    }
    return kept;
  };

  it('is kept current behind a server for the last month end, one refresh at a time', async () => {
    expect(['2026-07-15', '2026-03-01', '2024-03-31', '2026-01-05'].map(lastMonthEnd)).toEqual(['2026-06-30', '2026-02-28', '2024-02-29', '2025-12-31']);
    const refreshes: ProjectionRefresh[] = [];
    let keeper: ProjectionKeeper | undefined;
    await new Promise<void>((resolve, reject) => {
      keeper = keepBoardProjection(imported.store.db, {}, { today: () => '2026-07-15', onRefreshed: (r) => (refreshes.push(r), resolve()), onFailed: reject });
    });
    await keeper!.stop();
    expect(refreshes).toHaveLength(1);
    const days = (await sql<{ day: string }>`SELECT day::text AS day FROM board_day ORDER BY day`.execute(imported.store.db)).rows.map((d) => d.day);
    expect(days).toEqual(expect.arrayContaining(trendDays('2026-06-30')));
    expect((await refreshBoardProjection(imported.store.db, trendDays('2026-06-30'))).peopleRebuilt).toBe(0);
  }, 240_000);

  it('keeps only the month ends that have passed', () => {
    expect(['2026-06-30', '2026-02-28', '2024-02-29', '2025-12-31'].map((d) => projectedDay(d, '2026-11-26'))).toEqual([true, true, true, true]);
    expect(['2026-06-29', '2024-02-28', '2026-07-01', '2026-11-30'].map((d) => projectedDay(d, '2026-11-26'))).toEqual([false, false, false, false]);
    expect(projectedDay('2026-10-31', '2026-10-31')).toBe(false);
  });

  it('gives a month end exactly the pack built from the records, having built its 12 month ends once for everyone', async () => {
    const board = await sameAsFromRecords(AS_OF);
    expect(board.tiles.filter((t) => t.figure.denominator > 0).length).toBeGreaterThanOrEqual(boardTiles.length - 1);
    const kept = await sql<{ days: string; rows: string }>`SELECT (SELECT count(*) FROM board_day)::text AS days, (SELECT count(*) FROM board_person_day)::text AS rows`.execute(imported.store.db);
    expect(kept.rows[0]!.days).toBe('12');
    expect(Number(kept.rows[0]!.rows)).toBeGreaterThan(300);
    // Nothing written since: nothing to rebuild.
    expect(await refreshBoardProjection(imported.store.db, trendDays(AS_OF))).toEqual({ daysAdded: [], peopleRebuilt: 0, rebuiltAll: false });
  }, 240_000);

  it('rebuilds exactly the people whose records were written, and still gives the pack built from the records', async () => {
    const db = imported.store.db;
    const records = await db.selectFrom('record').select(['person_id', 'resource_type', 'id', 'version_id', 'resource']).where('resource_type', 'in', CHANGED_TYPES).orderBy('person_id').orderBy('id').execute();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat(records.length - 1), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 200 }), fc.boolean(), async (picked, days, inError) => {
        await refreshBoardProjection(db, trendDays(AS_OF));
        const written = new Set<string>();
        for (const i of picked) {
          const r = records[i]!;
          const stored = await db.selectFrom('record').select(['version_id', 'resource']).where('person_id', '=', r.person_id).where('resource_type', '=', r.resource_type).where('id', '=', r.id).executeTakeFirstOrThrow();
          const changed = movedBack(stored.resource, days) as Record<string, unknown>;
          if (inError && (r.resource_type === 'Encounter' || r.resource_type === 'Observation')) changed.status = 'entered-in-error';
          expect(await updatePersonRecord(db, { type: r.resource_type as never, id: r.id, personId: r.person_id, resource: changed as never }, stored.version_id)).toBe(stored.version_id + 1);
          written.add(r.person_id);
        }
        expect(await refreshBoardProjection(db, trendDays(AS_OF))).toEqual({ daysAdded: [], peopleRebuilt: written.size, rebuiltAll: false });
        await sameAsFromRecords(AS_OF);
      }),
      { numRuns: 3, seed: 21 },
    );
  }, 480_000);

  const aTeam = async () => (await imported.store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').orderBy('id').executeTakeFirstOrThrow()).id;

  it('keeps a new person from their first record', async () => {
    const db = imported.store.db;
    await refreshBoardProjection(db, trendDays(AS_OF));
    const team = await aTeam();
    await db.transaction().execute(async (trx) => {
      await writeRecords(trx, [
        { type: 'Patient', id: 'projection-new', personId: 'projection-new', resource: { resourceType: 'Patient', id: 'projection-new', birthDate: '1990-01-01', gender: 'female' } as never },
        { type: 'EpisodeOfCare', id: 'projection-new-episode', personId: 'projection-new', resource: { resourceType: 'EpisodeOfCare', id: 'projection-new-episode', status: 'active', patient: { reference: 'Patient/projection-new' }, period: { start: '2026-01-10' }, managingOrganization: { reference: `Organization/${team}` } } as never },
      ]);
    });
    expect((await refreshBoardProjection(db, trendDays(AS_OF))).peopleRebuilt).toBe(1);
    const board = await sameAsFromRecords(AS_OF);
    expect(board.tiles.find((t) => t.tile.key === 'caseload')!.caseloads!.teams.reduce((n, t) => n + t.people, 0)).toBeGreaterThan(0);
  }, 240_000);

  it('rebuilds everyone when what every share was built under changes: a setting, or which teams are assertive outreach', async () => {
    const db = imported.store.db;
    const hours = { carerResponseHours: 24 };
    expect(await refreshBoardProjection(db, trendDays(AS_OF), hours)).toMatchObject({ rebuiltAll: true, daysAdded: trendDays(AS_OF) });
    await sameAsFromRecords(AS_OF, hours);

    // An ordinary team added changes no one's share; an assertive outreach team may (the cohort's "already in intensive care").
    const team = await db.selectFrom('shared_record').select('resource').where('resource_type', '=', 'Organization').where(sql<boolean>`resource::text LIKE '%"cmht"%'`).orderBy('id').executeTakeFirstOrThrow();
    await writeRecords(db, [{ type: 'Organization' as const, id: 'projection-team', resource: { ...(team.resource as object), id: 'projection-team', name: 'A new team' } as never }]);
    expect(await refreshBoardProjection(db, trendDays(AS_OF), hours)).toMatchObject({ rebuiltAll: false });
    const aot = JSON.parse(JSON.stringify(team.resource).replace('"cmht"', '"aot"')) as Record<string, unknown>;
    await writeRecords(db, [{ type: 'Organization' as const, id: 'projection-team', resource: { ...aot, id: 'projection-team', name: 'A new team' } as never }]);
    expect(await refreshBoardProjection(db, trendDays(AS_OF), hours)).toMatchObject({ rebuiltAll: true });
    await sameAsFromRecords(AS_OF, hours);
  }, 480_000);

  it('adds an earlier month end for everyone, leaving the kept ones as they are', async () => {
    const db = imported.store.db;
    const earlier = '2025-05-31';
    expect((await refreshBoardProjection(db, trendDays(AS_OF))).rebuiltAll).toBe(true);
    const kept = await sql<{ row: string }>`SELECT to_jsonb(d)::text AS row FROM board_person_day d WHERE day = ${AS_OF}::date ORDER BY person_id`.execute(db);
    expect(await refreshBoardProjection(db, [...trendDays(AS_OF), earlier])).toEqual({ daysAdded: [earlier], peopleRebuilt: 0, rebuiltAll: false });
    expect((await sql<{ row: string }>`SELECT to_jsonb(d)::text AS row FROM board_person_day d WHERE day = ${AS_OF}::date ORDER BY person_id`.execute(db)).rows).toEqual(kept.rows);
    await sameAsFromRecords('2026-05-31');
  }, 240_000);
});
