import { Command } from 'commander';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { caseloadCommand } from './commands/caseload.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';
import { synthCommand } from './commands/synth.ts';
import { userCommand } from './commands/user.ts';
import { worklistCommand } from './commands/worklist.ts';

// Piped into `head` or a closed pager: stop quietly, as Unix tools do, rather than crash on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('continuity')
  .description('Continuity: community mental health platform. Nobody who needs care is lost.')
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(serveCommand())
  .addCommand(importCommand())
  .addCommand(synthCommand())
  .addCommand(worklistCommand())
  .addCommand(caseloadCommand())
  .addCommand(reportCommand())
  .addCommand(exportCommand())
  .addCommand(backupCommand())
  .addCommand(restoreCommand())
  .addCommand(userCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (no such file, database unreachable) get one clear line, not a stack trace.
  console.error(`continuity: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
