import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** One line a benchmark task printed: its figures, as JSON. */
export interface TaskLine {
  task: string;
  seconds?: number;
  rows?: number;
  peakRssMib?: number;
  medianMs?: number;
  p95Ms?: number;
  [k: string]: unknown;
}

/** Runs a task of bench/tasks in a process of its own, so that its peak memory and its cold start are its own. */
export async function task(file: string, args: string[]): Promise<TaskLine[]> {
  // The same young generation as the continuity command's own #! line (packages/cli/bin/continuity.js).
  const { stdout } = await promisify(execFile)(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', join(import.meta.dirname, 'tasks', file), ...args], {
    maxBuffer: 1 << 24,
  });
  return stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as TaskLine);
}

/** A result row without the figures a task did not give, so the table has no empty columns for them. */
export function given(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}
