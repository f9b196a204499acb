import type { Asset } from '../../../domain/src/community-assets/asset-entry.ts';
/** The community assets API's answers (packages/server/src/community-assets), as the web app reads them. */
export interface CommunityAsset extends Omit<Asset, 'maintainerId'> {
  id: string;
  version: number;
  maintainer: { id: string; name: string };
  distanceKm: number | null;
}

export interface AssetSearchResponse {
  from: { postcode: string; located: boolean } | null;
  assets: CommunityAsset[];
}

export interface ReferralStep {
  status: string;
  date: string;
  reason?: string;
}

export interface CommunityReferral {
  id: string;
  version: number;
  asset: { id: string; name: string };
  need: string;
  reason: string;
  status: 'sent' | 'accepted' | 'declined' | 'attended' | 'did-not-attend';
  statusLabel: string;
  history: ReferralStep[];
}

export interface PartnerReferral extends CommunityReferral {
  person: { name: string; phone: string | null };
}
