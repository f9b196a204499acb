/**
 * Keeps up to `depth` batches being written while the next one is read and validated, so a
 * PostgreSQL server works while Node parses. A batch that touches records still being written
 * (same ids, or references to them) waits for those writes first, so references always resolve
 * and the last version sent of a record always wins.
 */
export interface BatchKeys {
  /** "Type/id" of the records the batch writes. */
  writes: ReadonlySet<string>;
  /** "Type/id" of the records it refers to. */
  reads: ReadonlySet<string>;
}

export class BatchPipeline {
  private readonly running = new Map<Promise<void>, BatchKeys>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly depth: number) {}

  async add(keys: BatchKeys, write: () => Promise<void>, options: { alone?: boolean } = {}): Promise<void> {
    if (options.alone || this.overlaps(keys)) await this.drain();
    while (this.running.size >= this.depth) await Promise.race(this.running.keys());
    this.throwIfFailed();
    const task: Promise<void> = write()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(task));
    this.running.set(task, keys);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running.keys());
    this.throwIfFailed();
  }

  private overlaps(next: BatchKeys): boolean {
    for (const running of this.running.values()) {
      for (const key of next.writes) if (running.writes.has(key) || running.reads.has(key)) return true;
      for (const key of next.reads) if (running.writes.has(key)) return true;
    }
    return false;
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure.error;
  }
}
