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
    const small = await liveHeapMib(500);
    const large = await liveHeapMib(5_000);
    // 4,500 more people may add under 4 MiB (< 1 KiB each): holding even their resource ids would not fit.
    expect(large - small).toBeLessThan(4);
  }, 120_000);
});
