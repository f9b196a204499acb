import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { Store } from '../database.ts';
import type { Database } from '../schema.ts';
import { backupTables, tableRef } from './backup-tables.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupSummary } from './write-backup.ts';

const BATCH = 1_000;

/** Why a backup cannot be restored, in words for whoever is restoring it. */
export class RestoreRefused extends Error {}

interface Header {
  format: string;
  version: number;
  migrations: number[];
  tables: Array<{ name: string; rows: number }>;
}

/**
 * Restores a backup written by writeBackup into an empty store of the same release, in one
 * transaction: a file that is damaged, cut short or from another release is refused and nothing
 * is stored. Row counts and the SHA-256 in the trailer are checked before anything is committed;
 * identity counters are moved past the restored ids.
 */
export async function restoreBackup(store: Store, file: string, onProgress?: (done: number, total: number) => void): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const hash = createHash('sha256');
  const next = async (): Promise<string | undefined> => {
    try {
      const { value, done } = await lines.next();
      return done ? undefined : value;
    } catch (error) {
      throw new RestoreRefused(`the file is not a readable backup (${(error as Error).message})`);
    }
  };

  const first = await next();
  const header = parse<Header>(first, 'its first line is not a backup header');
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new RestoreRefused('the file is not a Continuity backup of a format this release reads');
  hash.update(`${first}\n`);
  const applied = (await sql<{ version: number }>`SELECT version FROM schema_migration ORDER BY version`.execute(store.db)).rows.map((r) => Number(r.version));
  if (header.migrations.join(',') !== applied.join(',')) {
    throw new RestoreRefused(`the backup was taken by a release with migrations ${header.migrations.join(', ')}; this one has ${applied.join(', ')}. Restore it with the release that took it.`);
  }
  const tables = await backupTables(store.db);
  const known = new Map(tables.map((t) => [t.name, t]));
  const expected = new Map(header.tables.map((t) => [t.name, t.rows]));
  for (const name of expected.keys()) if (!known.has(name)) throw new RestoreRefused(`the backup holds a table this release does not have: ${name}`);
  const total = header.tables.reduce((a, t) => a + t.rows, 0);

  await store.db.transaction().execute(async (trx) => {
    for (const table of tables) {
      const rows = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${tableRef(table.name)}`.execute(trx)).rows[0]!.n);
      // Restoring over live records would mix two histories: only an empty store is restored into.
      if (rows > 0 && table.name !== 'schema_migration') throw new RestoreRefused(`the store is not empty (${table.name} has ${rows} rows): restore into a new data directory or database`);
    }
    const restoredCounts = new Map<string, number>();
    let table: string | undefined;
    let batch: string[] = [];
    let done = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      if (table !== 'schema_migration') await insertRows(trx, table, batch);
      restoredCounts.set(table, (restoredCounts.get(table) ?? 0) + batch.length);
      done += batch.length;
      batch = [];
      onProgress?.(done, total);
    };
    for (let line = await next(); ; line = await next()) {
      if (line === undefined) throw new RestoreRefused('the file ends before its trailer: it was cut short');
      const value = parse<Record<string, unknown>>(line, 'a line is not JSON');
      if (value.end === true) {
        await flush();
        if (value.sha256 !== hash.digest('hex')) throw new RestoreRefused('the file does not match its checksum: it was changed or damaged');
        break;
      }
      hash.update(`${line}\n`);
      if (typeof value.table === 'string' && Object.keys(value).length === 1) {
        await flush();
        if (!known.has(value.table)) throw new RestoreRefused(`the backup holds a table this release does not have: ${value.table}`);
        table = value.table;
        continue;
      }
      if (!table) throw new RestoreRefused('rows come before any table is named');
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    for (const [name, rows] of expected) {
      if ((restoredCounts.get(name) ?? 0) !== rows) throw new RestoreRefused(`table ${name} should have ${rows} rows and the file has ${restoredCounts.get(name) ?? 0}`);
    }
    for (const t of tables) {
      const identity = (await sql<{ column: string }>`
        SELECT attname AS column FROM pg_attribute WHERE attrelid = ${`public."${t.name}"`}::regclass AND attidentity <> '' AND NOT attisdropped`.execute(trx)).rows;
      for (const { column } of identity) {
        await sql`SELECT setval(pg_get_serial_sequence(${`public."${t.name}"`}, ${column}), coalesce((SELECT max(${sql.ref(column)}) FROM ${tableRef(t.name)}), 0) + 1, false)`.execute(trx);
      }
    }
  });
  await recordAudit(store.db, [{ actorId: 'cli:restore', actorRole: 'system', action: 'restore', basis: 'system', outcome: 'allowed', detail: { rows: total } }]);
  return { file, tables: header.tables, migrations: header.migrations };
}

async function insertRows(db: Kysely<Database>, table: string, lines: string[]): Promise<void> {
  const json = `[${lines.join(',')}]`;
  await sql`INSERT INTO ${tableRef(table)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${tableRef(table)}, ${json}::json)`.execute(db);
}

function parse<T>(line: string | undefined, why: string): T {
  try {
    if (line === undefined) throw new Error('empty');
    return JSON.parse(line) as T;
  } catch {
    throw new RestoreRefused(`the file is not a Continuity backup: ${why}`);
  }
}
