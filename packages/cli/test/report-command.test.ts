import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { dischargeScenario, expectedItems, FROM, TO } from '../../store/test/support/discharge-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity, continuityProcess } from './support/run-continuity.ts';

describe('continuity report discharge-audit', () => {
  const dataDir = migratedDataDir('continuity-cli-report-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(dischargeScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints exactly the report with --json, and audits each person listed as the command line', async () => {
    const result = await continuity('report', 'discharge-audit', '--from', FROM, '--to', TO, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ report: 'discharge-audit', from: FROM, to: TO, items: expectedItems });
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id', 'basis', 'resource_id']).where('action', '=', 'report').orderBy('id').execute();
      expect(audit).toEqual([
        { person_id: 'yan', actor_id: 'cli:report', basis: 'system', resource_id: 'yan-eoc' },
        { person_id: 'pat', actor_id: 'cli:report', basis: 'system', resource_id: 'pat-eoc' },
      ]);
    } finally {
      await store.close();
    }
  });

  it('prints one line per discharge in words', async () => {
    const result = await continuity('report', 'discharge-audit', '--from', FROM, '--to', TO, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('Discharge audit, 2026-01-01 to 2026-03-31: 2 discharges of people with severe and relapsing illness cite non-attendance or lack a required record.');
    expect(lines[2]).toBe(`pat Patson (NHS 999 000 2002, id pat, EpisodeOfCare/pat-eoc): ${expectedItems[1]!.reasons.map((r) => r.text).join(' ')}`);
  });

  it('refuses an unknown report or a date that is not a date, in one clear line', async () => {
    const unknown = await continuityProcess('report', 'dna-rates', '--data-dir', dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('continuity: there is no report called "dna-rates"; available: board, discharge-audit, mha-use, outcomes, physical-health, waiting-times');
    const badDate = await continuity('report', 'discharge-audit', '--from', '31/03/2026', '--data-dir', dataDir);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toMatch(/must be a date as YYYY-MM-DD/);
  });
});
