import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { AS_OF, carersScenario, expectedItems } from '../../store/test/support/carers-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity worklist carer-concerns', () => {
  const dataDir = migratedDataDir('continuity-cli-carers-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(carersScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });
  afterEach(() => {
    delete process.env.CONTINUITY_CARER_RESPONSE_HOURS;
  });

  it('prints exactly the worklist contract with --json, and audits each person listed', async () => {
    const result = await continuity('worklist', 'carer-concerns', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ worklist: 'carer-concerns', asOf: AS_OF, items: expectedItems });
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db.selectFrom('audit_event').select(['person_id', 'actor_id']).where('action', '=', 'worklist').orderBy('id').execute();
      expect(audit.map((a) => a.person_id)).toEqual(['hal', 'dev', 'ann', 'fay', 'ben']);
    } finally {
      await store.close();
    }
  });

  it('prints one line per person under its heading, for one team', async () => {
    const result = await continuity('worklist', 'carer-concerns', '--as-of', '2026-07-02', '--team', 'team-south', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Carers’ concerns awaiting a response as of 2026-07-02 in South CMHT: 1 person.',
      'Eve Evans (NHS 999 000 4056, id eve): Concern from Ed Evans (son) received 1 Jul at 08:00 by phone, 1 day 15 hours ago: a response is due by 4 Jul at 08:00, in 1 day 8 hours.',
    ]);
  });

  it('takes the hours from CONTINUITY_CARER_RESPONSE_HOURS, and refuses a setting that is not a number of hours', async () => {
    process.env.CONTINUITY_CARER_RESPONSE_HOURS = '24';
    const quicker = await continuity('worklist', 'carer-concerns', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    const ben = JSON.parse(quicker.stdout).items.find((i: { patient: { id: string } }) => i.patient.id === 'ben');
    expect(ben.reasons[0].text).toMatch(/OVERDUE, the response was due by 30 Jun at 15:00 \(within 24 hours\)/);
    process.env.CONTINUITY_CARER_RESPONSE_HOURS = 'three days';
    const refused = await continuity('worklist', 'carer-concerns', '--as-of', AS_OF, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/CONTINUITY_CARER_RESPONSE_HOURS must be a whole number of hours from 1 to 672, not "three days"/);
  });
});
