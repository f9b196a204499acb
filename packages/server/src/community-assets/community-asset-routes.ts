import type { Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { assetRoutes } from './asset-routes.ts';
import { partnerReferralRoutes } from './partner-referral-routes.ts';
import { communityReferralRoutes } from './referral-routes.ts';
import { uptakeRoutes } from './uptake-routes.ts';

/** The community assets capability (docs/community-assets.md): the directory, referrals to it and their uptake. */
export function communityAssetRoutes(app: FastifyInstance, store: Store) {
  assetRoutes(app, store);
  communityReferralRoutes(app, store);
  partnerReferralRoutes(app, store);
  uptakeRoutes(app, store);
}
