import type { Kysely } from 'kysely';
import { recordAudit, type AuditEntry } from '../audit/audit-log.ts';
import { writeRecords } from '../records/write-records.ts';
import type { PreparedRecord } from '../records/prepare.ts';
import type { Database } from '../schema.ts';

export interface MeasureLink {
  personId: string;
  tokenHash: string;
  instrument: string;
  createdBy: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Stores a new link by the hash of its token, with its audit entry, in one transaction. */
export async function createMeasureLink(db: Kysely<Database>, link: Omit<MeasureLink, 'usedAt'>, audit: AuditEntry): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('measure_link').values({ person_id: link.personId, token_hash: link.tokenHash, instrument: link.instrument, created_by: link.createdBy, expires_at: link.expiresAt.toISOString(), used_at: null, response_id: null }).execute();
    await recordAudit(trx, [audit]);
  });
}

/** The link a token's hash names, used or not; undefined when there is none. */
export async function findMeasureLink(db: Kysely<Database>, tokenHash: string): Promise<MeasureLink | undefined> {
  const row = await db.selectFrom('measure_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  return { personId: row.person_id, tokenHash: row.token_hash, instrument: row.instrument, createdBy: row.created_by, expiresAt: new Date(row.expires_at), usedAt: row.used_at === null ? null : new Date(row.used_at) };
}

/**
 * Uses a link once: marks it used for the response, writes the response and its audit entry, all in
 * one transaction. The mark is taken only while the link is unused and unexpired, so of two sends at
 * the same moment one writes and the other gets 'used'; nothing is written for it.
 */
export async function completeThroughLink(db: Kysely<Database>, link: Pick<MeasureLink, 'personId' | 'tokenHash'>, record: PreparedRecord & { personId: string }, audit: AuditEntry, now: Date): Promise<'written' | 'used'> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('measure_link')
      .set({ used_at: now.toISOString(), response_id: record.id })
      .where('person_id', '=', link.personId)
      .where('token_hash', '=', link.tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning('response_id')
      .executeTakeFirst();
    if (!claimed) return 'used' as const;
    await writeRecords(trx, [record]);
    await recordAudit(trx, [audit]);
    return 'written' as const;
  });
}
