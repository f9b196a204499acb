import { BREAK_GLASS_HOURS, BREAK_GLASS_MIN_REASON, fhirDate, roles } from '@continuity/domain';
import {
  getPersonRecord,
  grantBreakGlass,
  loadNames,
  personRelationships,
  personTimeline,
  recordAudit,
  searchPeople,
  type Store,
} from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { gpDocumentReaders } from '../gp-documents/summary-gate.ts';
import { accessDecision, openRecord } from './record-access.ts';
import { restrictedFlagsFor } from './restricted-flags.ts';

const personParams = z.object({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'is not a valid person id') });

const searchQuery = z
  .object({
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    birthDate: fhirDate.optional(),
    nhsNumber: z.string().trim().regex(/^[\d\s-]{10,12}$/, 'must be 10 digits').optional(),
  })
  .refine((s) => Boolean(s.q || s.birthDate || s.nhsNumber), { message: 'give a name, date of birth or NHS number to search for', path: ['q'] });

const breakGlassBody = z.object({
  reason: z
    .string({ error: 'is required' })
    .trim()
    .min(BREAK_GLASS_MIN_REASON, `must say why you need this record (at least ${BREAK_GLASS_MIN_REASON} characters)`)
    .max(1000, 'must be at most 1000 characters'),
});

export function peopleRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people', async (request) => {
    const staff = requireStaff(request);
    if (!roles[staff.role].clinical) throw new ApiError(403, 'forbidden', 'Your role cannot search for individual people.');
    const search = parseInput(searchQuery, request.query, 'query');
    const people = await searchPeople(store.db, search);
    const held = [];
    for (const person of people) held.push({ person, relationships: await personRelationships(store.db, person.id) });
    // The teams holding each person, by name: the results list shows them so the right person is picked.
    const teamNames = await loadNames(store.db, held.flatMap(({ relationships }) => relationships.teams.map((team) => `Organization/${team}`)));
    const results = [];
    for (const { person, relationships } of held) {
      const decision = accessDecision(staff, relationships, false);
      const teams = relationships.teams.map((id) => ({ id, name: teamNames.get(`Organization/${id}`) ?? id }));
      results.push({ ...person, teams, access: decision.allowed ? 'allowed' : 'break-glass-required' });
    }
    await recordAudit(
      store.db,
      results.map((person) => ({
        actorId: staff.id,
        actorRole: staff.role,
        action: 'search-result',
        personId: person.id,
        basis: 'search' as const,
        outcome: 'allowed' as const,
        detail: { query: search },
      })),
    );
    return { results };
  });

  app.get('/api/people/:id', async (request) => {
    const { id } = parseInput(personParams, request.params, 'params');
    const { staff, basis, expiresAt } = await openRecord(store, request, id, 'read-record');
    const person = await getPersonRecord(store.db, id, await restrictedFlagsFor(store, staff, id, basis, 'record'));
    if (!person) throw new ApiError(404, 'not-found', 'There is no person with that id.');
    // On break-glass, when the access ends, so the record page can say so.
    return { person, access: expiresAt ? { basis, expiresAt } : { basis } };
  });

  app.get('/api/people/:id/timeline', async (request) => {
    const { id } = parseInput(personParams, request.params, 'params');
    const { staff, basis } = await openRecord(store, request, id, 'read-timeline');
    const gpDocuments = (await gpDocumentReaders(store, staff, [id])).has(id);
    return { entries: await personTimeline(store.db, id, await restrictedFlagsFor(store, staff, id, basis, 'timeline'), { gpDocuments }) };
  });

  app.post('/api/people/:id/break-glass', async (request, reply) => {
    const { id } = parseInput(personParams, request.params, 'params');
    const staff = requireStaff(request);
    const { reason } = parseInput(breakGlassBody, request.body, 'body');
    if (!roles[staff.role].clinical) {
      await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action: 'break-glass', personId: id, basis: 'none', reason, outcome: 'refused' }]);
      throw new ApiError(403, 'forbidden', `The ${roles[staff.role].label} role cannot use break-glass access.`);
    }
    const relationships = await personRelationships(store.db, id);
    if (!relationships.exists) throw new ApiError(404, 'not-found', 'There is no person with that id.');
    const expiresAt = new Date(Date.now() + BREAK_GLASS_HOURS * 3600_000);
    await store.db.transaction().execute(async (trx) => {
      await grantBreakGlass(trx, { personId: id, userId: staff.id, reason, expiresAt });
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'break-glass', personId: id, basis: 'break-glass', reason, outcome: 'allowed' }]);
    });
    return reply.status(201).send({ expiresAt: expiresAt.toISOString() });
  });
}
