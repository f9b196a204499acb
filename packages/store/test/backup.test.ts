import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_PROJECTION_TABLES, importPath, recordAudit, restoreBackup, RestoreRefused, updatePersonRecord, writeBackup, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { monitoringScenario } from './support/monitoring-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

/** Every row of every table the backup holds, in key order, as text: what "the same data" means. The board projection is rebuilt from the records, not restored. */
async function contents(store: Store): Promise<Record<string, string[]>> {
  const tables = (await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('app_session', 'audit_event', 'schema_migration', 'data_change')
      AND NOT c.relname = ANY(${BOARD_PROJECTION_TABLES}::text[]) ORDER BY 1`.execute(store.db)).rows;
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = (await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${sql.raw(`public."${name}"`)} t`.execute(store.db)).rows.map((r) => r.row);
    out[name] = rows.sort();
  }
  return out;
}

const auditRows = async (store: Store) => (await sql<{ row: string }>`SELECT to_jsonb(a)::text AS row FROM audit_event a WHERE action NOT IN ('backup', 'restore') ORDER BY id`.execute(store.db)).rows.map((r) => r.row);

describe.each(storeKinds)('backup and restore on $name', (kind) => {
  let source: Store;
  let file: string;
  const dir = mkdtempSync(join(tmpdir(), 'continuity-backup-'));

  beforeAll(async () => {
    source = await kind.open();
    expect((await importPath(source, writeNdjson(monitoringScenario()))).errors).toEqual([]);
    // A second version of a record and some audit entries, so versions and the log's ids are kept too.
    const held = await source.db.selectFrom('record').select(['resource']).where('id', '=', 'lena-lithium').executeTakeFirstOrThrow();
    expect(await updatePersonRecord(source.db, { type: 'MedicationRequest', id: 'lena-lithium', personId: 'lena', resource: { ...(held.resource as object), status: 'on-hold' } as never }, 1)).toBe(2);
    await recordAudit(source.db, [{ actorId: 'u1', actorRole: 'key-worker', action: 'open', personId: 'lena', basis: 'team', outcome: 'allowed', detail: { why: 'test' } }]);
    file = join(dir, `backup-${kind.name}.gz`);
  });
  afterAll(async () => {
    await source.close();
  });

  it('restores into an empty store exactly the rows backed up, audit log and versions included, and new ids follow on', async () => {
    const summary = await writeBackup(source, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(summary.tables.find((t) => t.name === 'record')!.rows).toBeGreaterThan(20);
    expect(summary.tables.map((t) => t.name)).not.toContain('app_session');
    // Links to single sign-on identities are kept; sign-ins begun and not finished are not.
    expect(summary.tables.map((t) => t.name)).toContain('app_user_identity');
    expect(summary.tables.map((t) => t.name)).not.toContain('sso_attempt');
    const target = await kind.open();
    try {
      const progress: number[] = [];
      await restoreBackup(target, file, (done) => progress.push(done));
      expect(progress.at(-1)).toBe(summary.tables.reduce((a, t) => a + t.rows, 0));
      expect(await contents(target)).toEqual(await contents(source));
      expect(await auditRows(target)).toEqual(await auditRows(source));
      const [last] = (await sql<{ id: string }>`SELECT max(id) AS id FROM audit_event WHERE action <> 'restore'`.execute(target.db)).rows;
      await recordAudit(target.db, [{ actorId: 'u2', actorRole: 'key-worker', action: 'after-restore', basis: 'team', outcome: 'allowed' }]);
      const [after] = (await sql<{ id: string }>`SELECT id FROM audit_event WHERE action = 'after-restore'`.execute(target.db)).rows;
      expect(Number(after!.id)).toBeGreaterThan(Number(last!.id));
      expect((await sql<{ actor_id: string }>`SELECT actor_id FROM audit_event WHERE action = 'restore'`.execute(target.db)).rows).toEqual([{ actor_id: 'cli:restore' }]);
    } finally {
      await target.close();
    }
  });

  it('refuses a store that is not empty, a damaged file and a file cut short, and stores nothing', async () => {
    await writeBackup(source, file);
    await expect(restoreBackup(source, file)).rejects.toThrow(/the store is not empty \(/);

    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const damaged = join(dir, 'damaged.gz');
    writeFileSync(damaged, gzipSync(text.replace('"Lowe"', '"Law"')));
    const shortened = join(dir, 'short.gz');
    writeFileSync(shortened, gzipSync(text.split('\n').slice(0, -3).join('\n')));
    const notOne = join(dir, 'not-one.gz');
    writeFileSync(notOne, gzipSync('{"hello": "world"}\n'));
    const notGzip = join(dir, 'plain.txt');
    writeFileSync(notGzip, text);
    const target = await kind.open();
    try {
      await expect(restoreBackup(target, damaged)).rejects.toThrow('the file does not match its checksum: it was changed or damaged');
      await expect(restoreBackup(target, shortened)).rejects.toThrow('the file ends before its trailer: it was cut short');
      await expect(restoreBackup(target, notOne)).rejects.toThrow(RestoreRefused);
      await expect(restoreBackup(target, notGzip)).rejects.toThrow(/not a readable backup/);
      const empty = await contents(target);
      expect(Object.entries(empty).filter(([, rows]) => rows.length > 0)).toEqual([]);
      await restoreBackup(target, file);
      expect(await contents(target)).toEqual(await contents(source));
    } finally {
      await target.close();
    }
  });
});

describe.skipIf(storeKinds.length < 2)('moving from the embedded store to PostgreSQL', () => {
  it('restores a PGlite backup into PostgreSQL with the same rows', async () => {
    const [pglite, postgres] = storeKinds;
    const source = await pglite!.open();
    const target = await postgres!.open();
    try {
      expect((await importPath(source, writeNdjson(monitoringScenario()))).errors).toEqual([]);
      const file = join(mkdtempSync(join(tmpdir(), 'continuity-move-')), 'move.gz');
      await writeBackup(source, file);
      await restoreBackup(target, file);
      expect(await contents(target)).toEqual(await contents(source));
    } finally {
      await source.close();
      await target.close();
    }
  });
});
