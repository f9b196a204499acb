import { sql, type Kysely } from 'kysely';
import type { IncidentKind, IncidentStatus, IncidentTheme } from '@continuity/domain';
import type { Database } from '../schema.ts';

export interface Incident {
  id: string;
  kind: IncidentKind;
  personId: string | null;
  teamId: string;
  occurredOn: string;
  summary: string;
  themes: IncidentTheme[];
  status: IncidentStatus;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface IncidentContent {
  kind: IncidentKind;
  personId: string | null;
  teamId: string;
  occurredOn: string;
  summary: string;
  themes: IncidentTheme[];
  status: IncidentStatus;
}

const columns = [
  sql<string>`id::text`.as('id'), 'kind', 'person_id', 'team_id', sql<string>`occurred_on::text`.as('occurred_on'), 'summary', 'themes', 'status', 'version',
  'created_by', 'created_at', 'updated_by', 'updated_at',
] as const;

type Row = {
  id: string; kind: string; person_id: string | null; team_id: string; occurred_on: string; summary: string; themes: string[] | string; status: string; version: number;
  created_by: string; created_at: Date | string; updated_by: string; updated_at: Date | string;
};

/** A text[] arrives as an array from node-postgres and, on some paths, as its literal "{a,b}". */
const textArray = (value: string[] | string): string[] => (Array.isArray(value) ? value : value.replace(/^\{|\}$/g, '').split(',').filter(Boolean));

function toIncident(r: Row): Incident {
  return {
    id: r.id, kind: r.kind as IncidentKind, personId: r.person_id, teamId: r.team_id, occurredOn: r.occurred_on, summary: r.summary, themes: textArray(r.themes) as IncidentTheme[],
    status: r.status as IncidentStatus, version: r.version, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(), updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const row = (c: IncidentContent) => ({ kind: c.kind, person_id: c.personId, team_id: c.teamId, occurred_on: c.occurredOn, summary: c.summary, themes: sql<string[]>`${c.themes}::text[]`, status: c.status });

/** Every incident, complaint and compliment, the latest first. */
export async function listIncidents(db: Kysely<Database>): Promise<Incident[]> {
  return (await db.selectFrom('incident').select(columns).orderBy('occurred_on', 'desc').orderBy('id', 'desc').execute()).map(toIncident);
}

export async function findIncident(db: Kysely<Database>, id: string): Promise<Incident | undefined> {
  const found = await db.selectFrom('incident').select(columns).where(sql<boolean>`id = ${id}::bigint`).executeTakeFirst();
  return found ? toIncident(found) : undefined;
}

/** Call inside the transaction that audits it. */
export async function addIncident(db: Kysely<Database>, content: IncidentContent, by: string): Promise<Incident> {
  return toIncident(await db.insertInto('incident').values({ ...row(content), created_by: by, updated_by: by }).returning(columns).executeTakeFirstOrThrow());
}

/** Changes an incident only at the version the editor read. Call inside the transaction that audits it. */
export async function updateIncident(
  db: Kysely<Database>,
  id: string,
  version: number,
  content: IncidentContent,
  by: string,
): Promise<{ saved: Incident } | { problem: 'not-found' } | { problem: 'stale'; current: Incident }> {
  const updated = await db
    .updateTable('incident')
    .set({ ...row(content), updated_by: by, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where(sql<boolean>`id = ${id}::bigint`)
    .where('version', '=', version)
    .returning(columns)
    .executeTakeFirst();
  if (updated) return { saved: toIncident(updated) };
  const current = await findIncident(db, id);
  return current ? { problem: 'stale', current } : { problem: 'not-found' };
}
