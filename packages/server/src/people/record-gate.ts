import type { FastifyInstance } from 'fastify';
import type { Store } from '@continuity/store';
import { requireStaff } from '../auth/session.ts';
import { decideAtGate, openRecord } from './record-access.ts';

/**
 * Routes about one person that decide access themselves, because they grant something the record
 * does not: asking for break-glass is how one gets access, a transfer is read and decided by the
 * receiving team before the person is theirs, and triage at the single point of access comes before
 * any team holds the person; the crisis line reads the need-to-know page of people in intensive
 * care without break-glass; a GP summary is written by the team that held the episode it
 * summarises, after discharge has ended their relationship. Every other route under /api/people/:id passes the gate.
 */
const OWN_GATES = [
  'POST /api/people/:id/break-glass',
  'POST /api/people/:id/referrals/:referralId/triage',
  'GET /api/people/:id/need-to-know',
  'GET /api/people/:id/transfers/:transferId',
  'POST /api/people/:id/transfers/:transferId/accept',
  'POST /api/people/:id/transfers/:transferId/decline',
  'POST /api/people/:id/transfers/:transferId/withdraw',
  'GET /api/people/:id/gp-summary',
  'POST /api/people/:id/gp-summary',
  'POST /api/people/:id/gp-summary/:documentId/send-again',
];

const PERSON_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Refuses a request about a person the user may not open before its input is read, so a refused
 * user learns nothing from validation and every refusal is a 403 (audited as `open-for-request`,
 * with the route).
 * An allowed request goes on to its handler, whose own `openRecord` audits what it does.
 */
export function recordGate(app: FastifyInstance, store: Store) {
  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/people/:id') || OWN_GATES.includes(`${request.method} ${route}`)) return;
    const id = (request.params as { id?: unknown }).id;
    // A malformed id or a person who does not exist is the handler's to answer (400, 404).
    if (typeof id !== 'string' || !PERSON_ID.test(id)) return;
    const staff = requireStaff(request);
    const access = await decideAtGate(store, request, staff, id).catch(() => undefined);
    if (access && !access.decision.allowed) await openRecord(store, request, id, 'open-for-request', { route: `${request.method} ${route}` });
  });
}
