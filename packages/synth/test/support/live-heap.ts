/**
 * Run with --expose-gc: generates a population and prints the largest live heap seen after a full
 * collection at each progress report, in MiB. Run as its own process so nothing else shares the heap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePopulation } from '@continuity/synth';

const people = Number(process.argv[2]);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const outDir = mkdtempSync(join(tmpdir(), 'continuity-heap-'));
let largest = 0;
try {
  await generatePopulation({
    people,
    seed: 7,
    asOf: '2026-06-30',
    outDir,
    onProgress: () => {
      gc();
      largest = Math.max(largest, process.memoryUsage().heapUsed);
    },
  });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
process.stdout.write(`${(largest / 2 ** 20).toFixed(1)}\n`);
