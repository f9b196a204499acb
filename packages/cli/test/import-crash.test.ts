import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, openStore, type StoreOptions } from '@continuity/store';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { bin, continuity, continuityProcess } from './support/run-continuity.ts';

/**
 * Issue 10 part 2: an import killed with SIGKILL part-way, then run again, ends with exactly the
 * data of an uninterrupted import: nothing lost, nothing twice. The kill lands at set fractions of
 * the uninterrupted import's own time, so it falls mid-import on a fast machine or a slow one.
 */

/** What "the same data" means: every stored row, without the clock columns that say when it was written. */
async function fingerprint(options: StoreOptions): Promise<Record<string, string[]>> {
  const store = await openStore(options);
  try {
    const queries = {
      record: sql<{ row: string }>`SELECT concat_ws('|', person_id, resource_type, id, version_id, content_hash, status, occurred_at, resource::text) AS row FROM record`,
      shared_record: sql<{ row: string }>`SELECT concat_ws('|', resource_type, id, version_id, content_hash, resource::text) AS row FROM shared_record`,
      person: sql<{ row: string }>`SELECT to_jsonb(p)::text AS row FROM person p`,
      person_name_word: sql<{ row: string }>`SELECT to_jsonb(w)::text AS row FROM person_name_word w`,
      engagement_state: sql<{ row: string }>`SELECT concat_ws('|', person_id, facts::text, valid_from, listable_from, team_ids::text) AS row FROM engagement_state`,
    };
    const out: Record<string, string[]> = {};
    for (const [name, query] of Object.entries(queries)) out[name] = (await query.execute(store.db)).rows.map((r) => r.row).sort();
    return out;
  } finally {
    await store.close();
  }
}

/** Runs an import and kills it with SIGKILL after `ms`; says whether it was killed before it finished. */
function importKilledAfter(population: string, target: string[], ms: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'import', population, ...target, '--json'], { env: { ...process.env, DATABASE_URL: '' }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' && code === null);
    });
  });
}

describe('an import killed part-way and run again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-crash-'));
  const population = join(dir, 'population');
  const scratch: Array<{ drop(): Promise<void> }> = [];

  beforeAll(async () => {
    expect((await continuity('synth', '--people', '40', '--seed', '11', '--out', population, '--json')).code).toBe(0);
  });
  afterAll(async () => {
    for (const db of scratch) await db.drop();
  });

  const targets: Array<{ name: string; fresh: () => Promise<{ args: string[]; options: StoreOptions }> }> = [
    // Each starts migrated (the run's snapshot or template), so the import's own time is what is timed and cut into.
    { name: 'PGlite', fresh: async () => { const dataDir = migratedDataDir('continuity-crash-pglite-'); return { args: ['--data-dir', dataDir], options: { dataDir } }; } },
    ...(process.env.TEST_DATABASE_URL
      ? [{ name: 'PostgreSQL', fresh: async () => { const db = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'continuity_crash', process.env.TEST_DATABASE_TEMPLATE); scratch.push(db); return { args: ['--database-url', db.url], options: { databaseUrl: db.url } }; } }]
      : []),
  ];

  it.each(targets)('ends with exactly the data of an uninterrupted import on $name', async ({ fresh }) => {
    const reference = await fresh();
    // Timed as a process of its own, start-up and all, as the imports killed below run.
    const started = performance.now();
    expect((await continuityProcess('import', population, ...reference.args, '--json')).code).toBe(0);
    const took = performance.now() - started;
    const expected = await fingerprint(reference.options);
    expect(expected.record!.length).toBeGreaterThan(1000);

    let killedMidway = 0;
    for (const fraction of [0.45, 0.8]) {
      const target = await fresh();
      // A kill that comes after the import finished proves nothing: try earlier until one lands mid-import.
      for (let delay = took * fraction, attempt = 0; attempt < 4; delay /= 2, attempt += 1) {
        if (await importKilledAfter(population, target.args, delay)) {
          killedMidway += 1;
          break;
        }
      }
      const rerun = await continuity('import', population, ...target.args, '--json');
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(JSON.parse(rerun.stdout)).toMatchObject({ rejected: 0, imported: expected.record!.length + expected.shared_record!.length });
      expect(await fingerprint(target.options)).toEqual(expected);
    }
    expect(killedMidway).toBe(2);
  }, 600_000);
});
