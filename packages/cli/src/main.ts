import { Command } from 'commander';

// Piped into `head` or a closed pager: stop quietly, as Unix tools do, rather than crash on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/**
 * Each command's module, loaded only when that command runs: loading every command would load the
 * server, the generator and the PDF printer for a worklist, seconds of start-up on every call.
 */
const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start.ts')).startCommand(),
  serve: async () => (await import('./commands/serve.ts')).serveCommand(),
  import: async () => (await import('./commands/import.ts')).importCommand(),
  synth: async () => (await import('./commands/synth.ts')).synthCommand(),
  worklist: async () => (await import('./commands/worklist.ts')).worklistCommand(),
  caseload: async () => (await import('./commands/caseload.ts')).caseloadCommand(),
  report: async () => (await import('./commands/report.ts')).reportCommand(),
  export: async () => (await import('./commands/export.ts')).exportCommand(),
  backup: async () => (await import('./commands/backup.ts')).backupCommand(),
  restore: async () => (await import('./commands/backup.ts')).restoreCommand(),
  user: async () => (await import('./commands/user.ts')).userCommand(),
};

const program = new Command('continuity')
  .description('Continuity: community mental health platform. Nobody who needs care is lost.')
  .showHelpAfterError();

// The first word that is not an option names the command; without one (or with an unknown one) every
// command is loaded, so the help lists them all and commander's own error names the mistake.
const named = process.argv.slice(2).find((word) => !word.startsWith('-'));
const wanted = named !== undefined && Object.hasOwn(commands, named) ? [named] : Object.keys(commands);

try {
  for (const name of wanted) program.addCommand(await commands[name]!());
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (no such file, database unreachable) get one clear line, not a stack trace.
  console.error(`continuity: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
