import { carePlanCategories, planChanges, planKindOf, readPlan, system, type PlanView } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { personRelationships } from '../access/relationships.ts';
import { displayName } from '../people/names.ts';
import { readRecordVersions } from '../records/record-versions.ts';
import type { Database } from '../schema.ts';

export interface HeldPlan extends PlanView {
  /** The version an edit must name. */
  version: number;
  lastUpdated: string;
}

export interface PlanVersionSummary {
  version: number;
  savedAt: string;
  /** The staff member who saved it in the app (from the audit log), or null for a version imported from another system. */
  savedBy: string | null;
  changes: string[];
}

const planCategories = Object.keys(carePlanCategories).filter((c) => c !== 'shared-care-agreement');

/** Every plan and formulation a person has (not shared care agreements), current ones first, newest first. */
export async function personPlans(db: Kysely<Database>, personId: string): Promise<HeldPlan[]> {
  const rows = (await sql<{ resource: Record<string, any>; version_id: number; last_updated: Date | string }>`
    SELECT resource, version_id, last_updated FROM record
    WHERE person_id = ${personId} AND resource_type = 'CarePlan'
      AND jsonb_path_exists(resource, ${`$.category[*].coding[*] ? (@.system == "${system.carePlanCategory}")`}::jsonpath)`.execute(db)).rows;
  const goals = await goalTexts(db, personId);
  const plans = rows
    .filter((r) => planCategories.includes(planKindOf(r.resource) ?? ''))
    .map((r) => ({ ...readPlan(r.resource, goals)!, version: r.version_id, lastUpdated: new Date(r.last_updated).toISOString() }));
  const current = (p: HeldPlan) => (p.status === 'active' || p.status === 'on-hold' ? 0 : 1);
  const started = (p: HeldPlan) => p.created ?? '';
  return plans.sort((a, b) => current(a) - current(b) || started(b).localeCompare(started(a)) || a.id.localeCompare(b.id));
}

/** One of a person's plans, or undefined when they have no plan with that id. */
export async function personPlan(db: Kysely<Database>, personId: string, planId: string): Promise<HeldPlan | undefined> {
  return (await personPlans(db, personId)).find((p) => p.id === planId);
}

/**
 * Every version of a plan still held, newest first, with who saved each (the audit entry written in
 * the same transaction as the save) and what changed from the one before.
 */
export async function planVersions(db: Kysely<Database>, personId: string, planId: string): Promise<Array<PlanVersionSummary & { plan: PlanView }>> {
  const [versions, goals, savers] = await Promise.all([readRecordVersions(db, personId, 'CarePlan', planId), goalTexts(db, personId), planSavers(db, personId, planId)]);
  const views = versions.map((v) => ({ version: v.versionId, savedAt: v.lastUpdated, plan: readPlan(v.resource, goals) })).filter((v): v is typeof v & { plan: PlanView } => v.plan !== undefined);
  return views.map((v, i) => ({ ...v, savedBy: savers.get(v.version) ?? null, changes: planChanges(views[i + 1]?.plan, v.plan) }));
}

/** Who saved each version of a plan in the app: the staff member's name, by version. */
export async function planSavers(db: Kysely<Database>, personId: string, planId: string): Promise<Map<number, string>> {
  const rows = (await sql<{ version: string | null; name: string | null; actor_id: string }>`
    SELECT a.detail->>'version' AS version, u.display_name AS name, a.actor_id FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
    WHERE a.person_id = ${personId} AND a.resource_type = 'CarePlan' AND a.resource_id = ${planId}
      AND a.action IN ('create-plan', 'save-plan') AND a.outcome = 'allowed'`.execute(db)).rows;
  return new Map(rows.filter((r) => r.version !== null).map((r) => [Number(r.version), r.name ?? r.actor_id]));
}

/** The key worker on the person's open episode of care, with their name; null when none is named. */
export async function planKeyWorker(db: Kysely<Database>, personId: string): Promise<{ id: string; name: string } | null> {
  const id = (await personRelationships(db, personId)).keyWorkers.sort()[0];
  if (!id) return null;
  const row = await db.selectFrom('shared_record').select('resource').where('resource_type', '=', 'Practitioner').where('id', '=', id).executeTakeFirst();
  return { id, name: row ? displayName(row.resource) : id };
}

/** The person's carers on record (RelatedPerson), with their names. */
export async function planCarers(db: Kysely<Database>, personId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await db.selectFrom('record').select(['id', 'resource']).where('person_id', '=', personId).where('resource_type', '=', 'RelatedPerson').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: displayName(r.resource) }));
}

async function goalTexts(db: Kysely<Database>, personId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('record').select(['id', sql<string | null>`resource->'description'->>'text'`.as('text')]).where('person_id', '=', personId).where('resource_type', '=', 'Goal').execute();
  return new Map(rows.filter((r) => r.text).map((r) => [r.id, r.text!]));
}
