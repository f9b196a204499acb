import { system } from '@continuity/domain';
import type { Store } from '@continuity/store';

/**
 * The kind of a partner account's organisation (its `CS/organisation-type` code: `gp-practice`,
 * `vcse`, `housing`...), so the web app offers a GP practice its shared care and a community
 * service its referrals. Null for an account with no organisation.
 */
export async function withOrganisationKind<T extends { organisationId: string | null }>(store: Store, user: T): Promise<T & { organisationKind: string | null }> {
  if (!user.organisationId) return { ...user, organisationKind: null };
  const row = await store.db.selectFrom('shared_record').select('resource').where('resource_type', '=', 'Organization').where('id', '=', user.organisationId).executeTakeFirst();
  const types = ((row?.resource as Record<string, any> | undefined)?.type ?? []) as Array<{ coding?: Array<{ system?: string; code?: string }> }>;
  const code = types.flatMap((t) => t.coding ?? []).find((c) => c.system === system.organisationType)?.code ?? null;
  return { ...user, organisationKind: code };
}
