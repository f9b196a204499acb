import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, recordCover } from '@continuity/store';
import { CASELOAD_AS_OF, caseloadScenario, graceAway } from '../../store/test/support/caseload-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity caseload', () => {
  const dataDir = migratedDataDir('continuity-cli-caseload-');
  beforeAll(async () => {
    expect((await continuity('import', writeNdjson(caseloadScenario()), '--data-dir', dataDir, '--json')).code).toBe(0);
    const store = await openStore({ dataDir });
    try {
      await recordCover(store.db, { ...graceAway, recordedBy: 'test' });
    } finally {
      await store.close();
    }
  });

  it('prints each key worker with people and weighted size, and who has no key worker', async () => {
    const result = await continuity('caseload', '--team', 'team-north', '--as-of', CASELOAD_AS_OF, '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Caseload of North CMHT as of 2026-06-30: 4 people held. Weighted size is workload, not risk.',
      'Grace Okafor (id kw-1): 2 people, weighted 4',
      'Sam Patel (id kw-2): 1 person, weighted 1',
      'No key worker: dan (episode dan-eoc)',
    ]);
  });

  it('shows cover, and the same as JSON', async () => {
    const result = await continuity('caseload', '--team', 'team-north', '--as-of', '2026-07-08', '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    const caseload = JSON.parse(result.stdout);
    expect(caseload.keyWorkers[0]).toEqual({ practitionerId: 'kw-1', name: 'Grace Okafor', allocated: { people: 2, weighted: 4 }, today: { people: 0, weighted: 0 }, away: { coveringPractitionerId: 'kw-2', to: '2026-07-10' } });
    const text = await continuity('caseload', '--team', 'team-north', '--as-of', '2026-07-08', '--data-dir', dataDir);
    expect(text.stdout).toContain('Grace Okafor (id kw-1): 2 people, weighted 4; holding 0 people today (weighted 0); away, covered by Sam Patel until 2026-07-10');
  });

  it('refuses an unknown team with one clear line', async () => {
    const result = await continuity('caseload', '--team', 'team-west', '--data-dir', dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^continuity: there is no team with id "team-west"$/m);
  });
});
