import { assetNeeds } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface UptakeFigures {
  referred: number;
  accepted: number;
  declined: number;
  attended: number;
  didNotAttend: number;
  /** Sent and not yet answered. */
  waiting: number;
}

export interface CommunityAssetUptake {
  report: 'community-assets';
  from: string;
  to: string;
  byAsset: Array<{ asset: { id: string; name: string }; figures: UptakeFigures }>;
  byNeed: Array<{ need: string; label: string; figures: UptakeFigures }>;
  total: UptakeFigures;
}

/**
 * Uptake of community assets for the board report (SPEC C13, C16): referrals sent in the period,
 * and how many of them were accepted (accepted, then attended or not), declined and attended, per
 * asset and per need. Counts only; no person is named.
 */
export async function communityAssetUptake(db: Kysely<Database>, period: { from: string; to: string }): Promise<CommunityAssetUptake> {
  const rows = (await sql<{ asset_id: string; asset_name: string | null; need: string; status: string; n: number }>`
    SELECT r.asset_id, a.name AS asset_name, r.need, r.status, count(*)::int AS n
    FROM community_referral r LEFT JOIN community_asset a ON a.id = r.asset_id
    WHERE r.sent_on BETWEEN ${period.from}::date AND ${period.to}::date
    GROUP BY 1, 2, 3, 4`.execute(db)).rows;
  const assets = new Map<string, { asset: { id: string; name: string }; figures: UptakeFigures }>();
  const needs = new Map<string, UptakeFigures>();
  const total = emptyFigures();
  for (const r of rows) {
    const asset = assets.get(r.asset_id) ?? { asset: { id: r.asset_id, name: r.asset_name ?? r.asset_id }, figures: emptyFigures() };
    assets.set(r.asset_id, asset);
    const need = needs.get(r.need) ?? emptyFigures();
    needs.set(r.need, need);
    for (const figures of [asset.figures, need, total]) add(figures, r.status, r.n);
  }
  return {
    report: 'community-assets', from: period.from, to: period.to,
    byAsset: [...assets.values()].sort((a, b) => a.asset.name.localeCompare(b.asset.name)),
    byNeed: [...needs.entries()].map(([need, figures]) => ({ need, label: (assetNeeds as Record<string, string>)[need] ?? need, figures })).sort((a, b) => a.label.localeCompare(b.label)),
    total,
  };
}

function emptyFigures(): UptakeFigures {
  return { referred: 0, accepted: 0, declined: 0, attended: 0, didNotAttend: 0, waiting: 0 };
}

function add(f: UptakeFigures, status: string, n: number) {
  f.referred += n;
  if (status === 'sent') f.waiting += n;
  if (status === 'declined') f.declined += n;
  // Attended and did not attend were both accepted first: acceptance counts every referral that got that far.
  if (status === 'accepted' || status === 'attended' || status === 'did-not-attend') f.accepted += n;
  if (status === 'attended') f.attended += n;
  if (status === 'did-not-attend') f.didNotAttend += n;
}
