import { sql, type Kysely } from 'kysely';
import { peopleByKeySql } from '../records/people-by-key.ts';
import type { Database } from '../schema.ts';
import { communicationOf } from './carer-concern-sql.ts';

/** A carer's concern with when it was received and when it was first answered, for figures about response times. */
export interface ConcernResponse {
  personId: string;
  id: string;
  receivedAt: string;
  /** The earliest response's time; null when there is none, or none with a time recorded (it cannot show it was in time). */
  firstResponseAt: string | null;
  /** The teams the concern was raised with (Communication.recipient). */
  raisedWith: string[];
}

type Row = { person_id: string; id: string; received: Date | string; first_response: Date | string | null; recipient: Array<{ reference?: string }> | null };

/**
 * Every concern from a carer received in a period (after `from`, up to `to`), with its first
 * response, in one set-based query (the partial index of migration 015 finds the concerns). Entered
 * in error concerns and responses are left out, as the carer-concerns worklist leaves them out.
 * Given `people` (sorted ids), only their concerns are read: a board build of some people.
 */
export async function carerConcernResponses(db: Kysely<Database>, period: { from: Date; to: Date; people?: readonly string[] }): Promise<ConcernResponse[]> {
  const rows = (await sql<Row>`
    SELECT c.person_id, c.id, c.occurred_at AS received, c.resource->'recipient' AS recipient,
      (SELECT min(r.occurred_at) FROM record r WHERE r.person_id = c.person_id AND r.resource_type = 'Communication'
        AND ${communicationOf('carer-concern-response', 'r')} AND r.status IS DISTINCT FROM 'entered-in-error'
        AND r.resource->'inResponseTo' @> jsonb_build_array(jsonb_build_object('reference', 'Communication/' || c.id))) AS first_response
    FROM record c
    WHERE c.resource_type = 'Communication' AND ${communicationOf('carer-concern', 'c')} AND c.status IS DISTINCT FROM 'entered-in-error'
      AND c.occurred_at > ${period.from.toISOString()}::timestamptz AND c.occurred_at < ${period.to.toISOString()}::timestamptz
      ${period.people ? peopleByKeySql(period.people, 'c.person_id') : sql``}
    ORDER BY c.person_id, c.id`.execute(db)).rows;
  return rows.map((r) => ({
    personId: r.person_id,
    id: r.id,
    receivedAt: new Date(r.received).toISOString(),
    firstResponseAt: r.first_response === null ? null : new Date(r.first_response).toISOString(),
    raisedWith: [...new Set((r.recipient ?? []).flatMap((to) => (to.reference?.startsWith('Organization/') ? [to.reference.slice('Organization/'.length)] : [])))].sort(),
  }));
}
