import { describeRecord, type RestrictedFlagView, type TimelineCategory } from '@continuity/domain';
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

/** Everything recorded about a person across services, newest first; restricted flags as flagView allows. */
export async function personTimeline(db: Kysely<Database>, personId: string, flagView: RestrictedFlagView): Promise<TimelineEntry[]> {
  const all = await db
    .selectFrom('record')
    .select(['resource_type', 'id', 'occurred_at', 'status', 'resource'])
    .where('person_id', '=', personId)
    .where('resource_type', '<>', 'Patient')
    .orderBy('occurred_at', (ob) => ob.desc().nullsLast())
    .orderBy('resource_type')
    .orderBy('id')
    .execute();
  const rows = forReader(all, flagView);
  const names = await loadNames(db, referencesIn(rows.map((r) => r.resource)));
  return rows.map((row) => {
    const text = describeRecord(row.resource_type, row.resource as Record<string, unknown>, (ref) => (ref ? names.get(ref) : undefined));
    return {
      resourceType: row.resource_type,
      id: row.id,
      date: row.occurred_at ? new Date(row.occurred_at).toISOString() : null,
      status: row.status,
      ...text,
    };
  });
}
