import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { AS_OF, expectedItems, monitoringScenario } from '../../store/test/support/monitoring-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity worklist monitoring-overdue', () => {
  const dataDir = migratedDataDir('continuity-cli-monitoring-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(monitoringScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints exactly the worklist contract with --json, and audits each person listed', async () => {
    const result = await continuity('worklist', 'monitoring-overdue', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ worklist: 'monitoring-overdue', asOf: AS_OF, items: expectedItems });
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id', 'basis', 'detail']).where('action', '=', 'worklist').orderBy('id').execute();
      expect(audit.map((a) => a.person_id)).toEqual(['vera', 'ola', 'nina', 'lena', 'carl']);
      expect(audit[0]).toMatchObject({ actor_id: 'cli:worklist', basis: 'system' });
      expect(typeof audit[0]!.detail === 'string' ? JSON.parse(audit[0]!.detail) : audit[0]!.detail).toEqual({ worklist: 'monitoring-overdue', asOf: AS_OF, team: null });
    } finally {
      await store.close();
    }
  });

  it('prints one line per person with every reason in words, for one team', async () => {
    const result = await continuity('worklist', 'monitoring-overdue', '--as-of', AS_OF, '--team', 'team-south', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Medicines monitoring overdue as of 2026-06-30 in South CMHT: 2 people.',
      `Vera Vance (NHS 999 000 2037, id vera): ${expectedItems[0]!.reasons.map((r) => r.text).join(' ')}`,
      `Carl Cole (NHS 999 000 2010, id carl): ${expectedItems[4]!.reasons[0]!.text}`,
    ]);
  });
});
