import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDashboard, BuildFacts, buildTileOnDays, monitoringOverdueWorklist, physicalHealthReport, teamOutcomes, tileBuilders, trendDays, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { BOARD_AS_OF } from './support/board-scenario.ts';
import { openBoardStore } from './support/board-store.ts';

// Before anyone was held, before and after w1's check of 1 March and w3's and b2's measures of 1 March and 1 June, and the day.
const days = ['2025-12-31', '2026-02-28', '2026-03-31', '2026-05-31', BOARD_AS_OF];

describe.each(storeKinds)('board trends read once for all the days on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openBoardStore(kind);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('gives the physical health check on each day exactly as the physical-health report for that day', async () => {
    const together = await buildTileOnDays(store.db, 'physical-health-check', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      const report = (await physicalHealthReport(store.db, { asOf: day })).total;
      const counted = together[i]!.units.filter((u) => u.counted).length;
      expect([counted, together[i]!.units.length], day).toEqual([report.complete, report.eligible]);
      expect(together[i], day).toEqual(await tileBuilders['physical-health-check'](store.db, day));
      figures.push([counted, together[i]!.units.length]);
    }
    // Worked by hand: w17 (psychosis) held until 1 March 2026, w1 and w2 from 1 January; w1's six parts on 1 March.
    expect(figures).toEqual([[0, 1], [0, 3], [1, 2], [1, 2], [1, 2]]);
  });

  it('gives the same checks when a pack takes them from the read of the monitoring worklist', async () => {
    const pack = new BuildFacts(new Set(['physical-health-check', 'monitoring'] as const));
    const shared = await buildTileOnDays(store.db, 'physical-health-check', days, {}, pack);
    expect(shared).toEqual(await buildTileOnDays(store.db, 'physical-health-check', days));
    expect(shared.map((b) => [b.units.filter((u) => u.counted).length, b.units.length])).toEqual([[0, 1], [0, 3], [1, 2], [1, 2], [1, 2]]);
    // And the monitoring tile of the same pack is built from that one read.
    expect(await buildTileOnDays(store.db, 'monitoring', days, {}, pack)).toEqual(await buildTileOnDays(store.db, 'monitoring', days));
  });

  it('gives reliable improvement on each day exactly as the outcomes reports of both teams for that day', async () => {
    const together = await buildTileOnDays(store.db, 'outcome-change', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      const phq = async (team: string) => (await teamOutcomes(store.db, team, day)).report.instruments.find((r) => r.instrument === 'phq-9')?.scores[0];
      const [north, south] = [await phq('team-north'), await phq('team-south')];
      const counted = together[i]!.units.filter((u) => u.counted).length;
      expect([counted, together[i]!.units.length], day).toEqual([(north?.reliablyImproved ?? 0) + (south?.reliablyImproved ?? 0), (north?.paired ?? 0) + (south?.paired ?? 0)]);
      figures.push([counted, together[i]!.units.length]);
    }
    // Worked by hand: w3 (8 then 1) and b2 (8 then 8) have a second PHQ-9 only from 1 June.
    expect(figures).toEqual([[0, 0], [0, 0], [0, 0], [0, 0], [1, 2]]);
  });

  it('gives outcome measure completion on each day exactly as the outcomes reports of both teams, alone or from the read it shares with outcome change', async () => {
    const alone = await buildTileOnDays(store.db, 'outcome-measures', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      const completion = async (team: string) => (await teamOutcomes(store.db, team, day)).report;
      const [north, south] = [await completion('team-north'), await completion('team-south')];
      const counted = alone[i]!.units.filter((u) => u.counted).length;
      expect([counted, alone[i]!.units.length], day).toEqual([north.completion.people + south.completion.people, north.caseload + south.caseload]);
      expect(alone[i], day).toEqual(await tileBuilders['outcome-measures'](store.db, day));
      figures.push([counted, alone[i]!.units.length]);
    }
    const pack = new BuildFacts(new Set(['outcome-measures', 'outcome-change'] as const));
    expect(await buildTileOnDays(store.db, 'outcome-measures', days, {}, pack)).toEqual(alone);
    expect(await buildTileOnDays(store.db, 'outcome-change', days, {}, pack)).toEqual(await buildTileOnDays(store.db, 'outcome-change', days));
    // Worked by hand: w4's PHQ-9 of 1 May 2025 counts once w4 is held (1 January) until 12 months have passed;
    // w3's, b2's and u1's of 1 March from then on; w17 is held until 1 March.
    expect(figures).toEqual([[0, 3], [1, 24], [4, 23], [3, 23], [3, 23]]);
  });

  it('gives monitoring on each day exactly as the monitoring-overdue worklist for that day', async () => {
    const together = await buildTileOnDays(store.db, 'monitoring', days);
    const figures = [];
    for (const [i, day] of days.entries()) {
      const worklist = await monitoringOverdueWorklist(store.db, { asOf: day });
      const listed = together[i]!.units.filter((u) => u.counted).map((u) => u.personId);
      expect(listed.sort(), day).toEqual(worklist.list.items.map((item) => item.patient.id).sort());
      expect(together[i]!.units.map((u) => u.personId), day).toEqual(worklist.evaluatedPeople.map((p) => p.personId));
      expect(together[i], day).toEqual(await tileBuilders.monitoring(store.db, day));
      figures.push([listed.length, together[i]!.units.length]);
    }
    // The people on the SMI register held on each day (as for the check above); on the day w2 is overdue.
    expect(figures.map(([, evaluated]) => evaluated)).toEqual([1, 3, 2, 2, 2]);
    expect(figures.at(-1)).toEqual([1, 2]);
  });

  it('puts those points in the dashboard trend', async () => {
    const board = await boardDashboard(store.db, { asOf: BOARD_AS_OF });
    const trend = (key: string) => board.tiles.find((t) => t.tile.key === key)!.trend!;
    expect(trend('physical-health-check').map((p) => p.asOf)).toEqual(trendDays(BOARD_AS_OF));
    expect(trend('physical-health-check').find((p) => p.asOf === '2026-02-28')).toMatchObject({ numerator: 0, denominator: 3, rate: 0 });
    expect(trend('outcome-change').at(-1)).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 });
  });
});
