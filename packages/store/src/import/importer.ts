import { basename } from 'node:path';
import { rebuildStaleEngagementState } from '../engagement/engagement-state.ts';
import type { Store } from '../database.ts';
import { recordAudit, type AuditEntry } from '../audit/audit-log.ts';
import { writeRecords, type WriteOutcome } from '../records/write-records.ts';
import { CheckPool } from './check-pool.ts';
import { checkedEntries } from './checked-entries.ts';
import { BatchPipeline, type BatchKeys } from './batch-pipeline.ts';
import { resolveBatch, type Candidate, type Refusal } from './resolve-batch.ts';
import { listSources, type ImportSource } from './sources.ts';

export interface ImportError {
  file: string;
  line: number | null;
  entry?: number;
  resourceType: string | null;
  id: string | null;
  field?: string;
  message: string;
}

export interface ImportReport {
  /** Records accepted: created, updated, or already stored exactly as sent. */
  imported: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  /** Set when there were more errors than are listed. */
  errorsNotListed?: number;
}

export interface ImportProgress {
  file: string;
  fileIndex: number;
  files: number;
  bytesDone: number;
  bytesTotal: number;
  records: number;
  /** Set once the records are in, while everyone's engagement state is rebuilt. */
  engagementState?: { done: number; total: number };
}

export interface ImportOptions {
  actor?: { id: string; role: string };
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  maxErrorsListed?: number;
  /** Threads checking NDJSON lines; 0 checks them on this thread. Default: by size and cores. */
  workers?: number;
}

/** Below this much NDJSON, starting worker threads costs more than it saves. */
const WORKERS_FROM_BYTES = 4 << 20;

const DEFAULT_ACTOR = { id: 'system:import', role: 'system' };

/**
 * Imports FHIR R4 NDJSON files and Bundles. Each record stands or falls alone: an invalid record is
 * reported with its file, line and field and nothing of it is stored, while valid records around it
 * are stored in batches for speed. Re-importing the same files changes nothing.
 */
export async function importPath(store: Store, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const sources = listSources(path);
  const bytesTotal = sources.reduce((sum, s) => sum + s.bytes, 0);
  const batchSize = options.batchSize ?? 2000;
  const maxErrors = options.maxErrorsListed ?? 10_000;
  const report: ImportReport = { imported: 0, rejected: 0, created: 0, updated: 0, unchanged: 0, errors: [] };
  let bytesBefore = 0;

  const reject = (error: ImportError) => {
    report.rejected += 1;
    if (report.errors.length < maxErrors) report.errors.push(error);
    else report.errorsNotListed = (report.errorsNotListed ?? 0) + 1;
  };

  // PGlite runs in this thread, so only a server gains from writing while the next batch is read.
  const pipeline = new BatchPipeline(store.kind === 'postgres' ? 2 : 1);

  const workers = options.workers ?? (bytesTotal >= WORKERS_FROM_BYTES ? CheckPool.defaultSize() : 0);
  const pool = workers > 0 ? new CheckPool(workers) : undefined;
  try {
    for (const [fileIndex, source] of sources.entries()) {
      const file = basename(source.path);
      let batch: Candidate[] = [];
      let bytesInFile = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const written = batch;
        batch = [];
        // NHS numbers must be unique across people: patients are checked and written one batch at a time.
        const alone = written.some((c) => c.valid.type === 'Patient');
        await pipeline.add(keysTouched(written), () => storeBatch(store, source, written, report, reject, options.actor ?? DEFAULT_ACTOR), { alone });
        options.onProgress?.({
          file, fileIndex, files: sources.length, bytesDone: bytesBefore + bytesInFile, bytesTotal,
          records: report.imported + report.rejected,
        });
      };

      for await (const item of checkedEntries(source, pool)) {
        bytesInFile = item.bytesRead;
        const at = { file, line: item.line, entry: item.entry };
        const { checked } = item;
        if (!checked.ok) {
          reject({ ...at, resourceType: checked.resourceType, id: checked.id, field: checked.field, message: checked.message });
          continue;
        }
        batch.push({ valid: checked.valid, prepared: checked.prepared, position: { line: item.line, entry: item.entry } });
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      // The next file's records may refer to this one's: they must all be stored first.
      await pipeline.drain();
      bytesBefore += source.bytes;
    }
  } finally {
    await pool?.close();
  }
  // PGlite runs no autovacuum, so without this its planner would never have statistics for what was
  // imported. A server's autovacuum gathers them within a minute or so; doing it here cost a 10k import 7%.
  if (store.kind === 'pglite' && report.created + report.updated > 0) await store.exec('ANALYZE record, shared_record, person, engagement_state');
  // Rebuilt now, so the first worklist after an import does not wait for it.
  await rebuildStaleEngagementState(store.db, {
    onProgress: (done, total) =>
      options.onProgress?.({ file: 'engagement state', fileIndex: sources.length - 1, files: sources.length, bytesDone: bytesTotal, bytesTotal, records: report.imported + report.rejected, engagementState: { done, total } }),
  });
  const order = new Map(sources.map((s, i) => [basename(s.path), i]));
  report.errors.sort((a, b) => order.get(a.file)! - order.get(b.file)! || (a.line ?? a.entry ?? 0) - (b.line ?? b.entry ?? 0));
  return report;
}

async function storeBatch(
  store: Store,
  source: ImportSource,
  batch: Candidate[],
  report: ImportReport,
  reject: (error: ImportError) => void,
  actor: { id: string; role: string },
) {
  const file = basename(source.path);
  const refusalToError = (r: Refusal): ImportError => ({
    file,
    line: r.candidate.position.line,
    entry: r.candidate.position.entry,
    resourceType: r.candidate.valid.type,
    id: r.candidate.valid.resource.id,
    field: r.field,
    message: r.message,
  });

  try {
    const outcome = await store.bulkTransaction(async (tx) => {
      const { accepted, refused, noneStored } = await resolveBatch(tx.db, batch);
      const written = await writeRecords(tx, accepted.map(toIncoming), { noneStored });
      await recordAudit(tx.db, auditEntries(written, actor, file));
      return { refused, written };
    });
    outcome.refused.forEach((r) => reject(refusalToError(r)));
    tally(report, outcome.written);
  } catch (batchError) {
    if (batch.length === 1) {
      reject(refusalToError({ candidate: batch[0]!, message: `could not be stored: ${databaseMessage(batchError)}` }));
      return;
    }
    // Something in the batch broke the statement: store each record on its own to find which.
    for (const candidate of batch) await storeBatch(store, source, [candidate], report, reject, actor);
  }
}

function keysTouched(batch: Candidate[]): BatchKeys {
  const writes = new Set<string>();
  const reads = new Set<string>();
  for (const { valid } of batch) {
    writes.add(`${valid.type}/${valid.resource.id}`);
    for (const ref of valid.references) reads.add(`${ref.type}/${ref.id}`);
  }
  return { writes, reads };
}

function toIncoming(candidate: Candidate) {
  return candidate.prepared;
}

function tally(report: ImportReport, written: WriteOutcome) {
  report.created += written.created.length;
  report.updated += written.updated.length;
  report.unchanged += written.unchanged.length;
  report.imported += written.created.length + written.updated.length + written.unchanged.length;
}

/** One audit entry per person whose record the import changed. */
function auditEntries(written: WriteOutcome, actor: { id: string; role: string }, file: string): AuditEntry[] {
  const perPerson = new Map<string, number>();
  for (const record of [...written.created, ...written.updated]) {
    if (record.personId) perPerson.set(record.personId, (perPerson.get(record.personId) ?? 0) + 1);
  }
  return [...perPerson].map(([personId, records]) => ({
    actorId: actor.id,
    actorRole: actor.role,
    action: 'import',
    personId,
    basis: 'import' as const,
    outcome: 'allowed' as const,
    detail: { source: file, records },
  }));
}

function databaseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}
