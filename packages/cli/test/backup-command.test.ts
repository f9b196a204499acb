import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@continuity/store';
import { monitoringScenario } from '../../store/test/support/monitoring-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { continuity } from './support/run-continuity.ts';

describe('continuity backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-cli-backup-'));
  const source = migratedDataDir('continuity-cli-backup-source-');
  const file = join(dir, 'trust.backup.gz');
  beforeAll(async () => {
    expect((await continuity('import', writeNdjson(monitoringScenario()), '--data-dir', source, '--json')).code).toBe(0);
  });

  it('backs up one data directory and restores it into another, then refuses to overwrite or restore twice', async () => {
    const backup = await continuity('backup', '--out', file, '--data-dir', source);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up to .*trust\.backup\.gz: \d+ rows in \d+ tables \(8 people\), release migrations 1, /);
    const again = await continuity('backup', '--out', file, '--data-dir', source);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; choose a new file name');

    const target = join(dir, 'target');
    const restored = await continuity('restore', file, '--data-dir', target, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout).tables.find((t: { name: string }) => t.name === 'person')).toEqual({ name: 'person', rows: 8 });
    const store = await openStore({ dataDir: target });
    try {
      expect((await store.db.selectFrom('person').select('person_id').orderBy('person_id').execute()).map((p) => p.person_id)).toEqual(['carl', 'dee', 'lena', 'nina', 'ola', 'pat', 'vera', 'walt']);
    } finally {
      await store.close();
    }
    const twice = await continuity('restore', file, '--data-dir', target);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^continuity: the store is not empty \(/);
  });
});
