/** What each benchmark task prints as its last line: one JSON object the runner collects. */
export interface TaskResult {
  task: string;
  seconds: number;
  /** Rows (resources) handled; with seconds gives rows per second. */
  rows: number;
  /** Peak resident memory of the task's process, in MiB. */
  peakRssMib: number;
  extra?: Record<string, number | string>;
}

export function report(result: Omit<TaskResult, 'peakRssMib'>): void {
  const peakRssMib = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...result, peakRssMib })}\n`);
}

export function argument(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

/** An optional argument, or its default. */
export function optionalArgument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}
