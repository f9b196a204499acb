import { describe, expect, it } from 'vitest';
import { readAhead } from '../src/records/read-ahead.ts';

describe('readAhead', () => {
  it('gives each slice in order, the next read started before one is handed over and never more than one ahead', async () => {
    const started: number[] = [];
    const seen: Array<{ slice: number; startedBefore: number[] }> = [];
    for await (const slice of readAhead([1, 2, 3], async (s) => (started.push(s), s))) seen.push({ slice, startedBefore: [...started] });
    expect(seen).toEqual([
      { slice: 1, startedBefore: [1, 2] },
      { slice: 2, startedBefore: [1, 2, 3] },
      { slice: 3, startedBefore: [1, 2, 3] },
    ]);
  });

  it('gives the read error, and leaves no read ahead unhandled when the caller stops early', async () => {
    const failing = async (s: number) => (s === 2 ? Promise.reject(new Error('slice 2 failed')) : s);
    const read = async () => { for await (const _ of readAhead([1, 2, 3], failing)); };
    await expect(read()).rejects.toThrow('slice 2 failed');
    const stopEarly = async () => { for await (const s of readAhead([1, 2], failing)) if (s === 1) throw new Error('judging failed'); };
    await expect(stopEarly()).rejects.toThrow('judging failed');
  });

  it('reads nothing for no slices', async () => {
    const got: number[] = [];
    for await (const s of readAhead([], async (x: number) => x)) got.push(s);
    expect(got).toEqual([]);
  });
});
