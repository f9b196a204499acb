import { runContinuity } from './program.ts';

// Piped into `head` or a closed pager: stop quietly, as Unix tools do, rather than crash on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await runContinuity(process.argv);
