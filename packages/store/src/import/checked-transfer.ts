import type { ResourceType, ValidResource } from '@continuity/domain';
import { copyRowViews, encodeCopyRows } from '../records/copy-rows.ts';
import type { PreparedRecord } from '../records/prepare.ts';
import type { CheckedEntry } from './check-entry.ts';

/**
 * Checked lines as they cross from a worker thread to the main one: one flat list of strings and
 * numbers, and the personal records' COPY rows in one buffer that is moved, not copied. Cloning a
 * tree of small objects per record (the check, the stored form, each reference) cost the two
 * threads about 10 µs a record, near what validating it costs; a flat list clones in about 2, and
 * the main thread builds the same objects from it in well under 1. Only a Patient's whole resource
 * is cloned, for the person projection.
 */
export interface PackedChecks {
  fields: unknown[];
  rows: ArrayBuffer | null;
}

const REFUSED = 0;
const PERSONAL = 1;
const SHARED = 2;

export function packChecks(results: CheckedEntry[]): { packed: PackedChecks; transfer: ArrayBuffer[] } {
  const personal = results.flatMap((r) => (r.ok && r.prepared.personId !== undefined ? [r.prepared as PreparedRecord] : []));
  const encoded = personal.length > 0 ? encodeCopyRows(personal) : undefined;
  const fields: unknown[] = [];
  let row = 0;
  for (const r of results) {
    if (!r.ok) {
      fields.push(REFUSED, r.resourceType, r.id, r.field ?? null, r.message);
      continue;
    }
    const { valid } = r;
    const prepared = r.prepared as PreparedRecord;
    const patient = valid.type === 'Patient' ? valid.resource : null;
    if (prepared.personId !== undefined) fields.push(PERSONAL, valid.type, prepared.id, prepared.personId, encoded!.ends[row++]);
    else fields.push(SHARED, valid.type, prepared.id, null, prepared.json);
    fields.push(prepared.contentHash, prepared.occurredAt, prepared.status, patient, valid.references.length);
    for (const ref of valid.references) fields.push(ref.path, ref.type, ref.id);
  }
  return { packed: { fields, rows: encoded?.buffer ?? null }, transfer: encoded ? [encoded.buffer] : [] };
}

/** The checked entries packChecks packed, as checking them on this thread gives them (with COPY rows for JSON). */
export function unpackChecks({ fields, rows }: PackedChecks): CheckedEntry[] {
  const ends: number[] = [];
  for (let i = 0; i < fields.length; ) {
    if (fields[i] === REFUSED) {
      i += 5;
      continue;
    }
    if (fields[i] === PERSONAL) ends.push(fields[i + 4] as number);
    i += 10 + 3 * (fields[i + 9] as number);
  }
  const views = rows ? copyRowViews(rows, ends) : [];
  const results: CheckedEntry[] = [];
  let row = 0;
  for (let i = 0; i < fields.length; ) {
    const tag = fields[i];
    if (tag === REFUSED) {
      const field = fields[i + 3] as string | null;
      results.push({ ok: false, resourceType: fields[i + 1] as string | null, id: fields[i + 2] as string | null, ...(field === null ? {} : { field }), message: fields[i + 4] as string });
      i += 5;
      continue;
    }
    const type = fields[i + 1] as ResourceType;
    const id = fields[i + 2] as string;
    const personId = (fields[i + 3] as string | null) ?? undefined;
    const resource = (fields[i + 8] as ValidResource['resource'] | null) ?? ({ resourceType: type, id } as ValidResource['resource']);
    const count = fields[i + 9] as number;
    const references: ValidResource['references'] = [];
    for (let j = i + 10; j < i + 10 + 3 * count; j += 3) references.push({ path: fields[j] as string, type: fields[j + 1] as ResourceType, id: fields[j + 2] as string });
    const stored = { contentHash: fields[i + 5] as string, occurredAt: fields[i + 6] as string | null, status: fields[i + 7] as string | null };
    const prepared = tag === PERSONAL ? { type, id, personId, resource, ...stored, copyRow: views[row++]! } : { type, id, personId, resource, ...stored, json: fields[i + 4] as string };
    results.push({ ok: true, valid: { ok: true, type, resource, personId, references }, prepared });
    i += 10 + 3 * count;
  }
  return results;
}
