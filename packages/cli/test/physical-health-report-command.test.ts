import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { PH_AS_OF, physicalHealthScenario } from '../../store/test/support/physical-health-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity report physical-health', () => {
  const dataDir = migratedDataDir('continuity-cli-physical-health-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(physicalHealthScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints the counts per team as JSON, for one team, and audits the reading with no person', async () => {
    const result = await continuity('report', 'physical-health', '--as-of', PH_AS_OF, '--team', 'team-north', '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ report: 'physical-health', asOf: PH_AS_OF, total: { eligible: 3, complete: 1, partial: 2, none: 0, invitedNotResponded: 1, shareComplete: 0.333 } });
    expect(report.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['team-north']);
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id', 'basis']).where('action', '=', 'report').execute();
      expect(audit).toEqual([{ person_id: null, actor_id: 'cli:report', basis: 'system' }]);
    } finally {
      await store.close();
    }
  });

  it('prints one line per team and the total in words', async () => {
    const result = await continuity('report', 'physical-health', '--as-of', PH_AS_OF, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'SMI annual physical health check as of 2026-06-30 (all six parts within 12 months):',
      'North CMHT (team-north): 3 on the SMI register, 1 full check, 2 partial, 0 none, 1 invited and not responded (33.3% complete).',
      'South CMHT (team-south): 1 on the SMI register, 0 full check, 0 partial, 1 none, 0 invited and not responded (0% complete).',
      'All: 4 on the SMI register, 1 full check, 2 partial, 1 none, 1 invited and not responded (25% complete).',
    ]);
    const bad = await continuity('report', 'physical-health', '--as-of', '30/06/2026', '--data-dir', dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/must be a date as YYYY-MM-DD/);
  });
});
