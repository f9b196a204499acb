import type { Kysely } from 'kysely';
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

/** Rows per INSERT: 10 parameters each stays well under PostgreSQL's 65,535 per statement. */
const AUDIT_ROWS_PER_STATEMENT = 2000;

/** Appends audit entries, all or none: a trust-wide list may audit tens of thousands of people at once. */
export async function recordAudit(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length > AUDIT_ROWS_PER_STATEMENT && !db.isTransaction) {
    await db.transaction().execute((trx) => recordAudit(trx, entries));
    return;
  }
  for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_STATEMENT) {
    await db.insertInto('audit_event').values(entries.slice(i, i + AUDIT_ROWS_PER_STATEMENT).map(auditRow)).execute();
  }
}

function auditRow(e: AuditEntry) {
  return {
    actor_id: e.actorId,
    actor_role: e.actorRole,
    action: e.action,
    person_id: e.personId ?? null,
    resource_type: e.resourceType ?? null,
    resource_id: e.resourceId ?? null,
    basis: e.basis,
    reason: e.reason ?? null,
    outcome: e.outcome,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
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
