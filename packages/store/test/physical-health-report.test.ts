import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, physicalHealthReport, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { PH_AS_OF, physicalHealthScenario } from './support/physical-health-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

const parts = (bmi: number, bloodPressure: number, glucose: number, lipids: number, smoking: number, alcohol: number) => ({ bmi, bloodPressure, glucose, lipids, smoking, alcohol });

describe.each(storeKinds)('the physical health check report on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(physicalHealthScenario()));
    expect(report.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('counts, per team and in all, the people on the SMI register with a full, partial or no check, and those invited who did not respond', async () => {
    // North: Sam complete; Bea partial and not responding; Gus partial. South: Tom with nothing yet, invited 10 days before.
    const north = { teamId: 'team-north', team: 'North CMHT', eligible: 3, complete: 1, partial: 2, none: 0, invitedNotResponded: 1, shareComplete: 0.333, parts: parts(3, 3, 2, 1, 1, 1) };
    const south = { teamId: 'team-south', team: 'South CMHT', eligible: 1, complete: 0, partial: 0, none: 1, invitedNotResponded: 0, shareComplete: 0, parts: parts(0, 0, 0, 0, 0, 0) };
    expect(await physicalHealthReport(store.db, { asOf: PH_AS_OF })).toEqual({
      report: 'physical-health',
      asOf: PH_AS_OF,
      teams: [north, south],
      total: { eligible: 4, complete: 1, partial: 2, none: 1, invitedNotResponded: 1, shareComplete: 0.25, parts: parts(3, 3, 2, 1, 1, 1) },
    });
    for (const sliceSize of [1, 2]) expect((await physicalHealthReport(store.db, { asOf: PH_AS_OF, sliceSize })).teams, `slices of ${sliceSize}`).toEqual([north, south]);
    const { teamId: _, team: __, ...southCounts } = south;
    expect(await physicalHealthReport(store.db, { asOf: PH_AS_OF, team: 'team-south' })).toEqual({ report: 'physical-health', asOf: PH_AS_OF, teams: [south], total: southCounts });
  });

  it('as of another day, counts the register and the checks as they stood', async () => {
    // 1 Feb 2026: Bea's check complete that day, Max still held with his 2024 check lapsed, Tom not yet taken on.
    const february = await physicalHealthReport(store.db, { asOf: '2026-02-01' });
    expect(february.teams).toEqual([
      { teamId: 'team-north', team: 'North CMHT', eligible: 4, complete: 2, partial: 1, none: 1, invitedNotResponded: 0, shareComplete: 0.5, parts: parts(3, 3, 3, 2, 2, 2) },
    ]);
    expect((await physicalHealthReport(store.db, { asOf: '2019-01-01' })).total).toMatchObject({ eligible: 0, shareComplete: null });
    await expect(physicalHealthReport(store.db, { asOf: '1/2/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
