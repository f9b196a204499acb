import type { EscalationStepCode, EscalationTask, MdtDecision } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface NewEscalationTask {
  personId: string;
  step: EscalationStepCode;
  ownerId: string;
  /** "YYYY-MM-DD". */
  due: string;
  createdBy: string;
}

export interface NewMdtDecision {
  personId: string;
  decidedOn: string;
  decision: string;
  reviewOn: string;
  recordedBy: string;
}

export interface PersonEscalation {
  tasks: EscalationTask[];
  decisions: MdtDecision[];
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const taskColumns = [
  sql<string>`id::text`.as('id'),
  'person_id',
  'step',
  'owner_id',
  sql<string>`due_date::text`.as('due'),
  'status',
  'outcome',
  'created_by',
  'created_at',
  'completed_by',
  'completed_at',
  'version',
] as const;

type TaskRow = { id: string; step: string; owner_id: string; due: string; status: string; outcome: string | null; created_by: string; created_at: Date | string; completed_by: string | null; completed_at: Date | string | null; version: number };

function toTask(r: TaskRow): EscalationTask {
  return {
    id: r.id, step: r.step as EscalationStepCode, ownerId: r.owner_id, due: r.due, status: r.status as EscalationTask['status'], outcome: r.outcome,
    createdBy: r.created_by, createdAt: iso(r.created_at)!, completedBy: r.completed_by, completedAt: iso(r.completed_at), version: r.version,
  };
}

/** Records an escalation step as an open task and returns it as stored. Call inside the transaction that audits it. */
export async function addEscalationTask(db: Kysely<Database>, task: NewEscalationTask): Promise<EscalationTask> {
  const row = await db
    .insertInto('engagement_task')
    .values({ person_id: task.personId, step: task.step, owner_id: task.ownerId, due_date: task.due, outcome: null, created_by: task.createdBy, completed_by: null, completed_at: null })
    .returning(taskColumns)
    .executeTakeFirstOrThrow();
  return toTask(row);
}

export type CloseTaskResult = { closed: EscalationTask } | { problem: 'not-found' | 'already-closed' | 'stale'; current?: EscalationTask };

/**
 * Marks an open task done (with what happened) or cancelled, only if it is still the version the
 * clinician read: a change made since is reported, never overwritten.
 */
export async function closeEscalationTask(
  db: Kysely<Database>,
  close: { personId: string; taskId: string; version: number; status: 'done' | 'cancelled'; outcome: string | null; by: string },
): Promise<CloseTaskResult> {
  const row = await db
    .updateTable('engagement_task')
    .set({ status: close.status, outcome: close.outcome, completed_by: close.by, completed_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('person_id', '=', close.personId)
    .where(sql<boolean>`id = ${close.taskId}::bigint`)
    .where('version', '=', close.version)
    .where('status', '=', 'open')
    .returning(taskColumns)
    .executeTakeFirst();
  if (row) return { closed: toTask(row) };
  const current = await db.selectFrom('engagement_task').select(taskColumns).where('person_id', '=', close.personId).where(sql<boolean>`id = ${close.taskId}::bigint`).executeTakeFirst();
  if (!current) return { problem: 'not-found' };
  return { problem: current.version !== close.version ? 'stale' : 'already-closed', current: toTask(current) };
}

/** Records an MDT decision about a person out of contact. Call inside the transaction that audits it. */
export async function recordMdtDecision(db: Kysely<Database>, decision: NewMdtDecision): Promise<MdtDecision> {
  const row = await db
    .insertInto('engagement_decision')
    .values({ person_id: decision.personId, decided_on: decision.decidedOn, decision: decision.decision, review_on: decision.reviewOn, recorded_by: decision.recordedBy })
    .returning([sql<string>`id::text`.as('id'), 'recorded_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, decidedOn: decision.decidedOn, decision: decision.decision, reviewOn: decision.reviewOn, recordedBy: decision.recordedBy, recordedAt: iso(row.recorded_at)! };
}

/** Every escalation task and MDT decision of many people, in two queries (one array parameter each, however many people). */
export async function loadEscalationRecords(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, PersonEscalation>> {
  const found = new Map<string, PersonEscalation>(personIds.map((id) => [id, { tasks: [], decisions: [] }]));
  if (personIds.length === 0) return found;
  const ids = [...new Set(personIds)];
  const [tasks, decisions] = await Promise.all([
    db.selectFrom('engagement_task').select(taskColumns).where(sql<boolean>`person_id = ANY(${ids}::text[])`).orderBy('person_id').orderBy('id').execute(),
    db
      .selectFrom('engagement_decision')
      .select(['person_id', sql<string>`id::text`.as('id'), sql<string>`decided_on::text`.as('decided_on'), 'decision', sql<string>`review_on::text`.as('review_on'), 'recorded_by', 'recorded_at'])
      .where(sql<boolean>`person_id = ANY(${ids}::text[])`)
      .orderBy('person_id')
      .orderBy('id')
      .execute(),
  ]);
  for (const t of tasks) found.get(t.person_id)!.tasks.push(toTask(t));
  for (const d of decisions) {
    found.get(d.person_id)!.decisions.push({ id: d.id, decidedOn: d.decided_on, decision: d.decision, reviewOn: d.review_on, recordedBy: d.recorded_by, recordedAt: iso(d.recorded_at)! });
  }
  return found;
}
