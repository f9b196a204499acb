import { fhirId, roles, type Role } from '@continuity/domain';
import { everHeldAmong, everHeldBy, readPersonRecord, readTransfer, recordAudit, type Store, type TransferOfCare } from '@continuity/store';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';

/** Who writes to a GP: the clinicians who held the person (never the crisis line, which holds no one). */
const WRITERS: readonly Role[] = ['key-worker', 'team-manager', 'prescriber'];

/** What the summary is of: a discharge (the finished episode) or an accepted transfer of care. */
export const summarySource = z.union([
  z.object({ episode: fhirId, transfer: z.undefined().optional() }),
  z.object({ transfer: z.string().regex(/^\d{1,18}$/, 'must be a transfer id'), episode: z.undefined().optional() }),
], { error: 'give either episode (a discharge) or transfer (a transfer of care)' });

export interface OpenedSource {
  staff: SignedInUser;
  basis: 'team' | 'key-worker';
  kind: 'discharge' | 'transfer';
  /** The outbox key: "EpisodeOfCare/<id>" or "transfer/<id>". */
  source: string;
  episode: Record<string, any>;
  transfer?: TransferOfCare;
}

/**
 * Refuses (403, audited) a role that never writes to a GP, or a clinician whose teams never held the
 * person, before any input is read, so a refused user learns nothing from validation.
 */
export async function requireSummaryWriter(store: Store, request: FastifyRequest, personId: string, action: string): Promise<SignedInUser> {
  const staff = requireStaff(request);
  const refuse = async (message: string) => {
    await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action, personId, basis: 'none', outcome: 'refused' }]);
    return new ApiError(403, 'forbidden', message);
  };
  if (!WRITERS.includes(staff.role)) throw await refuse(`The ${roles[staff.role].label} role cannot send summaries to a GP.`);
  if (!(await everHeldBy(store.db, personId, staff.teams.map((t) => t.id), staff.practitionerId))) throw await refuse('Only a team that has held this person can send a summary to their GP.');
  return staff;
}

/**
 * Of these people, those whose summaries to the GP this user may read on their record (the timeline,
 * the FHIR DocumentReference): the same people who may write one, a clinical writer of a team that
 * held them or their key worker. The record's own gate is asked as well, by the caller: a summary on
 * the record is read only where the record is open. The crisis line and break-glass read none.
 */
export async function gpDocumentReaders(store: Store, staff: SignedInUser, people: readonly string[]): Promise<Set<string>> {
  if (!WRITERS.includes(staff.role)) return new Set();
  return everHeldAmong(store.db, people, staff.teams.map((t) => t.id), staff.practitionerId);
}

/**
 * The gate in front of a GP summary. A discharged person is no longer on the team's caseload, so
 * the record's gate would refuse the very clinicians who must write to the GP: here the relationship
 * is with what is summarised. For a discharge, the team that managed the ended episode or its key
 * worker; for a transfer, the sending or receiving team. Clinical writers only. Audited (refusals too).
 */
export async function openSummarySource(store: Store, request: FastifyRequest, personId: string, asked: z.infer<typeof summarySource>, action: string): Promise<OpenedSource> {
  const staff = await requireSummaryWriter(store, request, personId, action);
  const audit = (outcome: 'allowed' | 'refused', basis: OpenedSource['basis'] | 'none', source: string) =>
    recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action, personId, basis, outcome, detail: { source } }]);
  const source = asked.episode ? `EpisodeOfCare/${asked.episode}` : `transfer/${asked.transfer}`;
  const teams = staff.teams.map((t) => t.id);
  if (asked.episode) {
    const episode = await readPersonRecord(store.db, personId, 'EpisodeOfCare', asked.episode);
    if (!episode) throw new ApiError(404, 'not-found', 'This person has no episode of care with that id.', [{ field: 'episode', message: "is not one of this person's episodes of care" }]);
    const resource = episode.resource as Record<string, any>;
    const team = String(resource.managingOrganization?.reference ?? '').replace(/^Organization\//, '');
    const keyWorker = String(resource.careManager?.reference ?? '').replace(/^Practitioner\//, '');
    const basis = staff.practitionerId && keyWorker === staff.practitionerId ? 'key-worker' : teams.includes(team) ? 'team' : undefined;
    if (!basis) {
      await audit('refused', 'none', source);
      throw new ApiError(403, 'forbidden', "Only the team that held this episode of care, or its key worker, can send its discharge summary to the GP.");
    }
    if (resource.status !== 'finished') throw new ApiError(409, 'not-discharged', 'This episode of care has not ended: discharge the person first, then send the summary.', [{ field: 'episode', message: 'has not ended' }]);
    await audit('allowed', basis, source);
    return { staff, basis, kind: 'discharge', source, episode: resource };
  }
  const transfer = await readTransfer(store.db, personId, asked.transfer!);
  if (!transfer) throw new ApiError(404, 'not-found', 'This person has no transfer of care with that id.', [{ field: 'transfer', message: "is not one of this person's transfers" }]);
  if (![transfer.sendingTeamId, transfer.receivingTeamId].some((t) => t && teams.includes(t))) {
    await audit('refused', 'none', source);
    throw new ApiError(403, 'forbidden', 'Only the sending or receiving team can send the summary of this transfer to the GP.');
  }
  if (transfer.status !== 'accepted') throw new ApiError(409, 'not-accepted', 'This transfer of care has not been accepted: the summary is sent once care has moved.', [{ field: 'transfer', message: 'has not been accepted' }]);
  const episodeId = transfer.newEpisodeId ?? transfer.episodeId;
  const episode = await readPersonRecord(store.db, personId, 'EpisodeOfCare', episodeId);
  if (!episode) throw new ApiError(404, 'not-found', 'The episode of care of this transfer is no longer on record.');
  await audit('allowed', 'team', source);
  return { staff, basis: 'team', kind: 'transfer', source, episode: episode.resource as Record<string, any>, transfer };
}
