import { communityReferralStatuses, referralHistory, type CommunityReferralStatus, type ReferralStep } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A referral to a community asset as the person's care plan shows it. */
export interface HeldCommunityReferral {
  id: string;
  version: number;
  asset: { id: string; name: string };
  need: string;
  reason: string;
  status: CommunityReferralStatus;
  statusLabel: string;
  history: ReferralStep[];
}

/**
 * A referral as the partner organisation sees it: who, how to reach them, what for and since when.
 * Nothing else of the person's record (docs/community-assets.md, "What the partner sees").
 */
export interface PartnerReferral extends HeldCommunityReferral {
  person: { name: string; phone: string | null };
}

interface ReferralRow {
  person_id: string;
  id: string;
  version: number;
  asset_id: string;
  asset_name: string | null;
  need: string;
  status: string;
  resource: Record<string, any>;
}

function held(r: ReferralRow): HeldCommunityReferral {
  const status = r.status as CommunityReferralStatus;
  return {
    id: r.id, version: r.version, asset: { id: r.asset_id, name: r.asset_name ?? (r.resource.performer?.[0]?.display as string | undefined) ?? r.asset_id }, need: r.need,
    reason: (r.resource.reasonCode?.[0]?.text as string | undefined) ?? '', status, statusLabel: communityReferralStatuses[status].label, history: referralHistory(r.resource),
  };
}

function referralQuery(db: Kysely<Database>) {
  return db
    .selectFrom('community_referral as r')
    .leftJoin('community_asset as a', 'a.id', 'r.asset_id')
    .select(['r.person_id', 'r.id', 'r.version', 'r.asset_id', 'a.name as asset_name', 'r.need', 'r.status', 'r.resource']);
}

/** Every referral a person has to community assets, newest first. */
export async function personCommunityReferrals(db: Kysely<Database>, personId: string): Promise<HeldCommunityReferral[]> {
  const rows = await referralQuery(db).where('r.person_id', '=', personId).orderBy('r.sent_on', 'desc').orderBy('r.updated_at', 'desc').execute();
  return rows.map((r) => held(r as ReferralRow));
}

/** One referral by id, with whose it is and which organisation keeps the asset. */
export async function readCommunityReferral(db: Kysely<Database>, id: string): Promise<(HeldCommunityReferral & { personId: string; maintainerId: string; resource: Record<string, any> }) | undefined> {
  const row = await referralQuery(db).select('r.maintainer_id').where('r.id', '=', id).executeTakeFirst();
  return row ? { ...held(row as ReferralRow), personId: row.person_id, maintainerId: row.maintainer_id, resource: row.resource as Record<string, any> } : undefined;
}

export async function insertCommunityReferral(
  db: Kysely<Database>,
  r: { personId: string; id: string; assetId: string; maintainerId: string; need: string; sentOn: string; resource: Record<string, unknown> },
): Promise<boolean> {
  const inserted = await db
    .insertInto('community_referral')
    .values({ person_id: r.personId, id: r.id, asset_id: r.assetId, maintainer_id: r.maintainerId, need: r.need, status: 'sent', sent_on: r.sentOn, resource: JSON.stringify(r.resource) })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Records a step on the version read; undefined when the referral changed since. */
export async function updateCommunityReferral(db: Kysely<Database>, personId: string, id: string, version: number, status: CommunityReferralStatus, resource: Record<string, unknown>): Promise<number | undefined> {
  const row = await db
    .updateTable('community_referral')
    .set({ status, resource: JSON.stringify(resource), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Referrals to the organisation's assets: those waiting for an answer or an attendance first, then the rest, newest first. */
export async function partnerCommunityReferrals(db: Kysely<Database>, maintainerId: string): Promise<Array<PartnerReferral & { personId: string }>> {
  const rows = await referralQuery(db)
    .leftJoin('person as p', 'p.person_id', 'r.person_id')
    .select(['p.given_names', 'p.family_name', 'p.phone'])
    .where('r.maintainer_id', '=', maintainerId)
    .orderBy(sql`CASE r.status WHEN 'sent' THEN 0 WHEN 'accepted' THEN 1 ELSE 2 END`)
    .orderBy('r.sent_on', 'desc')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    ...held(r as ReferralRow),
    personId: r.person_id,
    person: { name: [r.given_names, r.family_name].filter(Boolean).join(' ') || 'Name not recorded', phone: r.phone ?? null },
  }));
}
