import { parentPort } from 'node:worker_threads';
import type { ResourceType } from '@continuity/domain';
import { checkLinesForTransfer } from './check-entry.ts';

/** Checks chunks of NDJSON lines off the main thread, which is left to resolve references and write. */
parentPort!.on('message', (job: { id: number; lines: string[]; declaredType?: ResourceType }) => {
  const { results, transfer } = checkLinesForTransfer(job.lines, job.declaredType);
  parentPort!.postMessage({ id: job.id, results }, transfer);
});
