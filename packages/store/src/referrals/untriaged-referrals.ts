import { extension, londonDay, referralSources } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import type { Database } from '../schema.ts';

/** A referral waiting at the single point of access for triage: no team yet. */
export interface UntriagedReferral {
  personId: string;
  name: string | null;
  nhsNumber: string | null;
  referralId: string;
  version: number;
  referredOn: string | null;
  waitedDays: number | null;
  source: string | null;
  priority: string | null;
  /** What the referrer asked, as they wrote it. */
  reason: string | null;
}

/** Every active referral with no team to perform it, urgent first, then longest waiting. */
export async function untriagedReferrals(db: Kysely<Database>, asOf: string): Promise<UntriagedReferral[]> {
  const rows = (await sql<{ person_id: string; id: string; version_id: number; authored_on: string | null; source: string | null; priority: string | null; reason: string | null }>`
    SELECT r.person_id, r.id, r.version_id, r.resource->>'authoredOn' AS authored_on, r.resource->>'priority' AS priority,
      coalesce(r.resource->'reasonCode'->0->>'text', r.resource->'code'->>'text') AS reason,
      jsonb_path_query_first(r.resource, ${`$.extension[*] ? (@.url == "${extension.referralSource}").valueCodeableConcept.coding[*].code`}::jsonpath) #>> '{}' AS source
    FROM record r JOIN person p ON p.person_id = r.person_id
    WHERE r.resource_type = 'ServiceRequest' AND r.status = 'active' AND NOT (r.resource ? 'performer') AND p.deceased_at IS NULL`.execute(db)).rows;
  const labels = await personLabels(db, rows.map((r) => r.person_id));
  const today = londonDay(asOf)!;
  return rows
    .map((r) => {
      const referred = londonDay(r.authored_on);
      return {
        personId: r.person_id,
        name: labels.get(r.person_id)?.name ?? null,
        nhsNumber: labels.get(r.person_id)?.nhsNumber ?? null,
        referralId: r.id,
        version: r.version_id,
        referredOn: r.authored_on,
        waitedDays: referred === undefined ? null : today - referred,
        source: r.source ? (referralSources[r.source as keyof typeof referralSources] ?? r.source) : null,
        priority: r.priority,
        reason: r.reason,
      };
    })
    .sort((a, b) => Number(b.priority === 'urgent') - Number(a.priority === 'urgent') || (b.waitedDays ?? 0) - (a.waitedDays ?? 0) || (a.referralId < b.referralId ? -1 : 1));
}
