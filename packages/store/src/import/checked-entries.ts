import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkEntry, checkLine, type CheckedEntry } from './check-entry.ts';
import type { CheckPool } from './check-pool.ts';
import { readEntries } from './read-entries.ts';
import type { ImportSource } from './sources.ts';

export interface CheckedItem {
  line: number | null;
  entry?: number;
  checked: CheckedEntry;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: number;
}

/**
 * Every entry of a source, checked, in file order. NDJSON lines are checked in chunks, by the worker
 * pool when there is one (several chunks ahead of the one being stored); Bundles and single JSON
 * files are checked on this thread.
 */
export async function* checkedEntries(source: ImportSource, pool: CheckPool | undefined, chunkSize: number): AsyncGenerator<CheckedItem> {
  if (source.format !== 'ndjson') {
    for await (const item of readEntries(source)) {
      const checked: CheckedEntry =
        item.problem !== undefined
          ? { ok: false, resourceType: typeOf(item.value), id: idOf(item.value), message: item.problem }
          : checkEntry(item.value, source.declaredType);
      yield { line: item.line, entry: item.entry, checked, bytesRead: item.bytesRead };
    }
    return;
  }
  const check = (texts: string[]) => (pool ? pool.check(texts, source.declaredType) : Promise.resolve(texts.map((t) => checkLine(t, source.declaredType))));
  const ahead: Array<Promise<{ lines: number[]; results: CheckedEntry[]; bytesRead: number }>> = [];
  const depth = pool ? pool.size * 2 : 1;
  async function* take() {
    const chunk = await ahead.shift()!;
    for (const [i, checked] of chunk.results.entries()) yield { line: chunk.lines[i]!, checked, bytesRead: chunk.bytesRead };
  }
  for await (const chunk of lineChunks(source, chunkSize)) {
    const checking = check(chunk.texts).then((results) => ({ lines: chunk.lines, results, bytesRead: chunk.bytesRead }));
    // A failure surfaces when its chunk's turn comes, not as an unhandled rejection before then.
    checking.catch(() => {});
    ahead.push(checking);
    if (ahead.length >= depth) yield* take();
  }
  while (ahead.length > 0) yield* take();
}

async function* lineChunks(source: ImportSource, size: number) {
  const lines = createInterface({ input: createReadStream(source.path, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let chunk = { lines: [] as number[], texts: [] as string[], bytesRead: 0 };
  let line = 0;
  let bytesRead = 0;
  for await (const text of lines) {
    line += 1;
    bytesRead += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    chunk.lines.push(line);
    chunk.texts.push(text);
    if (chunk.texts.length >= size) {
      yield { ...chunk, bytesRead };
      chunk = { lines: [], texts: [], bytesRead: 0 };
    }
  }
  if (chunk.texts.length > 0) yield { ...chunk, bytesRead };
}

function typeOf(value: unknown): string | null {
  const type = (value as { resourceType?: unknown } | undefined)?.resourceType;
  return typeof type === 'string' ? type : null;
}

function idOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
