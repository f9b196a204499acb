import { londonToday, roles } from '@continuity/domain';
import { clinicianCaseload, coversFrom, loadNames, mdtBoard, recordAudit, recordCover, teamCaseload, teamPractitionerIds, teamWaitingList, trustTeams, type AuditEntry, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { requireTeamMember } from './caseload-access.ts';
import { asOfQuery, coverBody, teamParams } from './caseload-input.ts';

async function auditListed(store: Store, staff: SignedInUser, personIds: readonly string[], detail: Record<string, unknown>) {
  const entries: AuditEntry[] = [...new Set(personIds)].map((personId) => ({ actorId: staff.id, actorRole: staff.role, action: 'worklist', personId, basis: 'worklist', outcome: 'allowed', detail }));
  await recordAudit(store.db, entries);
}

const named = (names: Map<string, string>, type: string, id: string) => names.get(`${type}/${id}`) ?? id;

/**
 * Caseloads and the MDT board (SPEC C5):
 * - GET /api/caseloads/me?asOf=: the signed-in clinician's own people, and those they cover that day;
 * - GET /api/teams/:teamId/caseload?asOf=: per key worker, people and weighted size (managers and key workers of the team);
 * - GET /api/teams/:teamId/mdt?asOf=: who the team should discuss and why, in the worklist shape;
 * - GET /api/teams: the trust's teams, by name (not personal: for choosing a team in a report);
 * - GET /api/teams/:teamId/waiting-list?asOf=: everyone waiting for the team, longest first (docs/referrals.md);
 * - GET /api/teams/:teamId/cover?asOf=: cover current on the day or planned after it;
 * - POST /api/teams/:teamId/cover: a team manager records cover while a key worker is away.
 * Every person listed is audited, one row each, as the worklist route does.
 */
export function caseloadRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/caseloads/me', async (request) => {
    const staff = requireStaff(request);
    if (!roles[staff.role].clinical) throw new ApiError(403, 'forbidden', `The ${roles[staff.role].label} role has no caseload.`);
    const asOf = parseInput(asOfQuery, request.query, 'query').asOf ?? londonToday();
    if (!staff.practitionerId) return { asOf, practitionerId: null, people: [], weighted: 0 };
    const caseload = await clinicianCaseload(store.db, staff.practitionerId, { asOf });
    const names = await loadNames(store.db, caseload.people.flatMap((p) => [`Organization/${p.teamId}`, ...(p.cover ? [`Practitioner/${p.cover.keyWorkerId}`] : [])]));
    await auditListed(store, staff, caseload.people.map((p) => p.patient.id), { worklist: 'caseload', asOf });
    return {
      ...caseload,
      people: caseload.people.map((p) => ({
        ...p,
        team: { id: p.teamId, name: named(names, 'Organization', p.teamId) },
        cover: p.cover ? { ...p.cover, keyWorkerName: named(names, 'Practitioner', p.cover.keyWorkerId) } : null,
      })),
    };
  });

  app.get('/api/teams/:teamId/caseload', async (request) => {
    const staff = requireStaff(request);
    const { teamId } = parseInput(teamParams, request.params, 'params');
    const asOf = parseInput(asOfQuery, request.query, 'query').asOf ?? londonToday();
    await requireTeamMember(store, staff, teamId, ['team-manager', 'key-worker'], "see a team's caseload");
    const caseload = await teamCaseload(store.db, teamId, { asOf });
    const [names, people] = await Promise.all([
      loadNames(store.db, [`Organization/${teamId}`]),
      store.db.selectFrom('person').select(['person_id', 'given_names', 'family_name']).where('person_id', 'in', caseload.unallocated.length ? caseload.unallocated.map((u) => u.personId) : ['']).execute(),
    ]);
    const nameOf = new Map(people.map((p) => [p.person_id, [p.given_names, p.family_name].filter(Boolean).join(' ') || null]));
    await auditListed(store, staff, [...caseload.unallocated.map((u) => u.personId), ...caseload.partnerConcerns.map((c) => c.personId)], { worklist: 'team-caseload', asOf, team: teamId });
    return { ...caseload, team: { id: teamId, name: named(names, 'Organization', teamId) }, unallocated: caseload.unallocated.map((u) => ({ ...u, name: nameOf.get(u.personId) ?? null })) };
  });

  app.get('/api/teams', async (request) => {
    requireStaff(request);
    return { teams: await trustTeams(store.db) };
  });

  app.get('/api/teams/:teamId/waiting-list', async (request) => {
    const staff = requireStaff(request);
    const { teamId } = parseInput(teamParams, request.params, 'params');
    const asOf = parseInput(asOfQuery, request.query, 'query').asOf ?? londonToday();
    await requireTeamMember(store, staff, teamId, ['team-manager', 'key-worker', 'prescriber'], "see a team's waiting list");
    const list = await teamWaitingList(store.db, teamId, { asOf });
    const names = await loadNames(store.db, [`Organization/${teamId}`]);
    await auditListed(store, staff, list.entries.map((e) => e.personId), { worklist: 'waiting-list', asOf, team: teamId });
    return { ...list, team: { id: teamId, name: named(names, 'Organization', teamId) } };
  });

  app.get('/api/teams/:teamId/mdt', async (request) => {
    const staff = requireStaff(request);
    const { teamId } = parseInput(teamParams, request.params, 'params');
    const asOf = parseInput(asOfQuery, request.query, 'query').asOf ?? londonToday();
    await requireTeamMember(store, staff, teamId, ['team-manager', 'key-worker', 'prescriber'], 'see the MDT board');
    const board = await mdtBoard(store.db, teamId, { asOf });
    const names = await loadNames(store.db, [`Organization/${teamId}`, ...[...board.people.values()].flatMap((p) => p.keyWorkerIds.map((k) => `Practitioner/${k}`))]);
    await auditListed(store, staff, board.list.items.map((i) => i.patient.id), { worklist: 'mdt', asOf, team: teamId });
    const people = Object.fromEntries(
      [...board.people].map(([id, p]) => [id, { name: p.name, keyWorkers: p.keyWorkerIds.map((k) => ({ id: k, name: named(names, 'Practitioner', k) })), ...(p.partnerConcerns ? { partnerConcerns: p.partnerConcerns } : {}) }]),
    );
    return { ...board.list, team: { id: teamId, name: named(names, 'Organization', teamId) }, people };
  });

  app.get('/api/teams/:teamId/cover', async (request) => {
    const staff = requireStaff(request);
    const { teamId } = parseInput(teamParams, request.params, 'params');
    const asOf = parseInput(asOfQuery, request.query, 'query').asOf ?? londonToday();
    await requireTeamMember(store, staff, teamId, ['team-manager', 'key-worker'], "see a team's cover");
    const covers = await coversFrom(store.db, teamId, asOf);
    const names = await loadNames(store.db, covers.flatMap((c) => [`Practitioner/${c.absentPractitionerId}`, `Practitioner/${c.coveringPractitionerId}`]));
    return {
      asOf,
      covers: covers.map((c) => ({ ...c, absentName: named(names, 'Practitioner', c.absentPractitionerId), coveringName: named(names, 'Practitioner', c.coveringPractitionerId) })),
    };
  });

  app.post('/api/teams/:teamId/cover', async (request, reply) => {
    const staff = requireStaff(request);
    const { teamId } = parseInput(teamParams, request.params, 'params');
    await requireTeamMember(store, staff, teamId, ['team-manager'], 'record cover');
    const body = parseInput(coverBody, request.body, 'body');
    const known = await store.db
      .selectFrom('shared_record')
      .select('id')
      .where('resource_type', '=', 'Practitioner')
      .where('id', 'in', [body.absentPractitionerId, body.coveringPractitionerId])
      .execute();
    const missing = [body.absentPractitionerId, body.coveringPractitionerId].filter((p) => !known.some((k) => k.id === p));
    if (missing.length) {
      throw new ApiError(400, 'invalid-input', 'There is no practitioner with that id.', missing.map((p) => ({ field: p === body.absentPractitionerId ? 'absentPractitionerId' : 'coveringPractitionerId', message: 'is not a known practitioner' })));
    }
    // Cover is shared out within a team: someone outside it would hold people they have no relationship with.
    const members = await teamPractitionerIds(store.db, teamId);
    const outside = [body.absentPractitionerId, body.coveringPractitionerId].filter((p) => !members.includes(p));
    if (outside.length) {
      throw new ApiError(400, 'invalid-input', 'Cover is arranged between members of this team.', outside.map((p) => ({ field: p === body.absentPractitionerId ? 'absentPractitionerId' : 'coveringPractitionerId', message: 'has no role in this team' })));
    }
    const cover = await store.db.transaction().execute(async (trx) => {
      const saved = await recordCover(trx, { teamId, ...body, reason: body.reason || null, recordedBy: staff.id });
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'record-cover', resourceType: 'cover', resourceId: saved.id, basis: 'team', outcome: 'allowed', detail: { team: teamId, ...body } }]);
      return saved;
    });
    return reply.status(201).send(cover);
  });
}
