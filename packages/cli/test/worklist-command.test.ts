import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { AS_OF, disengagementScenario, expectedItems } from '../../store/test/support/disengagement-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity, continuityProcess } from './support/run-continuity.ts';

describe('continuity worklist disengaged', () => {
  const dataDir = migratedDataDir('continuity-cli-worklist-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(disengagementScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints exactly the worklist contract with --json', async () => {
    const result = await continuity('worklist', 'disengaged', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ worklist: 'disengaged', asOf: AS_OF, items: expectedItems });
    // Listing people is a read of their records: audited, as the command line.
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id', 'basis']).where('action', '=', 'worklist').orderBy('id').execute();
      expect(audit.slice(0, 3)).toEqual(['dora', 'fay', 'eli'].map((id) => ({ person_id: id, actor_id: 'cli:worklist', basis: 'system' })));
    } finally {
      await store.close();
    }
  });

  it('prints one line per person with every reason in words, for one team', async () => {
    const result = await continuity('worklist', 'disengaged', '--as-of', AS_OF, '--team', 'team-north', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Disengaged as of 2026-06-30 in North CMHT: 2 people.',
      `Dora Dunn (NHS 999 000 1006, id dora): ${expectedItems[0]!.reasons.map((r) => r.text).join(' ')}`,
      `Eli Evans (NHS 999 000 1022, id eli): ${expectedItems[2]!.reasons[0]!.text}`,
    ]);
  });

  it('refuses an unknown worklist, a bad date and an unknown team with one clear line', async () => {
    const unknown = await continuityProcess('worklist', 'nobody', '--data-dir', dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^continuity: there is no worklist called "nobody"; available: disengaged, monitoring-overdue, mha-deadlines, shared-care, waiting, intensive-review, carer-concerns$/m);
    const badDate = await continuityProcess('worklist', 'disengaged', '--as-of', '30/06/2026', '--data-dir', dataDir);
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain('must be a date as YYYY-MM-DD');
    const team = await continuity('worklist', 'disengaged', '--team', 'team-west', '--data-dir', dataDir);
    expect(team.code).toBe(1);
    expect(team.stderr).toMatch(/there is no team with id "team-west"/);
  });
});
