import { checkBlock, checkEntry, type CheckedBlock, type CheckedEntry } from './check-entry.ts';
import type { CheckPool } from './check-pool.ts';
import { BLOCK_BYTES, lineBlocks } from './line-blocks.ts';
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
 * Every entry of a source, checked, in file order. NDJSON is checked a block of lines at a time, by
 * the worker pool when there is one (several blocks ahead of the one being stored); Bundles and
 * single JSON files are checked on this thread.
 */
export async function* checkedEntries(source: ImportSource, pool: CheckPool | undefined, blockBytes = BLOCK_BYTES): AsyncGenerator<CheckedItem> {
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
  const check = (bytes: Uint8Array<ArrayBuffer>) => (pool ? pool.check(bytes, source.declaredType) : Promise.resolve(checkBlock(bytes, source.declaredType)));
  const ahead: Array<Promise<CheckedBlock & { bytesRead: number }>> = [];
  const depth = pool ? pool.size * 2 : 1;
  let linesBefore = 0;
  async function* take() {
    const block = await ahead.shift()!;
    for (const [i, checked] of block.results.entries()) yield { line: linesBefore + block.lines[i]!, checked, bytesRead: block.bytesRead };
    linesBefore += block.lineCount;
  }
  for await (const block of lineBlocks(source.path, blockBytes)) {
    const checking = check(block.bytes).then((checked) => ({ ...checked, bytesRead: block.bytesRead }));
    // A failure surfaces when its block's turn comes, not as an unhandled rejection before then.
    checking.catch(() => {});
    ahead.push(checking);
    if (ahead.length >= depth) yield* take();
  }
  while (ahead.length > 0) yield* take();
}

function typeOf(value: unknown): string | null {
  const type = (value as { resourceType?: unknown } | undefined)?.resourceType;
  return typeof type === 'string' ? type : null;
}

function idOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
