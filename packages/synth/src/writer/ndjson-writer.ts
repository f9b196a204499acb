import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { resourceTypes, type ResourceType } from '@continuity/domain';

/** A generated FHIR resource, serialised in the key order it was built in (which keeps bytes stable). */
export type Resource = { resourceType: ResourceType; id: string } & Record<string, unknown>;

const CHUNK_CHARS = 1 << 18;

/**
 * One NDJSON file per resource type generated (a type nobody generates, such as the summaries the
 * platform itself sends to GPs, gets no file). Lines are gathered into chunks per file and written with
 * backpressure: when a file stream's buffer is full, `drained()` waits for it, so memory stays flat
 * however many people are generated.
 */
export class NdjsonWriter {
  private readonly streams = new Map<ResourceType, WriteStream>();
  private readonly pending = new Map<ResourceType, { lines: string[]; chars: number }>();
  private readonly blocked = new Set<ResourceType>();
  readonly counts: Record<string, number> = {};

  constructor(private readonly outDir: string) {
    mkdirSync(outDir, { recursive: true });
    for (const type of resourceTypes) {
      this.pending.set(type, { lines: [], chars: 0 });
      this.counts[type] = 0;
    }
  }

  private streamOf(type: ResourceType): WriteStream {
    let stream = this.streams.get(type);
    if (!stream) this.streams.set(type, (stream = createWriteStream(join(this.outDir, `${type}.ndjson`))));
    return stream;
  }

  write(resource: Resource): void {
    const type = resource.resourceType;
    const pending = this.pending.get(type)!;
    this.streamOf(type);
    const line = JSON.stringify(resource);
    pending.lines.push(line);
    pending.chars += line.length + 1;
    this.counts[type]! += 1;
    if (pending.chars >= CHUNK_CHARS) {
      const text = pending.lines.join('\n') + '\n';
      pending.lines = [];
      pending.chars = 0;
      if (!this.streams.get(type)!.write(text)) this.blocked.add(type);
    }
  }

  /** True when a file is waiting for its buffer to drain: call drained() before writing more. */
  get needsDrain(): boolean {
    return this.blocked.size > 0;
  }

  async drained(): Promise<void> {
    const waits = [...this.blocked].map((type) => once(this.streams.get(type)!, 'drain'));
    this.blocked.clear();
    await Promise.all(waits);
  }

  async close(): Promise<void> {
    const closing = [...this.streams].map(async ([type, stream]) => {
      const rest = this.pending.get(type)!;
      if (rest.lines.length > 0) stream.write(rest.lines.join('\n') + '\n');
      stream.end();
      await once(stream, 'finish');
    });
    await Promise.all(closing);
  }

  /** Closes the files without waiting, after a failure. */
  abort(): void {
    for (const stream of this.streams.values()) stream.destroy();
  }
}
