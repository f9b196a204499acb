import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** On what grounds a record was touched. */
export type AuditBasis = 'team' | 'key-worker' | 'break-glass' | 'crisis-line' | 'import' | 'system' | 'none' | 'search' | 'worklist' | 'report' | 'transfer-offer' | 'triage' | 'shared-care-agreement' | 'measure-link' | 'community-referral' | 'governance' | 'gp-practice' | 'sharing-agreement' | 'administration';

export interface AuditEntry {
  actorId: string;
  actorRole: string;
  /** What was done, e.g. "read-record", "read-timeline", "break-glass", "import". */
  action: string;
  personId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  basis: AuditBasis;
  reason?: string | null;
  outcome: 'allowed' | 'refused';
  detail?: Record<string, unknown>;
}

/**
 * Appends audit entries, all or none: one statement, whatever the number (a trust-wide list may audit
 * tens of thousands of people at once). Columns go as arrays, so the statement has ten parameters
 * however many rows it adds, rather than ten a row for the driver to bind and the server to parse.
 */
export async function recordAudit(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(pick: (e: AuditEntry) => T) => entries.map(pick);
  await sql`
    INSERT INTO audit_event (actor_id, actor_role, action, person_id, resource_type, resource_id, basis, reason, outcome, detail)
    SELECT * FROM unnest(
      ${column((e) => e.actorId)}::text[], ${column((e) => e.actorRole)}::text[], ${column((e) => e.action)}::text[],
      ${column((e) => e.personId ?? null)}::text[], ${column((e) => e.resourceType ?? null)}::text[], ${column((e) => e.resourceId ?? null)}::text[],
      ${column((e) => e.basis)}::text[], ${column((e) => e.reason ?? null)}::text[], ${column((e) => e.outcome)}::text[],
      ${column((e) => (e.detail ? JSON.stringify(e.detail) : null))}::jsonb[])`.execute(db);
}

export interface AuditQuery {
  personId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  limit?: number;
  /** Events with an id below this one: the next page back in time. */
  before?: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string;
  /** The staff member's name, or the actor id for system processes. */
  actorName: string;
  actorRole: string;
  action: string;
  personId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  basis: string;
  reason: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

export async function listAudit(db: Kysely<Database>, query: AuditQuery): Promise<AuditEvent[]> {
  // Actors are staff accounts or system processes (import, the command line): names where there are some.
  let q = db
    .selectFrom('audit_event')
    .leftJoin('app_user', 'app_user.id', 'audit_event.actor_id')
    .selectAll('audit_event')
    .select('app_user.display_name as actor_name')
    .orderBy('audit_event.id', 'desc')
    .limit(Math.min(query.limit ?? 100, 1000));
  if (query.personId) q = q.where('audit_event.person_id', '=', query.personId);
  if (query.actorId) q = q.where('audit_event.actor_id', '=', query.actorId);
  if (query.from) q = q.where('audit_event.at', '>=', new Date(query.from));
  if (query.to) q = q.where('audit_event.at', '<', new Date(query.to));
  if (query.before) q = q.where('audit_event.id', '<', query.before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name ?? r.actor_id,
    actorRole: r.actor_role,
    action: r.action,
    personId: r.person_id,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    basis: r.basis,
    reason: r.reason,
    outcome: r.outcome,
    detail: r.detail,
  }));
}
