import type { Asset } from '@continuity/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CommunityAssetTable, Database } from '../schema.ts';

/** A directory entry as the API shows it: the checked fields, who keeps it, its place and its version. */
export interface HeldAsset extends Asset {
  id: string;
  externalId: string | null;
  version: number;
  maintainer: { id: string; name: string };
  location: { latitude: number; longitude: number } | null;
  updatedAt: string;
}

type AssetRow = Selectable<CommunityAssetTable> & { maintainer_name: string | null; latitude: number | null; longitude: number | null };

function heldAsset(r: AssetRow): HeldAsset {
  return {
    id: r.id, externalId: r.external_id, version: r.version, name: r.name, kind: r.kind, needs: r.needs, eligibility: r.eligibility, address: r.address, postcode: r.postcode,
    openingTimes: r.opening_times, phone: r.phone, email: r.email, website: r.website, accessibility: r.accessibility, languages: r.languages,
    maintainerId: r.maintainer_id, maintainer: { id: r.maintainer_id, name: r.maintainer_name ?? r.maintainer_id },
    location: r.latitude === null || r.longitude === null ? null : { latitude: Number(r.latitude), longitude: Number(r.longitude) },
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function assetQuery(db: Kysely<Database>) {
  return db
    .selectFrom('community_asset as a')
    .leftJoin('postcode_centroid as c', 'c.postcode', 'a.postcode')
    .leftJoin('shared_record as o', (join) => join.on('o.resource_type', '=', 'Organization').onRef('o.id', '=', 'a.maintainer_id'))
    .selectAll('a')
    .select([sql<string | null>`o.resource->>'name'`.as('maintainer_name'), 'c.latitude', 'c.longitude']);
}

/** Every entry serving the need (all when none is named), by name. */
export async function listCommunityAssets(db: Kysely<Database>, need?: string): Promise<HeldAsset[]> {
  let query = assetQuery(db);
  if (need) query = query.where(sql<boolean>`${need} = ANY(a.needs)`);
  return (await query.orderBy('a.name').orderBy('a.id').execute()).map(heldAsset);
}

export async function readCommunityAsset(db: Kysely<Database>, id: string): Promise<HeldAsset | undefined> {
  const row = await assetQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? heldAsset(row) : undefined;
}

function columns(asset: Asset, by: string) {
  return {
    name: asset.name, kind: asset.kind, needs: asset.needs, eligibility: asset.eligibility, address: asset.address, postcode: asset.postcode,
    opening_times: asset.openingTimes, phone: asset.phone, email: asset.email, website: asset.website, accessibility: asset.accessibility, languages: asset.languages,
    maintainer_id: asset.maintainerId, updated_by: by, updated_at: sql<Date>`now()`,
  };
}

/** Adds an entry; false when the id (or external id) is already held. */
export async function createCommunityAsset(db: Kysely<Database>, id: string, asset: Asset, by: string, externalId: string | null = null): Promise<boolean> {
  const inserted = await db.insertInto('community_asset').values({ id, external_id: externalId, ...columns(asset, by) }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Saves a new version over the version the editor read; undefined when another edit came first. */
export async function updateCommunityAsset(db: Kysely<Database>, id: string, asset: Asset, version: number, by: string): Promise<number | undefined> {
  const row = await db
    .updateTable('community_asset')
    .set({ ...columns(asset, by), version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/**
 * Adds or updates entries by their external id, all in the caller's transaction. An entry whose
 * fields are unchanged keeps its version, so importing the same file twice changes nothing.
 */
export async function upsertCommunityAssets(db: Kysely<Database>, rows: Array<{ externalId: string; asset: Asset }>, by: string): Promise<{ added: number; updated: number; unchanged: number }> {
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const { externalId, asset } of rows) {
    const held = await db.selectFrom('community_asset').selectAll().where('external_id', '=', externalId).forUpdate().executeTakeFirst();
    if (!held) {
      if (!(await createCommunityAsset(db, `asset-${externalId}`, asset, by, externalId))) throw new Error(`community asset id asset-${externalId} is already held`);
      counts.added++;
      continue;
    }
    const current = heldAsset({ ...held, maintainer_name: null, latitude: null, longitude: null });
    const same = (Object.keys(asset) as Array<keyof Asset>).every((k) => JSON.stringify(asset[k]) === JSON.stringify(current[k]));
    if (same) counts.unchanged++;
    else {
      await updateCommunityAsset(db, held.id, asset, held.version, by);
      counts.updated++;
    }
  }
  return counts;
}

/** The ids of the entries with these external ids, and who keeps each: an import checks a partner may change them. */
export async function assetMaintainersByExternalId(db: Kysely<Database>, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db.selectFrom('community_asset').select(['external_id', 'maintainer_id']).where('external_id', 'in', externalIds).execute();
  return new Map(rows.map((r) => [r.external_id!, r.maintainer_id]));
}

/** The Organizations (teams and partners) that exist, of those named: who may keep an entry. */
export async function knownOrganisations(db: Kysely<Database>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}
