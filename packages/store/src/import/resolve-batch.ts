import { sharedResourceTypes, type ResourceType, type ValidResource } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { EncodedRecord } from '../records/copy-rows.ts';
import type { PreparedRecord } from '../records/prepare.ts';
import type { Database } from '../schema.ts';

export interface Candidate {
  valid: ValidResource;
  prepared: PreparedRecord | EncodedRecord;
  position: { line: number | null; entry?: number };
}

export interface Refusal {
  candidate: Candidate;
  field?: string;
  message: string;
}

const sharedTypes = new Set<ResourceType>(sharedResourceTypes);

/**
 * Checks a batch of valid resources against what is already stored: every reference must resolve
 * (to a stored record or one accepted earlier in the batch), a record may not move from one person
 * to another, and an NHS number may belong to one person only. Says whether none of the records
 * accepted is stored yet, so that a first import can be copied straight in.
 */
export async function resolveBatch(db: Kysely<Database>, batch: Candidate[]): Promise<{ accepted: Candidate[]; refused: Refusal[]; noneStored: boolean }> {
  const stored = await lookUpStored(db, batch);
  const nhsOwners = await lookUpNhsNumbers(db, batch);
  const acceptedKeys = new Set<string>();
  const claimedNhs = new Map<string, string>();
  const accepted: Candidate[] = [];
  const refused: Refusal[] = [];
  let noneStored = true;

  for (const candidate of batch) {
    const { valid } = candidate;
    const key = `${valid.type}/${valid.resource.id}`;
    const refusal = checkOne(candidate, key, stored, nhsOwners, acceptedKeys, claimedNhs);
    if (refusal) {
      refused.push(refusal);
      continue;
    }
    acceptedKeys.add(key);
    accepted.push(candidate);
    if (stored.has(key)) noneStored = false;
  }
  return { accepted, refused, noneStored };
}

function checkOne(
  candidate: Candidate,
  key: string,
  stored: Map<string, string | null>,
  nhsOwners: Map<string, string>,
  acceptedKeys: Set<string>,
  claimedNhs: Map<string, string>,
): Refusal | undefined {
  const { valid } = candidate;
  const owner = stored.get(key);
  if (owner && valid.personId && owner !== valid.personId) {
    return {
      candidate,
      field: 'id',
      message: `${key} is already recorded for Patient/${owner}; a record cannot be moved to Patient/${valid.personId} by import`,
    };
  }
  for (const ref of valid.references) {
    const target = `${ref.type}/${ref.id}`;
    if (target === key) continue;
    if (!stored.has(target) && !acceptedKeys.has(target)) {
      return { candidate, field: ref.path, message: `${ref.path} refers to ${target}, which does not exist (import it first)` };
    }
  }
  if (valid.type === 'Patient' && valid.resource.id) {
    const nhs = nhsNumberOf(valid);
    if (nhs) {
      const holder = claimedNhs.get(nhs) ?? nhsOwners.get(nhs);
      if (holder && holder !== valid.resource.id) {
        return { candidate, field: 'identifier', message: `NHS number ${nhs} already belongs to Patient/${holder}` };
      }
      claimedNhs.set(nhs, valid.resource.id);
    }
  }
  return undefined;
}

function nhsNumberOf(valid: ValidResource): string | undefined {
  const identifiers = (valid.resource.identifier as Array<{ system?: string; value?: string }> | undefined) ?? [];
  return identifiers.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number')?.value?.replace(/[\s-]/g, '');
}

/**
 * Stored records the batch mentions: itself (to detect moves) and its references. Value: person or null.
 *
 * Personal records and NHS numbers are looked up one index probe per value (a LATERAL subquery with
 * LIMIT, which the planner cannot turn into a scan). A bulk import outruns autovacuum's statistics, and
 * with none the planner answered `id = ANY(...)` by reading the whole partition on every batch: at 10k
 * people that was 73 ms a batch against 3 ms, growing with every record stored.
 */
async function lookUpStored(db: Kysely<Database>, batch: Candidate[]): Promise<Map<string, string | null>> {
  const wanted = new Map<ResourceType, Set<string>>();
  const want = (type: ResourceType, id: string) => {
    if (!wanted.has(type)) wanted.set(type, new Set());
    wanted.get(type)!.add(id);
  };
  for (const { valid } of batch) {
    want(valid.type, valid.resource.id);
    for (const ref of valid.references) want(ref.type, ref.id);
  }
  const found = new Map<string, string | null>();
  const personal = [...wanted].filter(([type]) => !sharedTypes.has(type));
  const shared = [...wanted].filter(([type]) => sharedTypes.has(type));
  await Promise.all([
    ...personal.map(async ([type, ids]) => {
      const rows = await storedPersonalRecords(type, [...ids]).execute(db);
      for (const row of rows.rows) found.set(`${type}/${row.id}`, row.person_id);
    }),
    ...shared.map(async ([type, ids]) => {
      const rows = await db.selectFrom('shared_record').select('id').where('resource_type', '=', type).where(anyOf('id', ids)).execute();
      for (const row of rows) found.set(`${type}/${row.id}`, null);
    }),
  ]);
  return found;
}

async function lookUpNhsNumbers(db: Kysely<Database>, batch: Candidate[]): Promise<Map<string, string>> {
  const numbers = batch.map((c) => (c.valid.type === 'Patient' ? nhsNumberOf(c.valid) : undefined)).filter((n): n is string => Boolean(n));
  if (numbers.length === 0) return new Map();
  const rows = await nhsNumberHolders(numbers).execute(db);
  return new Map(rows.rows.map((r) => [r.nhs_number, r.person_id]));
}

/** Which of these ids of one personal type are stored, and for whom: one index probe per id (see lookUpStored). */
export function storedPersonalRecords(type: ResourceType, ids: string[]) {
  return sql<{ id: string; person_id: string }>`
    SELECT w.id, r.person_id FROM unnest(${ids}::text[]) AS w (id)
    CROSS JOIN LATERAL (SELECT person_id FROM record WHERE resource_type = ${type} AND id = w.id LIMIT 1) AS r`;
}

/** Who holds each of these NHS numbers: one index probe per number. */
export function nhsNumberHolders(numbers: string[]) {
  return sql<{ nhs_number: string; person_id: string }>`
    SELECT w.nhs_number, p.person_id FROM unnest(${numbers}::text[]) AS w (nhs_number)
    CROSS JOIN LATERAL (SELECT person_id FROM person WHERE nhs_number = w.nhs_number LIMIT 1) AS p`;
}

/** One array parameter rather than a placeholder per value: one plan, however many ids a batch holds. */
function anyOf(column: 'id', values: Iterable<string>) {
  return sql<boolean>`${sql.ref(column)} = ANY(${[...values]}::text[])`;
}
