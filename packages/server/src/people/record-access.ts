import { decideRecordAccess } from '@continuity/domain';
import { activeBreakGlass, personRelationships, recordAudit, type PersonRelationships, type Store } from '@continuity/store';
import type { FastifyRequest } from 'fastify';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';

export interface OpenedRecord {
  staff: SignedInUser;
  basis: 'key-worker' | 'team' | 'break-glass';
  /** When the break-glass grant ends (ISO instant); only on the break-glass basis. */
  expiresAt?: string;
}

/**
 * The gate in front of every read or write of a person's record: decides on the relationship,
 * writes the audit entry (refusals too), and throws the refusal the user sees.
 */
export async function openRecord(store: Store, request: FastifyRequest, personId: string, action: string, detail?: Record<string, unknown>): Promise<OpenedRecord> {
  const staff = requireStaff(request);
  const gated = decidedAtGate.get(request);
  const { decision, breakGlass } = gated?.personId === personId ? gated.access : await recordAccessOf(store, staff, personId);
  await recordAudit(store.db, [
    {
      actorId: staff.id,
      actorRole: staff.role,
      action,
      personId,
      basis: decision.allowed ? decision.basis : 'none',
      reason: decision.allowed && decision.basis === 'break-glass' ? breakGlass?.reason : null,
      outcome: decision.allowed ? 'allowed' : 'refused',
      ...(detail ? { detail } : {}),
    },
  ]);
  if (!decision.allowed) {
    throw new ApiError(403, decision.canBreakGlass ? 'break-glass-required' : 'forbidden', decision.message);
  }
  if (decision.basis === 'break-glass' && breakGlass) return { staff, basis: decision.basis, expiresAt: new Date(breakGlass.expires_at).toISOString() };
  return { staff, basis: decision.basis };
}

/** The decision the record gate made for this request, so the route's own gate does not ask again. */
const decidedAtGate = new WeakMap<FastifyRequest, { personId: string; access: Awaited<ReturnType<typeof recordAccessOf>> }>();

/** The record gate's decision for a request about one person, kept for the route's `openRecord`. */
export async function decideAtGate(store: Store, request: FastifyRequest, staff: SignedInUser, personId: string) {
  const access = await recordAccessOf(store, staff, personId);
  decidedAtGate.set(request, { personId, access });
  return access;
}

/**
 * Whether a user may open a person's record, decided but neither audited nor enforced: for gates
 * that grant more than the record does (a transfer's receiving team) and audit their own decision.
 * Throws 404 for a person who does not exist.
 */
export async function recordAccessOf(store: Store, staff: SignedInUser, personId: string) {
  const relationships = await personRelationships(store.db, personId);
  if (!relationships.exists) throw new ApiError(404, 'not-found', 'There is no person with that id.');
  const breakGlass = await activeBreakGlass(store.db, staff.id, personId, new Date());
  return { decision: accessDecision(staff, relationships, Boolean(breakGlass)), breakGlass };
}

/** The domain's access decision for this user and a person's relationships with teams and key workers. */
export function accessDecision(staff: SignedInUser, relationships: Pick<PersonRelationships, 'teams' | 'keyWorkers'>, hasBreakGlass: boolean) {
  return decideRecordAccess({
    role: staff.role,
    userTeams: staff.teams.map((t) => t.id),
    practitionerId: staff.practitionerId,
    personTeams: relationships.teams,
    personKeyWorkers: relationships.keyWorkers,
    hasBreakGlass,
  });
}
