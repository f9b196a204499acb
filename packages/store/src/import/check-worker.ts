import { parentPort } from 'node:worker_threads';
import type { ResourceType } from '@continuity/domain';
import { checkLine } from './check-entry.ts';
import { packChecks } from './checked-transfer.ts';

/** Checks chunks of NDJSON lines off the main thread, which is left to resolve references and write. */
parentPort!.on('message', (job: { id: number; lines: string[]; declaredType?: ResourceType }) => {
  const { packed, transfer } = packChecks(job.lines.map((text) => checkLine(text, job.declaredType)));
  parentPort!.postMessage({ id: job.id, packed }, transfer);
});
