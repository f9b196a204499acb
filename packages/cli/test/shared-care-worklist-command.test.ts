import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { AS_OF, expectedItems, sharedCareScenario } from '../../store/test/support/shared-care-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity worklist shared-care', () => {
  const dataDir = migratedDataDir('continuity-cli-shared-care-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(sharedCareScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints exactly the worklist contract with --json, and audits each person listed', async () => {
    const result = await continuity('worklist', 'shared-care', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ worklist: 'shared-care', asOf: AS_OF, items: expectedItems });
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id', 'basis']).where('action', '=', 'worklist').orderBy('id').execute();
      expect(audit.map((a) => a.person_id)).toEqual(['cara', 'hal', 'gus', 'ana']);
      expect(audit[0]).toMatchObject({ actor_id: 'cli:worklist', basis: 'system' });
    } finally {
      await store.close();
    }
  });

  it('prints one line per person with every reason in words, for one team', async () => {
    const result = await continuity('worklist', 'shared-care', '--as-of', AS_OF, '--team', 'team-north', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Shared care declined or unanswered as of 2026-06-30 in North CMHT: 2 people.',
      `Hal Hazel (NHS 999 000 3084, id hal): ${expectedItems[1]!.reasons[0]!.text}`,
      `Ana Ash (NHS 999 000 3009, id ana): ${expectedItems[3]!.reasons[0]!.text}`,
    ]);
  });
});
