import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { migrate } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export interface StoreOptions {
  /** Folder for the embedded PGlite database; "memory://" keeps it in memory. */
  dataDir?: string;
  /** A PostgreSQL server; wins over dataDir. */
  databaseUrl?: string;
  /** A PGlite data directory dump to start from (skips initdb; used to make tests fast). */
  pgliteSnapshot?: Blob;
}

export interface Store {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, safe to print (no credentials). */
  location: string;
  /** Runs a multi-statement SQL script outside any transaction. */
  exec(script: string): Promise<void>;
  /**
   * Runs raw SQL in one transaction on one connection. Without params a statement may hold several
   * commands (migration scripts); with params it is a single prepared statement.
   */
  scriptTransaction<T>(work: (run: RunSql) => Promise<T>): Promise<T>;
  /**
   * One transaction on one connection, with a Kysely bound to it and COPY into a table of that
   * transaction: the fastest bulk path each backend offers.
   */
  bulkTransaction<T>(work: (tx: BulkTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The underlying client, for the fastest bulk paths each offers (COPY). */
  raw: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };
}

export interface BulkTransaction {
  db: Kysely<Database>;
  /** Loads rows in COPY's text format (tab-separated, \\N for NULL, backslash escapes; as text or UTF-8 bytes) into the named columns of a table. */
  copyText(table: string, columns: readonly string[], rows: Array<string | Uint8Array<ArrayBuffer>>): Promise<void>;
}

export type RunSql = (statement: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export const DEFAULT_DATA_DIR = './.continuity-data';

const DATE_OID = 1082;

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPGlite(options.dataDir ?? DEFAULT_DATA_DIR, options.pgliteSnapshot);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function openPGlite(dataDir: string, snapshot?: Blob): Promise<Store> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // Calendar dates stay strings: a Date object would shift them across time zones.
  const client = await PGlite.create(dataDir, {
    parsers: { [pgliteTypes.DATE]: (value: string) => value },
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    location: dataDir.startsWith('memory://') ? 'embedded PGlite in memory' : `embedded PGlite in ${dataDir}`,
    exec: async (script) => {
      await db.connection().execute(async () => {
        await client.exec(script);
      });
    },
    scriptTransaction: (work) =>
      db.connection().execute(() =>
        client.transaction((tx) =>
          work(async (statement, params) => {
            if (params) return (await tx.query<Record<string, unknown>>(statement, params)).rows;
            await tx.exec(statement);
            return [];
          }),
        ),
      ),
    // PGlite is one connection and the Kysely transaction holds it, so COPY on the client runs inside it.
    bulkTransaction: (work) =>
      db.transaction().execute((trx) =>
        work({
          db: trx,
          copyText: async (table, columns, rows) => {
            await client.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(rows) });
          },
        }),
      ),
    close: () => db.destroy(),
    raw: { kind: 'pglite', client },
  };
}

function openPostgres(databaseUrl: string): Store {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    location: `PostgreSQL at ${redact(databaseUrl)}`,
    exec: async (script) => {
      await pool.query(script);
    },
    scriptTransaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async (statement, params) => (await client.query(statement, params)).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    bulkTransaction: async (work) => {
      const client = await pool.connect();
      const release = client.release;
      // Kysely releases the connection after the transaction; the COPY stream still needs it until then.
      client.release = () => {};
      try {
        const bound = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => client, end: async () => {} } }) });
        return await bound.transaction().execute((trx) =>
          work({
            db: trx,
            copyText: (table, columns, rows) =>
              pipeline(
                Readable.from([Buffer.concat(rows.map((row) => (typeof row === 'string' ? Buffer.from(row) : row)))]),
                client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
              ),
          }),
        );
      } finally {
        client.release = release;
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it used it; migrations alone would leave it holding the process open.
      if (!pool.ended) await pool.end();
    },
    raw: { kind: 'postgres', pool },
  };
}

function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'the configured server';
  }
}
