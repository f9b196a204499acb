import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { AS_OF, expectedItems, mhaScenario } from '../../store/test/support/mha-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity worklist mha-deadlines', () => {
  const dataDir = migratedDataDir('continuity-cli-mha-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(mhaScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints exactly the worklist contract with --json, and audits each person listed', async () => {
    const result = await continuity('worklist', 'mha-deadlines', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ worklist: 'mha-deadlines', asOf: AS_OF, items: expectedItems });
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id', 'basis']).where('action', '=', 'worklist').orderBy('id').execute();
      expect(audit.map((a) => a.person_id)).toEqual(['cal', 'hal', 'dan', 'amir']);
      expect(audit[0]).toMatchObject({ actor_id: 'cli:worklist', basis: 'system' });
    } finally {
      await store.close();
    }
  });

  it('prints one line per person with the reason in words, for one team', async () => {
    const result = await continuity('worklist', 'mha-deadlines', '--as-of', AS_OF, '--team', 'team-south', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Mental Health Act deadlines as of 2026-06-30 in South CMHT: 2 people.',
      `Hal Hale (NHS 999 000 3017, id hal): ${expectedItems[1]!.reasons[0]!.text}`,
      `Dan Dunn (NHS 999 000 3025, id dan): ${expectedItems[2]!.reasons[0]!.text}`,
    ]);
  });
});
