import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site (cross-site request forgery). The session
 * cookie is already SameSite=Strict; this also holds for browsers or proxies that do not honour it,
 * using the Fetch Metadata and Origin headers every current browser sends. Requests without either
 * header (the command line, other servers) carry no ambient cookie risk and pass.
 */
export function refuseCrossSiteWrites(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw crossSite();
    // An opaque origin ("null", from a sandboxed frame) has no host and is refused too.
    const origin = request.headers.origin;
    if (origin && hostOf(origin) !== request.headers.host) throw crossSite();
  });
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

function crossSite() {
  return new ApiError(403, 'cross-site-request', 'This change was sent from another website, so it was refused. Make it from Continuity itself.');
}
