import { sql, type Kysely } from 'kysely';
import type { ActionStatus, GovernanceAction } from '@continuity/domain';
import type { Database } from '../schema.ts';


export interface ActionContent {
  domain: number | null;
  questionId: string | null;
  incidentId: string | null;
  finding: string | null;
  action: string;
  owner: string;
  due: string;
  status: ActionStatus;
  evidence: string | null;
}

const columns = [
  sql<string>`id::text`.as('id'), 'domain', 'question_id', sql<string | null>`incident_id::text`.as('incident_id'), 'finding', 'action', 'owner', sql<string>`due_date::text`.as('due'), 'status', 'evidence', 'version',
  'created_by', 'created_at', 'updated_by', 'updated_at',
] as const;

type Row = {
  id: string; domain: number | null; question_id: string | null; incident_id: string | null; finding: string | null; action: string; owner: string; due: string; status: string; evidence: string | null;
  version: number; created_by: string; created_at: Date | string; updated_by: string; updated_at: Date | string;
};

function toAction(r: Row): GovernanceAction {
  return {
    id: r.id, domain: r.domain, questionId: r.question_id, incidentId: r.incident_id, finding: r.finding, action: r.action, owner: r.owner, due: r.due, status: r.status as ActionStatus,
    evidence: r.evidence, version: r.version, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const row = (c: ActionContent) => ({ domain: c.domain, question_id: c.questionId, incident_id: c.incidentId, finding: c.finding, action: c.action, owner: c.owner, due_date: c.due, status: c.status, evidence: c.evidence });

/** Every action, by domain (incidents' learning last) then due date. */
export async function listGovernanceActions(db: Kysely<Database>): Promise<GovernanceAction[]> {
  return (await db.selectFrom('governance_action').select(columns).orderBy(sql`domain NULLS LAST`).orderBy('due_date').orderBy('id').execute()).map(toAction);
}

/** Call inside the transaction that audits it. */
export async function addGovernanceAction(db: Kysely<Database>, content: ActionContent, by: string): Promise<GovernanceAction> {
  return toAction(await db.insertInto('governance_action').values({ ...row(content), created_by: by, updated_by: by }).returning(columns).executeTakeFirstOrThrow());
}

/** Changes an action only at the version the editor read; otherwise says why not. Call inside the transaction that audits it. */
export async function updateGovernanceAction(
  db: Kysely<Database>,
  id: string,
  version: number,
  content: ActionContent,
  by: string,
): Promise<{ saved: GovernanceAction } | { problem: 'not-found' } | { problem: 'stale'; current: GovernanceAction }> {
  const updated = await db
    .updateTable('governance_action')
    .set({ ...row(content), updated_by: by, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where(sql<boolean>`id = ${id}::bigint`)
    .where('version', '=', version)
    .returning(columns)
    .executeTakeFirst();
  if (updated) return { saved: toAction(updated) };
  const current = await db.selectFrom('governance_action').select(columns).where(sql<boolean>`id = ${id}::bigint`).executeTakeFirst();
  return current ? { problem: 'stale', current: toAction(current) } : { problem: 'not-found' };
}
