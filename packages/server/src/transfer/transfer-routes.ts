import { checkTransition, londonDay, londonToday, transferEpisodes, transferRules, type TransferAction } from '@continuity/domain';
import {
  buildHandoverPacket,
  loadNames,
  pendingTransferOf,
  pendingTransfers,
  personTransfers,
  proposeTransfer,
  readPersonRecord,
  readTransfer,
  recordAudit,
  settleTransfer,
  updatePersonRecord,
  writeRecords,
  type AuditEntry,
  type Store,
  type TransferOfCare,
} from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { requireTeamMember } from '../caseload/caseload-access.ts';
import { teamParams } from '../caseload/caseload-input.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';
import { openTransfer } from './transfer-gate.ts';
import { acceptBody, declineBody, personParams, previewQuery, proposeBody, transferParams, withdrawBody } from './transfer-input.ts';
import { allTeams, teamPractitioners } from './transfer-teams.ts';

/** Episode states in which a team holds the person: only these can be transferred. */
const OPEN = ['planned', 'waitlist', 'active', 'onhold'];

const teamOf = (episode: Record<string, any>): string | undefined => {
  const reference = episode.managingOrganization?.reference as string | undefined;
  return reference?.startsWith('Organization/') ? reference.slice('Organization/'.length) : undefined;
};

/** A transfer as the API shows it: with the teams, the requester and the decider named. */
async function shown(store: Store, transfers: TransferOfCare[]) {
  const names = await loadNames(store.db, transfers.flatMap((t) => [`Organization/${t.sendingTeamId}`, ...(t.receivingTeamId ? [`Organization/${t.receivingTeamId}`] : [])]));
  const users = new Set(transfers.flatMap((t) => [t.requestedBy, ...(t.decidedBy ? [t.decidedBy] : [])]));
  const people = users.size ? await store.db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', [...users]).execute() : [];
  const userName = new Map(people.map((p) => [p.id, p.display_name]));
  return transfers.map((t) => ({
    ...t,
    sendingTeam: { id: t.sendingTeamId, name: names.get(`Organization/${t.sendingTeamId}`) ?? t.sendingTeamId },
    receivingTeam: t.receivingTeamId ? { id: t.receivingTeamId, name: names.get(`Organization/${t.receivingTeamId}`) ?? t.receivingTeamId } : null,
    requestedByName: userName.get(t.requestedBy) ?? t.requestedBy,
    decidedByName: t.decidedBy ? (userName.get(t.decidedBy) ?? t.decidedBy) : null,
  }));
}

function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone else changed this transfer since you opened it. Reload it and decide again.', [{ field: 'version', message: 'is not the current version of the transfer' }]);
}

/**
 * Transfers of care between teams or areas (issue 4 part 6; docs/transfers-of-care.md):
 * - GET /api/people/:id/transfers/preview?episode=: the handover packet as it stands, and the teams to choose from;
 * - POST /api/people/:id/transfers: propose (the sending team; the packet is kept as it stands now);
 * - GET /api/people/:id/transfers: the person's transfers, newest first;
 * - GET /api/people/:id/transfers/:transferId: one transfer and its packet (also the receiving team, while offered);
 * - POST /api/people/:id/transfers/:transferId/accept | decline | withdraw, naming the version read;
 * - GET /api/teams/:teamId/transfers: pending transfers into the team (waiting for it) and out of it.
 * The sending episode stays open until acceptance, which finishes it and opens the receiving
 * team's episode in one transaction with the transfer's decision and its audit entry.
 */
export function transferRoutes(app: FastifyInstance, store: Store) {
  async function openEpisode(personId: string, episodeId: string) {
    const episode = await readPersonRecord(store.db, personId, 'EpisodeOfCare', episodeId);
    if (!episode) throw new ApiError(404, 'not-found', 'This person has no episode of care with that id.', [{ field: 'episode', message: "is not one of this person's episodes of care" }]);
    if (!episode.status || !OPEN.includes(episode.status)) throw new ApiError(409, 'already-ended', `This episode of care has already ended (${episode.status}).`, [{ field: 'episode', message: 'has already ended' }]);
    const team = teamOf(episode.resource);
    if (!team) throw new ApiError(409, 'no-team', 'This episode of care names no team to transfer from.', [{ field: 'episode', message: 'names no managing team' }]);
    return { episode, team };
  }

  function requireProposer(staff: SignedInUser) {
    if (!transferRules.proposingRoles.includes(staff.role)) throw new ApiError(403, 'forbidden', 'Only a key worker or team manager can transfer a person’s care.');
  }

  app.get('/api/people/:id/transfers/preview', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const { episode: episodeId } = parseInput(previewQuery, request.query, 'query');
    await openRecord(store, request, personId, 'preview-transfer');
    const { team } = await openEpisode(personId, episodeId);
    const [packet, teams, pending] = await Promise.all([buildHandoverPacket(store.db, personId), allTeams(store), pendingTransferOf(store.db, personId, episodeId)]);
    return { episode: episodeId, sendingTeamId: team, packet, teams: teams.filter((t) => t.id !== team), pending: pending ? (await shown(store, [pending]))[0] : null };
  });

  app.post('/api/people/:id/transfers', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(proposeBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-transfer');
    requireProposer(staff);
    const { team } = await openEpisode(personId, body.episode);
    if (body.receivingTeam !== undefined) {
      if (body.receivingTeam === team) throw new ApiError(400, 'invalid-input', 'The person is already with this team.', [{ field: 'receivingTeam', message: 'must be a team other than the one holding the episode' }]);
      if (!(await allTeams(store)).some((t) => t.id === body.receivingTeam)) throw new ApiError(400, 'invalid-input', 'There is no team with that id.', [{ field: 'receivingTeam', message: 'is not a team in the system; for a service elsewhere, name it as the receiving service' }]);
    }
    const packet = await buildHandoverPacket(store.db, personId);
    const transfer = await store.db.transaction().execute(async (trx) => {
      const saved = await proposeTransfer(trx, { personId, episodeId: body.episode, sendingTeamId: team, receivingTeamId: body.receivingTeam ?? null, receivingService: body.receivingService ?? null, reason: body.reason, requestedBy: staff.id, packet });
      if (!saved) return undefined;
      await recordAudit(trx, [
        { actorId: staff.id, actorRole: staff.role, action: 'propose-transfer', personId, resourceType: 'transfer', resourceId: saved.id, basis, outcome: 'allowed', detail: { episode: body.episode, from: team, to: body.receivingTeam ?? 'out-of-area', missing: packet.missing.map((m) => m.section) } },
      ]);
      return saved;
    });
    if (!transfer) throw new ApiError(409, 'transfer-pending', 'A transfer of this episode is already waiting for a decision. Withdraw it first if it should go elsewhere.', [{ field: 'episode', message: 'already has a transfer waiting for a decision' }]);
    return reply.status(201).send((await shown(store, [transfer]))[0]);
  });

  app.get('/api/people/:id/transfers', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-transfers');
    return { transfers: await shown(store, await personTransfers(store.db, personId)) };
  });

  async function findTransfer(request: FastifyRequest) {
    const { id: personId, transferId } = parseInput(transferParams, request.params, 'params');
    const transfer = await readTransfer(store.db, personId, transferId);
    if (!transfer) {
      requireStaff(request);
      throw new ApiError(404, 'not-found', 'There is no transfer with that id for this person.');
    }
    return transfer;
  }

  app.get('/api/people/:id/transfers/:transferId', async (request) => {
    const transfer = await findTransfer(request);
    const { staff, basis } = await openTransfer(store, request, transfer, 'read');
    const person = await store.db.selectFrom('person').select(['nhs_number', 'given_names', 'family_name', 'birth_date']).where('person_id', '=', transfer.personId).executeTakeFirst();
    const receiving = transfer.receivingTeamId && staff.teams.some((t) => t.id === transfer.receivingTeamId);
    return {
      transfer: (await shown(store, [transfer]))[0],
      person: { id: transfer.personId, nhsNumber: person?.nhs_number ?? null, name: [person?.given_names, person?.family_name].filter(Boolean).join(' ') || null, birthDate: person?.birth_date ?? null },
      access: basis,
      // The receiving team chooses the key worker from its own people.
      keyWorkers: receiving && transfer.status === 'proposed' ? await teamPractitioners(store, transfer.receivingTeamId!) : [],
    };
  });

  async function step<S extends z.ZodType>(request: FastifyRequest, action: TransferAction, schema: S) {
    const transfer = await findTransfer(request);
    const body = parseInput(schema, request.body, 'body') as z.infer<S> & { version: number };
    const opened = await openTransfer(store, request, transfer, action);
    const check = checkTransition({ status: transfer.status, outOfArea: transfer.receivingTeamId === null }, action, body as Record<string, string | undefined>);
    if (!check.allowed && check.conflict) throw new ApiError(409, 'already-decided', check.message, check.problems);
    if (transfer.version !== body.version) throw stale();
    if (!check.allowed) throw new ApiError(400, 'invalid-input', check.message, check.problems);
    const audit = (detail: Record<string, unknown>): AuditEntry => ({
      actorId: opened.staff.id, actorRole: opened.staff.role, action: `${action}-transfer`, personId: transfer.personId, resourceType: 'transfer', resourceId: transfer.id, basis: opened.basis, outcome: 'allowed', detail,
    });
    return { transfer, body, staff: opened.staff, audit };
  }

  app.post('/api/people/:id/transfers/:transferId/decline', async (request) => {
    const { transfer, body, staff, audit } = await step(request, 'decline', declineBody);
    const settled = await store.db.transaction().execute(async (trx) => {
      const saved = await settleTransfer(trx, { personId: transfer.personId, id: transfer.id, version: body.version, status: 'declined', decidedBy: staff.id, declineReason: body.declineReason!.trim() });
      if (!saved) throw stale();
      await recordAudit(trx, [audit({ version: saved.version })]);
      return saved;
    });
    return (await shown(store, [settled]))[0];
  });

  app.post('/api/people/:id/transfers/:transferId/withdraw', async (request) => {
    const { transfer, body, staff, audit } = await step(request, 'withdraw', withdrawBody);
    const settled = await store.db.transaction().execute(async (trx) => {
      const saved = await settleTransfer(trx, { personId: transfer.personId, id: transfer.id, version: body.version, status: 'withdrawn', decidedBy: staff.id });
      if (!saved) throw stale();
      await recordAudit(trx, [audit({ version: saved.version })]);
      return saved;
    });
    return (await shown(store, [settled]))[0];
  });

  app.post('/api/people/:id/transfers/:transferId/accept', async (request) => {
    const { transfer, body, staff, audit } = await step(request, 'accept', acceptBody);
    const outOfArea = transfer.receivingTeamId === null;
    if (outOfArea && body.keyWorker !== undefined) throw new ApiError(400, 'invalid-input', 'A key worker is chosen by the receiving service, not here.', [{ field: 'keyWorker', message: 'is for transfers to a team in the system only' }]);
    if (!outOfArea && body.keyWorker !== undefined && !(await teamPractitioners(store, transfer.receivingTeamId!)).some((p) => p.id === body.keyWorker)) {
      throw new ApiError(400, 'invalid-input', 'The key worker must work in the receiving team.', [{ field: 'keyWorker', message: 'is not a practitioner with a role in the receiving team' }]);
    }
    const episode = await readPersonRecord(store.db, transfer.personId, 'EpisodeOfCare', transfer.episodeId);
    if (!episode || !episode.status || !OPEN.includes(episode.status)) {
      throw new ApiError(409, 'already-ended', 'The sending episode of care has ended since the transfer was proposed. Withdraw this transfer and check the record.', [{ field: 'episode', message: 'has already ended' }]);
    }
    const now = new Date().toISOString();
    const day = londonToday();
    if (outOfArea && londonDay(body.confirmedOn)! > londonDay(day)!) throw new ApiError(400, 'invalid-input', 'The confirmation date is in the future.', [{ field: 'confirmedOn', message: 'must be today or earlier' }]);
    const newEpisodeId = outOfArea ? undefined : `toc-${transfer.id}-eoc`;
    const { finished, opened } = transferEpisodes(episode.resource, {
      day,
      acceptedBy: outOfArea ? body.confirmedBy!.trim() : staff.displayName,
      acceptedAt: outOfArea ? body.confirmedOn! : now,
      ...(outOfArea ? { receivingService: transfer.receivingService! } : { receivingTeamId: transfer.receivingTeamId!, newEpisodeId, keyWorkerId: body.keyWorker ?? null }),
    });
    const settled = await store.db.transaction().execute(async (trx) => {
      const closed = await updatePersonRecord(trx, { type: 'EpisodeOfCare', id: transfer.episodeId, personId: transfer.personId, resource: { ...finished, resourceType: 'EpisodeOfCare', id: transfer.episodeId } }, episode.versionId);
      if (closed === undefined) throw new ApiError(409, 'stale-version', 'The sending episode of care changed while you were deciding. Reload the transfer and accept again.', [{ field: 'version', message: 'the episode changed since you read it' }]);
      if (opened) await writeRecords(trx, [{ type: 'EpisodeOfCare', id: opened.id, personId: transfer.personId, resource: { ...opened, resourceType: 'EpisodeOfCare', id: opened.id } }]);
      const saved = await settleTransfer(trx, {
        personId: transfer.personId, id: transfer.id, version: body.version, status: 'accepted', decidedBy: staff.id, newEpisodeId: newEpisodeId ?? null,
        ...(outOfArea ? { confirmedBy: body.confirmedBy!.trim(), confirmedOn: body.confirmedOn! } : {}),
      });
      if (!saved) throw stale();
      await recordAudit(trx, [audit({ version: saved.version, episode: transfer.episodeId, episodeVersion: closed, ...(newEpisodeId ? { newEpisode: newEpisodeId, keyWorker: body.keyWorker ?? null } : { receivingService: 'out-of-area' }) })]);
      return saved;
    });
    return (await shown(store, [settled]))[0];
  });

  app.get('/api/teams/:teamId/transfers', async (request) => {
    const staff = requireStaff(request);
    const { teamId } = parseInput(teamParams, request.params, 'params');
    await requireTeamMember(store, staff, teamId, transferRules.readingRoles as SignedInUser['role'][], "see a team's transfers");
    const [incoming, outgoing] = await Promise.all([pendingTransfers(store.db, teamId, 'incoming'), pendingTransfers(store.db, teamId, 'outgoing')]);
    const personIds = [...new Set([...incoming, ...outgoing].map((t) => t.personId))];
    const people = personIds.length ? await store.db.selectFrom('person').select(['person_id', 'nhs_number', 'given_names', 'family_name']).where('person_id', 'in', personIds).execute() : [];
    const who = new Map(people.map((p) => [p.person_id, { nhsNumber: p.nhs_number, name: [p.given_names, p.family_name].filter(Boolean).join(' ') || null }]));
    const entry = (basis: 'transfer-offer' | 'team') => (t: TransferOfCare): AuditEntry => ({ actorId: staff.id, actorRole: staff.role, action: 'list-transfers', personId: t.personId, resourceType: 'transfer', resourceId: t.id, basis, outcome: 'allowed', detail: { team: teamId } });
    await recordAudit(store.db, [...incoming.map(entry('transfer-offer')), ...outgoing.map(entry('team'))]);
    // The list says who and from where; the packet itself is read (and audited) on its own page.
    const summary = async (list: TransferOfCare[]) =>
      (await shown(store, list)).map(({ packet, ...t }) => ({ ...t, person: { id: t.personId, ...(who.get(t.personId) ?? { nhsNumber: null, name: null }) }, missing: packet.missing }));
    return { teamId, incoming: await summary(incoming), outgoing: await summary(outgoing) };
  });
}
