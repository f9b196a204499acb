import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckPool } from '../src/import/check-pool.ts';
import { checkedEntries } from '../src/import/checked-entries.ts';

const folder = mkdtempSync(join(tmpdir(), 'continuity-line-blocks-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What Node's readline makes of a file, the reading the block reader replaced: each non-blank line with its number. */
async function readlineLines(path: string): Promise<Array<{ line: number; text: string }>> {
  const lines: Array<{ line: number; text: string }> = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() !== '') lines.push({ line, text });
  }
  return lines;
}

/**
 * A line that fails validation in a way that names it: an Appointment without a status keeps its id
 * in the refusal, so the line number the import reports can be matched to the line readline saw.
 */
const namedLine = fc.tuple(fc.nat({ max: 99_999 }), fc.constantFrom('', 'é', '😀 Zoë', 'a'.repeat(300))).map(([n, note]) => ({ id: `line-${n}`, note }));
const piece = fc.oneof(
  namedLine.map(({ id, note }) => JSON.stringify({ resourceType: 'Appointment', id, comment: note })),
  fc.constantFrom('\n', '\r\n', '\r', '   ', '\n\n', '\t', '{"broken":'),
);

/** The id of a line that is one whole JSON object, as a refusal names it; null for malformed JSON. */
function idIn(text: string): string | null {
  try {
    return (JSON.parse(text) as { id?: string }).id ?? null;
  } catch {
    return null;
  }
}

describe('NDJSON read in blocks of bytes', () => {
  it.each([
    ['on this thread', 0],
    ['on a worker thread', 1],
  ])('numbers every line as readline does, %s, whatever the block size and line breaks', async (_name, workers) => {
    const pool = workers > 0 ? new CheckPool(workers) : undefined;
    let files = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 400 }), async (pieces, blockBytes) => {
          const path = join(folder, `Appointment-${files++}.ndjson`);
          writeFileSync(path, pieces.join(''));
          const expected = await readlineLines(path);
          const seen: Array<{ line: number | null; id: string | null }> = [];
          for await (const item of checkedEntries({ path, format: 'ndjson', declaredType: 'Appointment', bytes: 0 }, pool, blockBytes)) {
            expect(item.checked.ok).toBe(false);
            seen.push({ line: item.line, id: item.checked.ok ? null : item.checked.id });
          }
          expect(seen.map((s) => s.line)).toEqual(expected.map((e) => e.line));
          expect(seen.map((s) => s.id)).toEqual(expected.map((e) => idIn(e.text)));
        }),
        { numRuns: 150, seed: 20261126 },
      );
    } finally {
      await pool?.close();
    }
    expect(files).toBe(150);
  });
});
