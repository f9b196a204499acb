import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';

/** The plan PostgreSQL would choose for a query when a scan is its last resort. */
async function planOf(store: Store, query: string): Promise<string> {
  return store.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const rows = await sql.raw<Record<string, string>>(`EXPLAIN ${query}`).execute(tx);
    return rows.rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

/**
 * Caseloads, team-scoped worklists and the FHIR API select episodes of care by team and by key
 * worker with these expressions; an index on a differently written expression would never be used.
 */
describe.each(storeKinds)('episode of care indexes on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
  });
  afterAll(async () => store.close());

  it("serves a team's episodes from the team index", async () => {
    const plan = await planOf(store, `SELECT id FROM record WHERE resource_type = 'EpisodeOfCare' AND resource->'managingOrganization'->>'reference' = ANY(ARRAY['Organization/team-a'])`);
    expect(plan).toContain('record_episode_of_care_by_team');
  });

  it("serves a key worker's episodes from the key worker index", async () => {
    const plan = await planOf(store, `SELECT id FROM record WHERE resource_type = 'EpisodeOfCare' AND resource->'careManager'->>'reference' = 'Practitioner/kw-1'`);
    expect(plan).toContain('record_episode_of_care_by_key_worker');
  });
});
