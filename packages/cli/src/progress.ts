import cliProgress from 'cli-progress';

export interface ProgressBar {
  update(done: number, payload?: Record<string, string | number>): void;
  /** For work whose size is known only once it starts. */
  setTotal(total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr for long work, so stdout stays clean for results and --json. Off when
 * stderr is not a terminal (CI logs, pipes) or when asked to be quiet.
 */
export function progressBar(label: string, total: number, options: { quiet?: boolean; unit?: string } = {}): ProgressBar {
  if (options.quiet || !process.stderr.isTTY) return { update() {}, setTotal() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${options.unit ?? ''} | {eta_formatted} left {detail}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '' });
  return {
    update: (done, payload) => bar.update(done, { detail: '', ...payload }),
    setTotal: (count) => bar.setTotal(count),
    stop: () => bar.stop(),
  };
}
