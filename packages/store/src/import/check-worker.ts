import { parentPort } from 'node:worker_threads';
import type { ResourceType } from '@continuity/domain';
import { checkBlock } from './check-entry.ts';
import { packChecks } from './checked-transfer.ts';

/** Checks blocks of NDJSON off the main thread, which is left to resolve references and write. */
parentPort!.on('message', (job: { id: number; bytes: Uint8Array; declaredType?: ResourceType }) => {
  const { results, lines, lineCount } = checkBlock(job.bytes, job.declaredType);
  const { packed, transfer } = packChecks(results);
  parentPort!.postMessage({ id: job.id, packed, lines, lineCount }, transfer);
});
