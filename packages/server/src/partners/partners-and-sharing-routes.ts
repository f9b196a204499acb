import type { FastifyInstance } from 'fastify';
import type { Store } from '@continuity/store';
import { agreementRoutes } from './agreement-routes.ts';
import { concernRoutes } from './concern-routes.ts';
import { partnerRoutes } from './partner-routes.ts';
import { sharingWishRoutes } from './sharing-wish-routes.ts';

/** Partners and information sharing (docs/partners-and-sharing.md). */
export function partnersAndSharingRoutes(app: FastifyInstance, store: Store) {
  agreementRoutes(app, store);
  sharingWishRoutes(app, store);
  partnerRoutes(app, store);
  concernRoutes(app, store);
}
