import { partnerSharingConsentCategory, sharingWishOf, type SharingWish } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface StoredWish extends SharingWish {
  version: number;
}

/** The partner-sharing Consent filter, written as migration 021's partial index expects it. */
const isPartnerSharing = sql<boolean>`resource @> ${JSON.stringify({ category: [{ coding: [{ system: partnerSharingConsentCategory.system, code: partnerSharingConsentCategory.code }] }] })}::jsonb`;

/** A person's sharing wishes, one per partner organisation they have been linked with (unlinked ones too). */
export async function personSharingWishes(db: Kysely<Database>, personId: string): Promise<StoredWish[]> {
  const rows = await db.selectFrom('record').select(['resource', 'version_id']).where('person_id', '=', personId).where('resource_type', '=', 'Consent').where(isPartnerSharing).orderBy('id').execute();
  return rows.flatMap((r) => {
    const wish = sharingWishOf(personId, r.resource);
    return wish ? [{ ...wish, version: r.version_id }] : [];
  });
}

/** The people a partner organisation is linked with now (a linked partner-sharing Consent naming it), with their wishes. */
export async function peopleLinkedTo(db: Kysely<Database>, organisationId: string): Promise<StoredWish[]> {
  const names = JSON.stringify([{ reference: { reference: `Organization/${organisationId}` } }]);
  const rows = await db
    .selectFrom('record')
    .select(['person_id', 'resource', 'version_id'])
    .where('resource_type', '=', 'Consent')
    .where(isPartnerSharing)
    .where(sql<boolean>`resource->'provision'->'actor' @> ${names}::jsonb`)
    .where('status', 'in', ['active', 'proposed'])
    .orderBy('person_id')
    .execute();
  return rows.flatMap((r) => {
    const wish = sharingWishOf(r.person_id, r.resource);
    return wish && wish.linked && wish.organisationId === organisationId ? [{ ...wish, version: r.version_id }] : [];
  });
}
