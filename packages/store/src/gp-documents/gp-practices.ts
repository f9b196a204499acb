import { documentEndpointOf, system, withDocumentEndpoint, type GpPractice } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { prepareRecord } from '../records/prepare.ts';
import { writeRecords } from '../records/write-records.ts';
import type { Database } from '../schema.ts';

type Row = { id: string; version_id: number; resource: Record<string, any> };

const GP_PRACTICE = JSON.stringify({ type: [{ coding: [{ system: system.organisationType, code: 'gp-practice' }] }] });

const toPractice = (row: Row): GpPractice => ({
  id: row.id,
  name: typeof row.resource.name === 'string' ? row.resource.name : row.id,
  odsCode: ((row.resource.identifier ?? []) as Array<{ system?: string; value?: string }>).find((i) => i.system === system.odsOrganisation)?.value ?? null,
  endpoint: documentEndpointOf(row.resource) ?? null,
  version: row.version_id,
});

/**
 * GP practices (Organizations of type gp-practice) whose name holds `q`, or whose ODS code begins
 * with it, by name; one page and how many match in all.
 */
export async function findGpPractices(db: Kysely<Database>, search: { q?: string; offset: number; count: number }): Promise<{ total: number; practices: GpPractice[] }> {
  const q = search.q?.trim() ?? '';
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const odsPrefix = `${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = sql`resource_type = 'Organization' AND resource @> ${GP_PRACTICE}::jsonb
    ${q ? sql`AND (resource->>'name' ILIKE ${like} OR upper(jsonb_path_query_first(resource, ${`$.identifier[*] ? (@.system == "${system.odsOrganisation}").value`}::jsonpath) #>> '{}') LIKE ${odsPrefix})` : sql``}`;
  const [total, page] = await Promise.all([
    sql<{ n: string | number }>`SELECT count(*) AS n FROM shared_record WHERE ${where}`.execute(db),
    sql<Row>`SELECT id, version_id, resource FROM shared_record WHERE ${where}
      ORDER BY lower(coalesce(resource->>'name', id)), id LIMIT ${search.count} OFFSET ${search.offset}`.execute(db),
  ]);
  return { total: Number(total.rows[0]?.n ?? 0), practices: page.rows.map(toPractice) };
}

/** A GP practice's Organization row, locked for the transaction when `lock`; undefined when there is none. */
async function practiceRow(db: Kysely<Database>, practiceId: string, lock = false): Promise<Row | undefined> {
  return (await sql<Row>`SELECT id, version_id, resource FROM shared_record
    WHERE resource_type = 'Organization' AND id = ${practiceId} AND resource @> ${GP_PRACTICE}::jsonb ${lock ? sql`FOR UPDATE` : sql``}`.execute(db)).rows[0];
}

/** One GP practice by id; undefined when there is none (or the Organization is not a GP practice). */
export async function readGpPractice(db: Kysely<Database>, practiceId: string): Promise<GpPractice | undefined> {
  const row = await practiceRow(db, practiceId);
  return row ? toPractice(row) : undefined;
}

export type EndpointChange =
  | { outcome: 'saved'; practice: GpPractice }
  | { outcome: 'stale'; practice: GpPractice }
  | { outcome: 'not-found' };

/**
 * Sets or clears a GP practice's document endpoint as a new version of its Organization, written
 * through the record writer, on the version read: a practice changed since is answered `stale` with
 * what it holds now, and nothing is written. The row is locked while it is checked and written, so
 * two administrators saving at once cannot both pass the check. Call inside the transaction that
 * also writes the audit entry.
 */
export async function setGpPracticeEndpoint(db: Kysely<Database>, practiceId: string, expectedVersion: number, endpoint: string | null): Promise<EndpointChange> {
  const held = await practiceRow(db, practiceId, true);
  if (!held) return { outcome: 'not-found' };
  if (held.version_id !== expectedVersion) return { outcome: 'stale', practice: toPractice(held) };
  const resource = withDocumentEndpoint(held.resource, endpoint);
  await writeRecords(db, [prepareRecord({ type: 'Organization', id: practiceId, resource: resource as never })]);
  return { outcome: 'saved', practice: toPractice((await practiceRow(db, practiceId))!) };
}
