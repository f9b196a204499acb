import { readDemographics } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { boardRecordsChanged } from '../board/board-person-changes.ts';
import type { BulkTransaction } from '../database.ts';
import { engagementRecordTypes, engagementRecordsChanged } from '../engagement/engagement-state.ts';
import type { Database } from '../schema.ts';
import { COPIED_COLUMNS, copyRows, jsonOf, type EncodedRecord } from './copy-rows.ts';
import { prepareRecord, type IncomingRecord, type PreparedRecord } from './prepare.ts';

export interface WriteOptions {
  /** The caller found, in this transaction, that none of these records is stored yet (a first import). */
  noneStored?: boolean;
}

type Written = PreparedRecord | EncodedRecord;

export interface WriteOutcome {
  created: Written[];
  updated: Written[];
  unchanged: Written[];
}

/**
 * Creates or updates records in one statement per table. A record whose content is unchanged is
 * left alone (same version, same timestamp), which is what makes imports idempotent. Call inside a
 * transaction: the person projection and the records must change together.
 */
export async function writeRecords(target: Kysely<Database> | BulkTransaction, incoming: Array<IncomingRecord | Written>, options: WriteOptions = {}): Promise<WriteOutcome> {
  const bulk = 'copyText' in target ? target : undefined;
  const db = bulk ? bulk.db : (target as Kysely<Database>);
  const prepared = lastOfEach(incoming.map((r) => ('json' in r || 'copyRow' in r ? r : prepareRecord(r))));
  const personal = prepared.filter((r) => r.personId !== undefined);
  const shared = prepared.filter((r) => r.personId === undefined);
  const changed = new Map<string, boolean>();

  if (personal.length > 0) {
    const copy = options.noneStored ? insertCopied : upsertCopied;
    // Rows a worker encoded are copied however few: that is cheaper than reading their JSON back.
    const copying = bulk && (personal.length >= COPY_FROM || personal.some((r) => 'copyRow' in r));
    const rows = copying ? await copy(bulk, personal) : await upsertUnnested(db, personal);
    for (const row of rows) changed.set(`${row.resource_type}/${row.id}`, row.created);
  }
  if (shared.length > 0) {
    const rows = await sql<{ resource_type: string; id: string; created: boolean }>`
      INSERT INTO shared_record AS r (resource_type, id, content_hash, status, resource)
      SELECT resource_type, id, content_hash, status, resource::jsonb
      FROM unnest(${shared.map((r) => r.type)}::text[], ${shared.map((r) => r.id)}::text[],
                  ${shared.map((r) => r.contentHash)}::text[], ${shared.map((r) => r.status)}::text[],
                  ${shared.map(jsonOf)}::text[]) AS t(resource_type, id, content_hash, status, resource)
      ON CONFLICT (resource_type, id) DO UPDATE SET
        version_id = r.version_id + 1, last_updated = now(), content_hash = excluded.content_hash,
        status = excluded.status, resource = excluded.resource
      WHERE r.content_hash <> excluded.content_hash
      RETURNING resource_type, id, (version_id = 1) AS created`.execute(db);
    for (const row of rows.rows) changed.set(`${row.resource_type}/${row.id}`, row.created);
  }

  const outcome: WriteOutcome = { created: [], updated: [], unchanged: [] };
  for (const record of prepared) {
    const created = changed.get(`${record.type}/${record.id}`);
    if (created === undefined) outcome.unchanged.push(record);
    else (created ? outcome.created : outcome.updated).push(record);
  }
  const patients = [...outcome.created, ...outcome.updated].filter((r) => r.type === 'Patient');
  if (patients.length > 0) await writePersons(db, patients);
  const written = [...outcome.created, ...outcome.updated].filter((r) => r.personId !== undefined);
  await engagementRecordsChanged(db, written.filter((r) => engagementRecordTypes.has(r.type)).map((r) => r.personId!));
  await boardRecordsChanged(db, written.map((r) => r.personId!));
  return outcome;
}

/** Below this many rows the extra statements of COPY cost more than they save. */
const COPY_FROM = 50;

type Upserted = { resource_type: string; id: string; created: boolean };

const RECORD_UPSERT = sql`
  ON CONFLICT (person_id, resource_type, id) DO UPDATE SET
    version_id = r.version_id + 1, last_updated = now(), content_hash = excluded.content_hash,
    occurred_at = excluded.occurred_at, status = excluded.status, resource = excluded.resource
  WHERE r.content_hash <> excluded.content_hash
  RETURNING resource_type, id, (version_id = 1) AS created`;

async function upsertUnnested(db: Kysely<Database>, personal: Written[]): Promise<Upserted[]> {
  const result = await sql<Upserted>`
    INSERT INTO record AS r (person_id, resource_type, id, content_hash, occurred_at, status, resource)
    SELECT person_id, resource_type, id, content_hash, occurred_at, status, resource::jsonb
    FROM unnest(${personal.map((r) => r.personId)}::text[], ${personal.map((r) => r.type)}::text[],
                ${personal.map((r) => r.id)}::text[], ${personal.map((r) => r.contentHash)}::text[],
                ${personal.map((r) => r.occurredAt)}::timestamptz[], ${personal.map((r) => r.status)}::text[],
                ${personal.map(jsonOf)}::text[])
      AS t(person_id, resource_type, id, content_hash, occurred_at, status, resource)
    ${RECORD_UPSERT}`.execute(db);
  return result.rows;
}

/** COPY into a table private to this transaction, then one set-based upsert from it. */
async function upsertCopied(bulk: BulkTransaction, personal: Written[]): Promise<Upserted[]> {
  await sql`CREATE TEMP TABLE incoming_record (person_id text, resource_type text, id text, content_hash text,
    occurred_at timestamptz, status text, resource text) ON COMMIT DROP`.execute(bulk.db);
  await bulk.copyText('incoming_record', COPIED_COLUMNS, copyRows(personal));
  const result = await sql<Upserted>`
    INSERT INTO record AS r (person_id, resource_type, id, content_hash, occurred_at, status, resource)
    SELECT person_id, resource_type, id, content_hash, occurred_at, status, resource::jsonb FROM incoming_record
    ${RECORD_UPSERT}`.execute(bulk.db);
  return result.rows;
}

/**
 * COPY straight into the records, for records the caller found not stored, in this transaction (a
 * first import): each is created at version 1, as the upsert would create it, without the staging
 * table. Should another writer store one of them meanwhile, the unique key refuses the whole COPY.
 */
async function insertCopied(bulk: BulkTransaction, personal: Written[]): Promise<Upserted[]> {
  // Every row will be created: noting the change first spares each row the marker's trigger (migration 031).
  await sql`SELECT mark_data_changed()`.execute(bulk.db);
  await bulk.copyText('record', COPIED_COLUMNS, copyRows(personal));
  return personal.map((r) => ({ resource_type: r.type, id: r.id, created: true }));
}

/**
 * Patients a statement: a row binds 18 values and a statement at most 65,535, so an import's batch of
 * 3,641 Patients or more failed as one statement and was stored a record at a time.
 */
const PERSONS_A_STATEMENT = 1000;

/** The person projection (demographics, name words) of Patients written; exported for the FHIR API's updates. */
export async function writePersons(db: Kysely<Database>, patients: Written[]) {
  for (let i = 0; i < patients.length; i += PERSONS_A_STATEMENT) await writePersonRows(db, patients.slice(i, i + PERSONS_A_STATEMENT));
}

async function writePersonRows(db: Kysely<Database>, patients: Written[]) {
  const rows = patients.map((p) => {
    const d = readDemographics(p.resource);
    return {
      person_id: p.id,
      nhs_number: d.nhsNumber,
      family_name: d.familyName,
      given_names: d.givenNames,
      birth_date: d.birthDate,
      gender: d.gender,
      deceased_at: d.deceasedAt,
      postcode: d.postcode,
      ethnic_category: d.ethnicCategory,
      sexual_orientation: d.sexualOrientation,
      gender_identity: d.genderIdentity,
      religion: d.religion,
      disabilities: d.disabilities,
      first_language: d.firstLanguage,
      interpreter_required: d.interpreterRequired,
      accommodation_status: d.accommodationStatus,
      gp_practice_id: d.gpPracticeId,
      phone: d.phone,
    };
  });
  await db
    .insertInto('person')
    .values(rows)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet((eb) => ({
        nhs_number: eb.ref('excluded.nhs_number'),
        family_name: eb.ref('excluded.family_name'),
        given_names: eb.ref('excluded.given_names'),
        birth_date: eb.ref('excluded.birth_date'),
        gender: eb.ref('excluded.gender'),
        deceased_at: eb.ref('excluded.deceased_at'),
        postcode: eb.ref('excluded.postcode'),
        ethnic_category: eb.ref('excluded.ethnic_category'),
        sexual_orientation: eb.ref('excluded.sexual_orientation'),
        gender_identity: eb.ref('excluded.gender_identity'),
        religion: eb.ref('excluded.religion'),
        disabilities: eb.ref('excluded.disabilities'),
        first_language: eb.ref('excluded.first_language'),
        interpreter_required: eb.ref('excluded.interpreter_required'),
        accommodation_status: eb.ref('excluded.accommodation_status'),
        gp_practice_id: eb.ref('excluded.gp_practice_id'),
        phone: eb.ref('excluded.phone'),
      })),
    )
    .execute();
  const ids = rows.map((r) => r.person_id);
  await sql`DELETE FROM person_name_word WHERE person_id = ANY(${ids}::text[])`.execute(db);
  await sql`
    INSERT INTO person_name_word (person_id, word)
    SELECT p.person_id, w FROM person p CROSS JOIN LATERAL person_name_words(p.given_names, p.family_name) w
    WHERE p.person_id = ANY(${ids}::text[])`.execute(db);
}

/** One statement cannot touch a row twice, so when an id repeats the last version sent wins. */
function lastOfEach(records: Written[]): Written[] {
  const byKey = new Map<string, Written>();
  for (const record of records) {
    const key = `${record.type}/${record.id}`;
    byKey.delete(key);
    byKey.set(key, record);
  }
  return [...byKey.values()];
}
