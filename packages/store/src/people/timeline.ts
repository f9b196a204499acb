import { deliveryStatusWords, describeRecord, type RestrictedFlagView, type TimelineCategory } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadNames, referencesIn } from './names.ts';
import { forReader } from './restricted-rows.ts';

export interface TimelineEntry {
  resourceType: string;
  id: string;
  date: string | null;
  status: string | null;
  category: TimelineCategory;
  title: string;
  detail?: string;
}

/**
 * Everything recorded about a person across services, newest first; restricted flags as flagView
 * allows. Summaries sent to the GP (DocumentReference) only when the reader may read them
 * (`gpDocuments`, server summary-gate.ts), each with where its delivery is now.
 */
export async function personTimeline(db: Kysely<Database>, personId: string, flagView: RestrictedFlagView, options: { gpDocuments: boolean } = { gpDocuments: false }): Promise<TimelineEntry[]> {
  const all = await db
    .selectFrom('record')
    .select(['resource_type', 'id', 'occurred_at', 'status', 'resource'])
    .where('person_id', '=', personId)
    .where('resource_type', 'not in', options.gpDocuments ? ['Patient'] : ['Patient', 'DocumentReference'])
    .orderBy('occurred_at', (ob) => ob.desc().nullsLast())
    .orderBy('resource_type')
    .orderBy('id')
    .execute();
  const rows = forReader(all, flagView);
  const names = await loadNames(db, referencesIn(rows.map((r) => r.resource)));
  const delivery = new Map(
    rows.some((r) => r.resource_type === 'DocumentReference')
      ? (await db.selectFrom('gp_document').select(['id', 'status']).where('person_id', '=', personId).execute()).map((d) => [d.id, d.status as keyof typeof deliveryStatusWords])
      : [],
  );
  return rows.map((row) => {
    const text = describeRecord(row.resource_type, row.resource as Record<string, unknown>, (ref) => (ref ? names.get(ref) : undefined));
    const sent = row.resource_type === 'DocumentReference' ? delivery.get(row.id) : undefined;
    return {
      resourceType: row.resource_type,
      id: row.id,
      date: row.occurred_at ? new Date(row.occurred_at).toISOString() : null,
      status: sent ?? row.status,
      ...text,
      ...(sent ? { detail: `${text.detail} · ${deliveryStatusWords[sent]}` } : {}),
    };
  });
}
