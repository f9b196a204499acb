import { system, type AgreementStatus, type LegalBasis, type SharingAgreement, type SharingCategory } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface StoredAgreement extends SharingAgreement {
  version: number;
  updatedAt: string;
}

const columns = [
  'id', 'title', 'purpose', 'legal_basis', 'partners', 'categories', sql<string>`start_date::text`.as('start'), sql<string>`review_date::text`.as('review'), 'status', 'version', 'updated_at',
] as const;

type Row = { id: string; title: string; purpose: string; legal_basis: string; partners: string[]; categories: string[]; start: string; review: string; status: string; version: number; updated_at: Date };

const toAgreement = (r: Row): StoredAgreement => ({
  id: r.id, title: r.title, purpose: r.purpose, legalBasis: r.legal_basis as LegalBasis, partners: r.partners, categories: r.categories as SharingCategory[],
  startDate: r.start, reviewDate: r.review, status: r.status as AgreementStatus, version: r.version, updatedAt: new Date(r.updated_at).toISOString(),
});

const row = (a: SharingAgreement) => ({
  title: a.title, purpose: a.purpose, legal_basis: a.legalBasis, partners: a.partners, categories: a.categories, start_date: a.startDate, review_date: a.reviewDate, status: a.status,
});

/** Every agreement, soonest review first. */
export async function sharingAgreements(db: Kysely<Database>): Promise<StoredAgreement[]> {
  return (await db.selectFrom('sharing_agreement').select(columns).orderBy('review_date').orderBy('id').execute()).map(toAgreement);
}

export async function readSharingAgreement(db: Kysely<Database>, id: string): Promise<StoredAgreement | undefined> {
  const found = await db.selectFrom('sharing_agreement').select(columns).where('id', '=', id).executeTakeFirst();
  return found ? toAgreement(found) : undefined;
}

/** The agreements naming a partner organisation, whatever their state (the caller decides which are live). */
export async function agreementsWithPartner(db: Kysely<Database>, organisationId: string): Promise<StoredAgreement[]> {
  return (await db.selectFrom('sharing_agreement').select(columns).where(sql<boolean>`${organisationId} = ANY (partners)`).orderBy('id').execute()).map(toAgreement);
}

/** Adds an agreement; false when one with that id exists already. */
export async function createSharingAgreement(db: Kysely<Database>, agreement: SharingAgreement, userId: string): Promise<boolean> {
  const inserted = await db.insertInto('sharing_agreement').values({ id: agreement.id, ...row(agreement), updated_by: userId }).onConflict((oc) => oc.column('id').doNothing()).returning('version').executeTakeFirst();
  return inserted !== undefined;
}

/** Changes an agreement only if it is still the version the editor read; the new version, or undefined when it changed since. */
export async function updateSharingAgreement(db: Kysely<Database>, agreement: SharingAgreement, expectedVersion: number, userId: string): Promise<number | undefined> {
  const updated = await db
    .updateTable('sharing_agreement')
    .set({ ...row(agreement), version: sql`version + 1`, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', agreement.id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

/** Organisation types that are partners, never the trust or its teams (docs/partners-and-sharing.md). */
export const PARTNER_ORGANISATION_TYPES = ['gp-practice', 'vcse', 'police', 'housing', 'local-authority'] as const;

/** Every partner Organization the platform knows, by name, for choosing parties and links. */
export async function partnerOrganisations(db: Kysely<Database>): Promise<Array<{ id: string; name: string; kind: string }>> {
  const rows = await sql<{ id: string; name: string | null; kind: string }>`
    SELECT o.id, o.resource->>'name' AS name, c->>'code' AS kind
    FROM shared_record o, jsonb_array_elements(o.resource->'type') t, jsonb_array_elements(t->'coding') c
    WHERE o.resource_type = 'Organization' AND c->>'system' = ${system.organisationType} AND c->>'code' IN (${sql.join([...PARTNER_ORGANISATION_TYPES])})
    ORDER BY 2, 1`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, name: r.name ?? r.id, kind: r.kind }));
}
