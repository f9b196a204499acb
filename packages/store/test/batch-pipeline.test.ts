import { describe, expect, it } from 'vitest';
import { BatchPipeline } from '../src/import/batch-pipeline.ts';

const keys = (writes: string[], reads: string[] = []) => ({ writes: new Set(writes), reads: new Set(reads) });
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BatchPipeline', () => {
  it('runs independent batches side by side, up to its depth', async () => {
    const pipeline = new BatchPipeline(2);
    let running = 0;
    let most = 0;
    const write = async () => {
      running += 1;
      most = Math.max(most, running);
      await later(10);
      running -= 1;
    };
    for (let i = 0; i < 6; i += 1) await pipeline.add(keys([`Flag/${i}`], ['Patient/p']), write);
    await pipeline.drain();
    expect(most).toBe(2);
  });

  it('waits for a batch that writes what the next one writes or reads', async () => {
    const pipeline = new BatchPipeline(4);
    const order: string[] = [];
    const step = (name: string, ms: number) => async () => {
      await later(ms);
      order.push(name);
    };
    await pipeline.add(keys(['Encounter/a']), step('writes a', 30));
    await pipeline.add(keys(['Encounter/b'], ['Encounter/a']), step('reads a', 0));
    await pipeline.add(keys(['Encounter/b']), step('rewrites b', 0));
    await pipeline.drain();
    expect(order).toEqual(['writes a', 'reads a', 'rewrites b']);
  });

  it('runs a batch marked alone after everything before it', async () => {
    const pipeline = new BatchPipeline(4);
    const order: string[] = [];
    await pipeline.add(keys(['Flag/1']), async () => {
      await later(20);
      order.push('first');
    });
    await pipeline.add(keys(['Patient/2']), async () => void order.push('alone'), { alone: true });
    await pipeline.drain();
    expect(order).toEqual(['first', 'alone']);
  });

  it('reports a failed write instead of losing it', async () => {
    const pipeline = new BatchPipeline(2);
    await pipeline.add(keys(['Flag/1']), async () => {
      throw new Error('connection lost');
    });
    await expect(pipeline.drain()).rejects.toThrow('connection lost');
  });
});
