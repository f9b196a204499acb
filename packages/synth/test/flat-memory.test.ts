import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, 'support/live-heap.ts');

async function liveHeapMib(people: number): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(people)]);
  return Number(stdout.trim());
}

describe('generation memory', () => {
  it('keeps the live heap flat as the population grows tenfold (streams, holds nobody in memory)', async () => {
    const small = await liveHeapMib(1_000);
    const large = await liveHeapMib(10_000);
    // 9,000 more people may add under 8 MiB (< 1 KiB each): holding even their resource ids would not fit.
    expect(large - small).toBeLessThan(8);
  }, 120_000);
});
