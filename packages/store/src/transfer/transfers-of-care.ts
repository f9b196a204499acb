import { handoverPacket, type HandoverPacket, type PacketSource, type TransferStatus } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { loadNames, referencesIn } from '../people/names.ts';
import type { Database } from '../schema.ts';

/** A transfer of care as stored: the offer, its packet as it stood when proposed, and its decision. */
export interface TransferOfCare {
  personId: string;
  id: string;
  episodeId: string;
  sendingTeamId: string;
  /** The receiving team (Organization id); null for a transfer out of area. */
  receivingTeamId: string | null;
  /** Out of area: the receiving service, in words; null for a team in the system. */
  receivingService: string | null;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  packet: HandoverPacket;
  status: TransferStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  /** Out of area: who at the receiving service confirmed, and the day ("YYYY-MM-DD"). */
  confirmedBy: string | null;
  confirmedOn: string | null;
  /** The receiving team's new EpisodeOfCare, once accepted. */
  newEpisodeId: string | null;
  /** Bumped on every change: a decision names the version it was made on (stale → 409). */
  version: number;
}

export interface NewTransfer {
  personId: string;
  episodeId: string;
  sendingTeamId: string;
  receivingTeamId?: string | null;
  receivingService?: string | null;
  reason: string;
  requestedBy: string;
  packet: HandoverPacket;
}

type Row = Record<string, any>;

const COLUMNS = sql`person_id, id::text AS id, episode_id, sending_team_id, receiving_team_id, receiving_service, reason, requested_by, requested_at,
  packet, status, decided_by, decided_at, decline_reason, confirmed_by, confirmed_on::text AS confirmed_on, new_episode_id, version`;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function fromRow(r: Row): TransferOfCare {
  return {
    personId: r.person_id,
    id: r.id,
    episodeId: r.episode_id,
    sendingTeamId: r.sending_team_id,
    receivingTeamId: r.receiving_team_id,
    receivingService: r.receiving_service,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAt: iso(r.requested_at)!,
    packet: (typeof r.packet === 'string' ? JSON.parse(r.packet) : r.packet) as HandoverPacket,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    declineReason: r.decline_reason,
    confirmedBy: r.confirmed_by,
    confirmedOn: r.confirmed_on,
    newEpisodeId: r.new_episode_id,
    version: r.version,
  };
}

/**
 * Builds a person's handover packet from their records (the domain's handoverPacket): plans,
 * admissions, flags, carers and active prescriptions, with staff and teams named.
 */
export async function buildHandoverPacket(db: Kysely<Database>, personId: string): Promise<HandoverPacket> {
  const rows = await sql<{ resource_type: string; id: string; resource: Row }>`
    SELECT resource_type, id, resource FROM record
    WHERE person_id = ${personId} AND (
      (resource_type IN ('CarePlan', 'MedicationRequest') AND status = 'active')
      OR resource_type IN ('Flag', 'RelatedPerson')
      OR (resource_type = 'Encounter' AND resource->'class'->>'code' = 'IMP'))`.execute(db);
  const sources: PacketSource[] = rows.rows.map((r) => ({ resourceType: r.resource_type, id: r.id, resource: r.resource }));
  const names = await loadNames(db, referencesIn(sources.map((s) => s.resource)));
  return handoverPacket(sources, (reference) => (reference ? names.get(reference) : undefined));
}

/**
 * Records a proposed transfer. Undefined when the episode already has a transfer waiting for a
 * decision: one offer at a time, so the receiving side never sees two versions of the same person.
 */
export async function proposeTransfer(db: Kysely<Database>, transfer: NewTransfer): Promise<TransferOfCare | undefined> {
  const result = await sql<Row>`
    INSERT INTO transfer_of_care (person_id, episode_id, sending_team_id, receiving_team_id, receiving_service, reason, requested_by, packet)
    VALUES (${transfer.personId}, ${transfer.episodeId}, ${transfer.sendingTeamId}, ${transfer.receivingTeamId ?? null}, ${transfer.receivingService ?? null},
            ${transfer.reason}, ${transfer.requestedBy}, ${JSON.stringify(transfer.packet)}::jsonb)
    ON CONFLICT (person_id, episode_id) WHERE status = 'proposed' DO NOTHING
    RETURNING ${COLUMNS}`.execute(db);
  return result.rows[0] ? fromRow(result.rows[0]) : undefined;
}

export async function readTransfer(db: Kysely<Database>, personId: string, id: string): Promise<TransferOfCare | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const result = await sql<Row>`SELECT ${COLUMNS} FROM transfer_of_care WHERE person_id = ${personId} AND id = ${id}::bigint`.execute(db);
  return result.rows[0] ? fromRow(result.rows[0]) : undefined;
}

/** A person's transfers, newest first. */
export async function personTransfers(db: Kysely<Database>, personId: string): Promise<TransferOfCare[]> {
  const result = await sql<Row>`SELECT ${COLUMNS} FROM transfer_of_care WHERE person_id = ${personId} ORDER BY requested_at DESC, id DESC`.execute(db);
  return result.rows.map(fromRow);
}

/** The transfer waiting for a decision on one episode, if any: the episode cannot be discharged meanwhile. */
export async function pendingTransferOf(db: Kysely<Database>, personId: string, episodeId: string): Promise<TransferOfCare | undefined> {
  const result = await sql<Row>`SELECT ${COLUMNS} FROM transfer_of_care WHERE person_id = ${personId} AND episode_id = ${episodeId} AND status = 'proposed'`.execute(db);
  return result.rows[0] ? fromRow(result.rows[0]) : undefined;
}

/** Transfers waiting for a team's decision (incoming) or offered by a team and not yet decided (outgoing), oldest first. */
export async function pendingTransfers(db: Kysely<Database>, teamId: string, direction: 'incoming' | 'outgoing'): Promise<TransferOfCare[]> {
  const team = direction === 'incoming' ? sql`receiving_team_id` : sql`sending_team_id`;
  const result = await sql<Row>`SELECT ${COLUMNS} FROM transfer_of_care WHERE ${team} = ${teamId} AND status = 'proposed' ORDER BY requested_at, person_id, id`.execute(db);
  return result.rows.map(fromRow);
}

export interface TransferDecision {
  personId: string;
  id: string;
  /** The version the decision was made on. */
  version: number;
  status: Exclude<TransferStatus, 'proposed'>;
  decidedBy: string;
  declineReason?: string | null;
  confirmedBy?: string | null;
  confirmedOn?: string | null;
  newEpisodeId?: string | null;
}

/**
 * Settles a proposed transfer, only if it is still proposed and still the version the decider read.
 * Undefined otherwise (someone else decided, or it changed): the caller answers 409. Call inside
 * the transaction that writes the episodes and the audit entries.
 */
export async function settleTransfer(db: Kysely<Database>, decision: TransferDecision): Promise<TransferOfCare | undefined> {
  if (!/^\d{1,18}$/.test(decision.id)) return undefined;
  const result = await sql<Row>`
    UPDATE transfer_of_care SET status = ${decision.status}, decided_by = ${decision.decidedBy}, decided_at = now(),
      decline_reason = ${decision.declineReason ?? null}, confirmed_by = ${decision.confirmedBy ?? null},
      confirmed_on = ${decision.confirmedOn ?? null}::date, new_episode_id = ${decision.newEpisodeId ?? null}, version = version + 1
    WHERE person_id = ${decision.personId} AND id = ${decision.id}::bigint AND version = ${decision.version} AND status = 'proposed'
    RETURNING ${COLUMNS}`.execute(db);
  return result.rows[0] ? fromRow(result.rows[0]) : undefined;
}

/** What a caseload or a record shows of a transfer still waiting: that it waits, and for whom. */
export interface PendingTransferMark {
  id: string;
  receivingTeamId: string | null;
  receivingService: string | null;
}

/** The pending transfers of some people's episodes, keyed "personId/episodeId": marks "transfer pending" on lists. */
export async function pendingTransferMarks(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, PendingTransferMark>> {
  const marks = new Map<string, PendingTransferMark>();
  if (personIds.length === 0) return marks;
  const rows = await sql<Row>`
    SELECT person_id, episode_id, id::text AS id, receiving_team_id, receiving_service FROM transfer_of_care
    WHERE person_id = ANY(${[...personIds]}::text[]) AND status = 'proposed'`.execute(db);
  for (const r of rows.rows) marks.set(`${r.person_id}/${r.episode_id}`, { id: r.id, receivingTeamId: r.receiving_team_id, receivingService: r.receiving_service });
  return marks;
}
