import { readFileSync } from 'node:fs';
import { unpackBundle } from './bundle.ts';
import type { ImportSource } from './sources.ts';

/** One thing to import, or the reason it cannot be read, with where it came from. */
export interface SourceEntry {
  line: number | null;
  entry?: number;
  value?: unknown;
  problem?: string;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: number;
}

/** The entries of a JSON file: one resource, or a Bundle's entries. NDJSON is read in checked-entries.ts. */
export async function* readEntries(source: ImportSource): AsyncGenerator<SourceEntry> {
  yield* readJson(source);
}

async function* readJson(source: ImportSource): AsyncGenerator<SourceEntry> {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(source.path, 'utf8'));
  } catch (error) {
    yield { line: null, problem: `malformed JSON: ${(error as Error).message}`, bytesRead: source.bytes };
    return;
  }
  const isBundle = (document as { resourceType?: unknown } | null)?.resourceType === 'Bundle';
  if (!isBundle) {
    yield { line: 1, value: document, bytesRead: source.bytes };
    return;
  }
  const entries = unpackBundle(document as Record<string, unknown>);
  if ('problem' in entries) {
    yield { line: null, problem: entries.problem, bytesRead: source.bytes };
    return;
  }
  for (const entry of entries) {
    yield { line: null, entry: entry.entry, value: entry.resource, problem: entry.problem, bytesRead: source.bytes };
  }
}
