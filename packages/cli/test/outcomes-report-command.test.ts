import { beforeAll, describe, expect, it } from 'vitest';
import { OUTCOMES_AS_OF, outcomesScenario } from '../../store/test/support/outcomes-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity report outcomes', () => {
  const dataDir = migratedDataDir('continuity-cli-outcomes-');
  beforeAll(async () => {
    expect((await continuity('import', writeNdjson(outcomesScenario()), '--data-dir', dataDir, '--json')).code).toBe(0);
  });

  it('gives one team its completion and change, as JSON and in lines, and needs a team', async () => {
    const json = await continuity('report', 'outcomes', '--team', 'team-north', '--as-of', OUTCOMES_AS_OF, '--data-dir', dataDir, '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ report: 'outcomes', asOf: OUTCOMES_AS_OF, teamId: 'team-north', caseload: 5, completion: { months: 12, people: 3, rate: 0.6 } });
    const text = await continuity('report', 'outcomes', '--team', 'team-north', '--as-of', OUTCOMES_AS_OF, '--data-dir', dataDir);
    expect(text.stdout.split('\n')[0]).toBe(`Outcome measures, North CMHT, as of ${OUTCOMES_AS_OF}: 5 people on the caseload, 3 completed a measure in the last 12 months (60%).`);
    expect(text.stdout).toMatch(/^ {2}PHQ-9 Total: \d+ completed; \d+ with two scores, mean /m);
    const noTeam = await continuity('report', 'outcomes', '--data-dir', dataDir);
    expect(noTeam.code).toBe(1);
    expect(noTeam.stderr).toBe('continuity: the outcomes report is for one team: give --team ID\n');
  });
});
