import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedIntensiveItems, INTENSIVE_AS_OF as AS_OF, intensiveScenario } from '../../store/test/support/intensive-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity worklist intensive-review', () => {
  const dataDir = migratedDataDir('continuity-cli-intensive-');
  beforeAll(async () => {
    const imported = await continuity('import', writeNdjson(intensiveScenario()), '--data-dir', dataDir, '--json');
    expect(imported.code).toBe(0);
  });

  it('prints exactly the worklist contract with --json', async () => {
    const result = await continuity('worklist', 'intensive-review', '--as-of', AS_OF, '--data-dir', dataDir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ worklist: 'intensive-review', asOf: AS_OF, items: expectedIntensiveItems });
  });

  it('prints one line per person with every reason in words, under its heading', async () => {
    const result = await continuity('worklist', 'intensive-review', '--as-of', AS_OF, '--team', 'team-north', '--data-dir', dataDir);
    expect(result.code).toBe(0);
    const [ada, ivy] = [expectedIntensiveItems[0]!, expectedIntensiveItems[3]!];
    expect(result.stdout.trim().split('\n')).toEqual([
      'Intensive and assertive care review as of 2026-06-30 in North CMHT: 2 people.',
      `Ada Ash (NHS 999 000 4013, id ada): ${ada.reasons.map((r) => r.text).join(' ')}`,
      `Ivy Iles (NHS 999 000 4056, id ivy): ${ivy.reasons.map((r) => r.text).join(' ')}`,
    ]);
  });
});
