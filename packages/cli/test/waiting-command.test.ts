import { beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_AS_OF, expectedWaiting, referralScenario } from '../../store/test/support/referral-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity worklist waiting and report waiting-times', () => {
  const dataDir = migratedDataDir('continuity-cli-waiting-');
  beforeAll(async () => {
    expect((await continuity('import', writeNdjson(referralScenario()), '--data-dir', dataDir, '--json')).code).toBe(0);
  });

  it('prints the waiting worklist contract with --json, and each person in words without it', async () => {
    const json = await continuity('worklist', 'waiting', '--as-of', REFERRAL_AS_OF, '--data-dir', dataDir, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ worklist: 'waiting', asOf: REFERRAL_AS_OF, items: expectedWaiting });
    const human = await continuity('worklist', 'waiting', '--as-of', REFERRAL_AS_OF, '--team', 'team-north', '--data-dir', dataDir);
    expect(human.stdout.trim().split('\n')).toEqual([
      'Waiting more than four weeks as of 2026-06-30 in North CMHT: 1 person.',
      'Cal Chandra (NHS 999 000 3025, id cal): Waiting 60 days since referral on 1 May to North CMHT (not yet seen; last check-in 20 May).',
    ]);
  });

  it('prints waiting times for a period as JSON and as lines by team and ethnic group', async () => {
    const json = await continuity('report', 'waiting-times', '--from', '2026-04-01', '--to', REFERRAL_AS_OF, '--data-dir', dataDir, '--json');
    expect(JSON.parse(json.stdout).overall).toEqual({ seen: 2, seenWithinStandard: 1, shareWithinStandard: 0.5, medianDays: 34, p90Days: 49, waiting: 3, waitingOverStandard: 2, waitingVeryLong: 0, longestWaitDays: [60, 46, 20] });
    const human = await continuity('report', 'waiting-times', '--from', '2026-04-01', '--to', REFERRAL_AS_OF, '--data-dir', dataDir);
    expect(human.stdout).toContain('All referrals: 2 seen, 50% seen within 4 weeks, median 34 days, 90th percentile 49 days; 3 still waiting, 2 over 4 weeks, longest 60 days.');
    expect(human.stdout).toContain('  Black or Black British: 1 seen, 100% seen within 4 weeks, median 19 days, 90th percentile 19 days; 0 still waiting, 0 over 4 weeks, longest -.');
  });
});
