import { pathToNul, validateResource, type ResourceType, type ValidResource } from '@continuity/domain';
import type { EncodedRecord } from '../records/copy-rows.ts';
import { prepareRecord, type PreparedRecord } from '../records/prepare.ts';
import { splitBlock } from './line-blocks.ts';

/** One entry checked and made ready to store, or why it cannot be. Plain data: it crosses threads. */
export type CheckedEntry =
  | { ok: true; valid: ValidResource; prepared: PreparedRecord | EncodedRecord }
  | { ok: false; resourceType: string | null; id: string | null; field?: string; message: string };

/**
 * Validates a parsed entry and prepares its stored form (JSON, hash, time, status). Only a Patient
 * keeps its whole resource (the person projection reads it); other records keep what the import
 * still needs, so less crosses back from a worker thread.
 */
export function checkEntry(value: unknown, declaredType: ResourceType | undefined): CheckedEntry {
  const checked = validateResource(value, declaredType);
  if (!checked.ok) return { ok: false, resourceType: checked.resourceType ?? null, id: checked.id ?? null, field: checked.field, message: checked.message };
  const prepared = prepareRecord({ type: checked.type, id: checked.resource.id, personId: checked.personId, resource: checked.resource });
  // JSON writes a NUL as \u0000, so only text holding that is walked to find where it is.
  const nul = prepared.json.includes('\\u0000') ? pathToNul(prepared.resource) : undefined;
  if (nul !== undefined) return { ok: false, resourceType: checked.type, id: checked.resource.id, field: nul || undefined, message: `${nul || 'a key'} holds a NUL character, which no FHIR string may` };
  if (checked.type === 'Patient') return { ok: true, valid: checked, prepared };
  const slim = { resourceType: checked.type, id: checked.resource.id } as ValidResource['resource'];
  return { ok: true, valid: { ...checked, resource: slim }, prepared: { ...prepared, resource: slim } };
}

/** Parses one NDJSON line and checks it. */
export function checkLine(text: string, declaredType: ResourceType | undefined): CheckedEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, resourceType: null, id: null, message: `malformed JSON: ${(error as Error).message}` };
  }
  return checkEntry(value, declaredType);
}

/** A block's checked lines, each with its line number within the block, and how many lines it held. */
export interface CheckedBlock {
  results: CheckedEntry[];
  lines: number[];
  lineCount: number;
}

/** Splits a block of NDJSON into lines and checks each one that is not blank. */
export function checkBlock(bytes: Uint8Array, declaredType: ResourceType | undefined): CheckedBlock {
  const { texts, lines, lineCount } = splitBlock(bytes);
  return { results: texts.map((text) => checkLine(text, declaredType)), lines, lineCount };
}
