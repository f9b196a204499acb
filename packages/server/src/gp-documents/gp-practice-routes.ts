import { documentEndpointProblem, fhirId } from '@continuity/domain';
import { findGpPractices, readGpPractice, recordAudit, setGpPracticeEndpoint, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';

const PAGE = 20;

const listQuery = z.object({
  q: z.string({ error: 'must be text' }).max(100, 'must be at most 100 characters').optional(),
  page: z.coerce.number({ error: 'must be a page number' }).int('must be a whole number').min(1, 'must be 1 or more').max(10_000, 'must be at most 10000').optional(),
});
const practiceParams = z.object({ practiceId: fhirId });
const endpointBody = z.object({
  version: z.number({ error: 'must be the version of the practice you read' }).int().positive('must be the version of the practice you read'),
  endpoint: z
    .string({ error: 'must be a web address, or null to clear it' })
    .trim()
    .max(500, 'must be at most 500 characters')
    .nullable()
    .transform((value, ctx) => {
      if (value === null || value === '') return null;
      const problem = documentEndpointProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      return value.replace(/\/+$/, '');
    }),
});

/**
 * Where GP practices receive summaries as FHIR documents (docs/gp-documents.md, "Setting a practice's
 * endpoint"): administrators only, who keep the trust's directory of organisations; nobody else has
 * reason to change where personal data is sent.
 * - GET /api/gp-practices?q=&page=: GP practices by name or ODS code, 20 a page, each with its endpoint and version;
 * - GET /api/gp-practices/:practiceId: one of them, for the form that changes it;
 * - PUT /api/gp-practices/:practiceId/document-endpoint {version, endpoint | null}: sets or clears it as a new
 *   version of the practice's Organization (409 with what it holds now when changed since read), audited.
 */
export function gpPracticeRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/gp-practices', async (request) => {
    await requireAdministrator(store, request, 'list-gp-practices');
    const { q, page = 1 } = parseInput(listQuery, request.query, 'query');
    const found = await findGpPractices(store.db, { q, offset: (page - 1) * PAGE, count: PAGE });
    return { q: q ?? '', page, pageSize: PAGE, ...found };
  });

  app.get('/api/gp-practices/:practiceId', async (request) => {
    await requireAdministrator(store, request, 'read-gp-practice');
    const { practiceId } = parseInput(practiceParams, request.params, 'params');
    const practice = await readGpPractice(store.db, practiceId);
    if (!practice) throw new ApiError(404, 'not-found', 'There is no GP practice with that id.');
    return { practice };
  });

  app.put('/api/gp-practices/:practiceId/document-endpoint', async (request) => {
    const staff = await requireAdministrator(store, request, 'set-gp-document-endpoint');
    const { practiceId } = parseInput(practiceParams, request.params, 'params');
    const { version, endpoint } = parseInput(endpointBody, request.body, 'body');
    const change = await store.db.transaction().execute(async (trx) => {
      const result = await setGpPracticeEndpoint(trx, practiceId, version, endpoint);
      if (result.outcome === 'saved') {
        await recordAudit(trx, [{
          actorId: staff.id, actorRole: staff.role, action: 'set-gp-document-endpoint', resourceType: 'Organization', resourceId: practiceId, basis: 'administration', outcome: 'allowed',
          detail: { version: result.practice.version, endpoint: result.practice.endpoint },
        }]);
      }
      return result;
    });
    if (change.outcome === 'not-found') throw new ApiError(404, 'not-found', 'There is no GP practice with that id.');
    if (change.outcome === 'stale') {
      const now = change.practice.endpoint ? `its endpoint is now ${change.practice.endpoint}` : 'it now has no endpoint';
      throw new ApiError(409, 'stale-version', `${change.practice.name} was changed since you read it: ${now} (version ${change.practice.version}). Nothing was saved: check it and save again.`, [
        { field: 'version', message: `is not the current version (${change.practice.version})` },
      ]);
    }
    return { practice: change.practice };
  });
}

/** Administrators only; a refusal is audited before any input is read, so a refused user learns nothing from validation. */
async function requireAdministrator(store: Store, request: FastifyRequest, action: string): Promise<SignedInUser> {
  const staff = requireStaff(request);
  if (staff.role === 'admin') return staff;
  await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action, resourceType: 'Organization', basis: 'none', outcome: 'refused' }]);
  throw new ApiError(403, 'forbidden', 'Only administrators can see and set where GP practices receive summaries.');
}
