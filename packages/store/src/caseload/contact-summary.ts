import { endOfLondonDay, londonDay } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface ContactSummary {
  /** The latest attended contact up to the end of the as-of day ("Encounter/x" or "Appointment/x"). */
  lastAttended: { reference: string; at: string } | null;
  /** The next booked appointment from the start of the as-of day. */
  nextBooked: { reference: string; at: string } | null;
}

/**
 * Last attended contact and next booked appointment for some people, in two queries. Attended
 * means what the engagement rules count: a finished Encounter that is not an admission, or a
 * fulfilled Appointment.
 */
export async function contactSummaries(db: Kysely<Database>, personIds: readonly string[], asOf: string): Promise<Map<string, ContactSummary>> {
  const summaries = new Map<string, ContactSummary>(personIds.map((id) => [id, { lastAttended: null, nextBooked: null }]));
  if (personIds.length === 0) return summaries;
  const day = londonDay(asOf)!;
  const end = endOfLondonDay(day).toISOString();
  const start = endOfLondonDay(day - 1).toISOString();
  const ids = [...personIds];
  const [last, next] = await Promise.all([
    sql<{ person_id: string; resource_type: string; id: string; occurred_at: Date | string }>`
      SELECT DISTINCT ON (person_id) person_id, resource_type, id, occurred_at FROM record
      WHERE person_id = ANY(${ids}::text[]) AND occurred_at < ${end}::timestamptz AND (
        (resource_type = 'Encounter' AND status = 'finished' AND coalesce(resource->'class'->>'code', '') <> 'IMP')
        OR (resource_type = 'Appointment' AND status IN ('fulfilled', 'arrived', 'checked-in')))
      ORDER BY person_id, occurred_at DESC, resource_type DESC, id`.execute(db),
    sql<{ person_id: string; id: string; occurred_at: Date | string }>`
      SELECT DISTINCT ON (person_id) person_id, id, occurred_at FROM record
      WHERE resource_type = 'Appointment' AND status = 'booked' AND person_id = ANY(${ids}::text[]) AND occurred_at >= ${start}::timestamptz
      ORDER BY person_id, occurred_at, id`.execute(db),
  ]);
  for (const r of last.rows) summaries.get(r.person_id)!.lastAttended = { reference: `${r.resource_type}/${r.id}`, at: new Date(r.occurred_at).toISOString() };
  for (const r of next.rows) summaries.get(r.person_id)!.nextBooked = { reference: `Appointment/${r.id}`, at: new Date(r.occurred_at).toISOString() };
  return summaries;
}
