import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { Store } from '../database.ts';
import { backupTables, tableRef } from './backup-tables.ts';

export const BACKUP_FORMAT = 'continuity-backup';
export const BACKUP_VERSION = 1;
const PAGE = 2_000;

export interface BackupSummary {
  file: string;
  tables: Array<{ name: string; rows: number }>;
  migrations: number[];
}

/**
 * Writes a logical backup of the whole store to a gzip file readable only by its owner: a header
 * (format, migrations applied, rows per table), then each table's rows as JSON, one per line, in
 * primary-key order, then a trailer with the SHA-256 of everything before it. It is read in one
 * repeatable-read transaction, so it is one consistent moment even while the service is in use.
 * The same file restores into PGlite or PostgreSQL (restore-backup.ts).
 */
export async function writeBackup(store: Store, file: string, onProgress?: (done: number, total: number) => void): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (line: string) => {
    hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };

  const summary = await store.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const tables = await backupTables(trx);
    const counts = await Promise.all(tables.map(async (t) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${tableRef(t.name)}`.execute(trx)).rows[0]!.n)));
    const migrations = (await sql<{ version: number }>`SELECT version FROM schema_migration ORDER BY version`.execute(trx)).rows.map((r) => Number(r.version));
    const total = counts.reduce((a, b) => a + b, 0);
    await write(`${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), kind: store.kind, migrations, tables: tables.map((t, i) => ({ name: t.name, rows: counts[i] })) })}\n`);
    let done = 0;
    for (const table of tables) {
      await write(`${JSON.stringify({ table: table.name })}\n`);
      const keyList = sql.join(table.key.map((k) => sql.ref(k)));
      for (let after: unknown[] | undefined; ; ) {
        const page = (await sql<{ row: Record<string, unknown> }>`
          SELECT to_jsonb(t) AS row FROM ${tableRef(table.name)} t
          ${after ? sql`WHERE (${keyList}) > (${sql.join(after.map((v) => sql`${v}`))})` : sql``}
          ORDER BY ${keyList} LIMIT ${PAGE}`.execute(trx)).rows;
        for (const { row } of page) await write(`${JSON.stringify(typeof row === 'string' ? JSON.parse(row) : row)}\n`);
        done += page.length;
        onProgress?.(done, total);
        if (page.length < PAGE) break;
        const last = page.at(-1)!.row;
        const lastRow = (typeof last === 'string' ? JSON.parse(last) : last) as Record<string, unknown>;
        after = table.key.map((k) => lastRow[k]);
      }
    }
    return { tables: tables.map((t, i) => ({ name: t.name, rows: counts[i]! })), migrations };
  });
  const trailer = `${JSON.stringify({ end: true, sha256: hash.digest('hex') })}\n`;
  gzip.end(trailer);
  await once(out, 'finish');
  // Who took a copy of everyone's records, and when: the file holds every person's data.
  await recordAudit(store.db, [{ actorId: 'cli:backup', actorRole: 'system', action: 'backup', basis: 'system', outcome: 'allowed', detail: { rows: summary.tables.reduce((a, t) => a + t.rows, 0) } }]);
  return { file, ...summary };
}
