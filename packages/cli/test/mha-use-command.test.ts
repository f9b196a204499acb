import { beforeAll, describe, expect, it } from 'vitest';
import { mhaUse, openStore } from '@continuity/store';
import { mhaUseScenario, USE_AS_OF } from '../../store/test/support/mha-use-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity report mha-use', () => {
  const dataDir = migratedDataDir('continuity-cli-mha-use-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(mhaUseScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints the report with --json, the same as the store gives, and audits the report without naming anyone', async () => {
    const result = await continuity('report', 'mha-use', '--as-of', USE_AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    const store = await openStore({ dataDir });
    try {
      expect(JSON.parse(result.stdout)).toEqual(await mhaUse(store.db, { asOf: USE_AS_OF }));
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id']).where('action', '=', 'report').execute();
      expect(audit).toEqual([{ person_id: null, actor_id: 'cli:report' }]);
    } finally {
      await store.close();
    }
  });

  it('prints one line per ethnic category in words', async () => {
    const result = await continuity('report', 'mha-use', '--as-of', USE_AS_OF, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').slice(0, 7)).toEqual([
      'Use of the Mental Health Act by ethnicity as of 2026-06-30 (rate ratios against White - British).',
      'White - British: 40 people; detained 5 (12,500 per 100,000, ratio 1.00); on a CTO 10 (25,000 per 100,000, ratio 1.00).',
      'Asian or Asian British - Indian: 6 people; detained withheld (1 to 4); on a CTO 0 (0 per 100,000, ratio 0.00).',
      'Black or Black British - African: 10 people; detained 5 (50,000 per 100,000, ratio 4.00); on a CTO 5 (50,000 per 100,000, ratio 2.00).',
      'Not stated: people withheld (1 to 4); detained 0; on a CTO 0.',
      'Not recorded: 7 people; detained 0 (0 per 100,000, ratio 0.00); on a CTO 0 (0 per 100,000, ratio 0.00).',
      'Everyone on record: 66 people; detained 12 (18,181.8 per 100,000, ratio 1.45); on a CTO 15 (22,727.3 per 100,000, ratio 0.91).',
    ]);
  });
});
