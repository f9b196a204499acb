import { sharedResourceTypes, type ResourceType } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';

/** One held record as the FHIR API serves it: the resource with the version the server keeps. */
export interface FhirRecord {
  type: ResourceType;
  id: string;
  /** The Patient the record is about; null for shared records (organisations, staff). */
  personId: string | null;
  versionId: number;
  /** ISO instant. */
  lastUpdated: string;
  resource: Record<string, unknown>;
}

/** A range of instants, from inclusive, to exclusive; either end open when absent. */
export interface InstantRange {
  from?: string;
  to?: string;
}

export interface FhirRecordSearch {
  type: ResourceType;
  /** Only these people's records (the people the user may open); ignored for shared types. */
  people: readonly string[];
  ids?: readonly string[];
  /** Only this person's records. */
  person?: string;
  /** Patients with this NHS number. */
  nhsNumber?: string;
  statuses?: readonly string[];
  /** Each range must hold the record's main date (record.occurred_at). */
  occurred: readonly InstantRange[];
  lastUpdated: readonly InstantRange[];
  offset: number;
  count: number;
}

const sharedTypes = new Set<ResourceType>(sharedResourceTypes);

export function isSharedType(type: ResourceType): boolean {
  return sharedTypes.has(type);
}

type Row = { person_id: string | null; id: string; version_id: number; last_updated: Date | string; resource: Record<string, unknown> };

const toRecord = (type: ResourceType) => (row: Row): FhirRecord => ({
  type,
  id: row.id,
  personId: row.person_id,
  versionId: row.version_id,
  lastUpdated: new Date(row.last_updated).toISOString(),
  resource: row.resource,
});

/**
 * The current version of a record by type and id, person-scoped or shared; undefined when none is
 * held. Reading a person's record by id alone finds its person first, so the caller can check access.
 */
export async function readFhirRecord(db: Kysely<Database>, type: ResourceType, id: string): Promise<FhirRecord | undefined> {
  const row = isSharedType(type)
    ? (await sql<Row>`SELECT NULL AS person_id, id, version_id, last_updated, resource FROM shared_record WHERE resource_type = ${type} AND id = ${id}`.execute(db)).rows[0]
    : (await sql<Row>`SELECT person_id, id, version_id, last_updated, resource FROM record WHERE resource_type = ${type} AND id = ${id}`.execute(db)).rows[0];
  return row ? toRecord(type)(row) : undefined;
}

/**
 * One page of the records of a type that match, and how many match in all. Person-scoped records are
 * kept to `people`; shared records are open to every clinical user.
 */
export async function searchFhirRecords(db: Kysely<Database>, search: FhirRecordSearch): Promise<{ total: number; records: FhirRecord[] }> {
  const shared = isSharedType(search.type);
  const conditions: RawBuilder<unknown>[] = [sql`resource_type = ${search.type}`];
  if (!shared) conditions.push(sql`person_id = ANY(${[...search.people]}::text[])`);
  if (search.ids) conditions.push(sql`id = ANY(${[...search.ids]}::text[])`);
  if (search.person !== undefined && !shared) conditions.push(sql`person_id = ${search.person}`);
  if (search.nhsNumber !== undefined) {
    conditions.push(sql`person_id IN (SELECT person_id FROM person WHERE nhs_number = ${search.nhsNumber})`);
  }
  if (search.statuses) conditions.push(sql`status = ANY(${[...search.statuses]}::text[])`);
  for (const range of search.occurred) conditions.push(...rangeSql(sql`occurred_at`, range));
  for (const range of search.lastUpdated) conditions.push(...rangeSql(sql`last_updated`, range));
  const where = sql.join(conditions, sql` AND `);
  const table = shared ? sql`shared_record` : sql`record`;
  const person = shared ? sql`NULL::text AS person_id` : sql`person_id`;
  const [total, page] = await Promise.all([
    sql<{ n: string | number }>`SELECT count(*) AS n FROM ${table} WHERE ${where}`.execute(db),
    sql<Row>`SELECT ${person}, id, version_id, last_updated, resource FROM ${table} WHERE ${where}
      ORDER BY ${shared ? sql`id` : sql`person_id, id`} LIMIT ${search.count} OFFSET ${search.offset}`.execute(db),
  ]);
  return { total: Number(total.rows[0]?.n ?? 0), records: page.rows.map(toRecord(search.type)) };
}

function rangeSql(column: RawBuilder<unknown>, range: InstantRange): RawBuilder<unknown>[] {
  return [
    ...(range.from ? [sql`${column} >= ${range.from}::timestamptz`] : []),
    ...(range.to ? [sql`${column} < ${range.to}::timestamptz`] : []),
  ];
}

/** Records of some types by id, for _include: what the page's records point at. */
export async function readFhirRecordsById(db: Kysely<Database>, type: ResourceType, ids: readonly string[]): Promise<FhirRecord[]> {
  if (ids.length === 0) return [];
  const rows = isSharedType(type)
    ? await sql<Row>`SELECT NULL AS person_id, id, version_id, last_updated, resource FROM shared_record WHERE resource_type = ${type} AND id = ANY(${[...ids]}::text[])`.execute(db)
    : await sql<Row>`SELECT person_id, id, version_id, last_updated, resource FROM record WHERE resource_type = ${type} AND id = ANY(${[...ids]}::text[])`.execute(db);
  return rows.rows.map(toRecord(type));
}

/**
 * The people a user may open without break-glass, or with a grant still running: those an open
 * episode or a waiting referral ties to one of the user's teams, those whose key worker the user is,
 * and those the user has broken glass for. The same relationships as personRelationships, read for
 * everyone at once so that searches and exports can be kept to them in SQL. A bulk export leaves
 * break-glass out: a grant is for one emergency, not for taking a copy.
 */
export async function openablePeople(db: Kysely<Database>, user: { id: string; teams: readonly string[]; practitionerId: string | null }, now: Date, options: { breakGlass: boolean } = { breakGlass: true }): Promise<string[]> {
  const teams = user.teams.map((t) => `Organization/${t}`);
  const practitioner = user.practitionerId ? `Practitioner/${user.practitionerId}` : null;
  const rows = await sql<{ person_id: string }>`
    SELECT person_id FROM record WHERE resource_type = 'EpisodeOfCare' AND status IN ('planned', 'waitlist', 'active', 'onhold')
      AND (resource->'managingOrganization'->>'reference' = ANY(${teams}::text[]) OR resource->'careManager'->>'reference' = ${practitioner})
    UNION
    SELECT person_id FROM record WHERE resource_type = 'ServiceRequest' AND status = 'active'
      AND jsonb_path_query_first(resource, '$.performer[*].reference') #>> '{}' = ANY(${teams}::text[])
    ${options.breakGlass ? sql`UNION SELECT person_id FROM break_glass WHERE user_id = ${user.id} AND expires_at > ${now}` : sql``}
    ORDER BY person_id`.execute(db);
  return rows.rows.map((r) => r.person_id);
}

/** Every current record of some people, type by type, for a bulk export: shared records too when asked. */
export async function* exportFhirRecords(db: Kysely<Database>, type: ResourceType, people: readonly string[]): AsyncGenerator<Record<string, unknown>[]> {
  const BATCH = 500;
  if (isSharedType(type)) {
    const rows = await sql<Row>`SELECT NULL AS person_id, id, version_id, last_updated, resource FROM shared_record WHERE resource_type = ${type} ORDER BY id`.execute(db);
    yield rows.rows.map((r) => withMeta(toRecord(type)(r)));
    return;
  }
  for (let i = 0; i < people.length; i += BATCH) {
    const slice = people.slice(i, i + BATCH);
    const rows = await sql<Row>`SELECT person_id, id, version_id, last_updated, resource FROM record
      WHERE person_id = ANY(${slice}::text[]) AND resource_type = ${type} ORDER BY person_id, id`.execute(db);
    yield rows.rows.map((r) => withMeta(toRecord(type)(r)));
  }
}

/** The resource as served: meta.versionId and meta.lastUpdated are the server's, added on the way out. */
export function withMeta(record: Pick<FhirRecord, 'versionId' | 'lastUpdated' | 'resource'>): Record<string, unknown> {
  const meta = (record.resource.meta as Record<string, unknown> | undefined) ?? {};
  return { ...record.resource, meta: { ...meta, versionId: String(record.versionId), lastUpdated: record.lastUpdated } };
}
