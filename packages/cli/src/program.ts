import { Command, CommanderError } from 'commander';

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

/** Commander's usage errors and help end by throwing, here and in every subcommand, not by process.exit. */
function throwOnExit(command: Command): Command {
  command.exitOverride();
  for (const sub of command.commands) throwOnExit(sub);
  return command;
}

/**
 * Runs `continuity` on these arguments (laid out as process.argv: node, script, then the words) and
 * sets process.exitCode as the shell will see it. Nothing here ends the process, so main.ts runs it
 * for the shell and the CLI's tests run it in their own process.
 */
export async function runContinuity(argv: readonly string[]): Promise<void> {
  const program = new Command('continuity')
    .description('Continuity: community mental health platform. Nobody who needs care is lost.')
    .showHelpAfterError();

  // The first word that is not an option names the command; without one (or with an unknown one) every
  // command is loaded, so the help lists them all and commander's own error names the mistake.
  const named = argv.slice(2).find((word) => !word.startsWith('-'));
  const wanted = named !== undefined && Object.hasOwn(commands, named) ? [named] : Object.keys(commands);

  try {
    for (const name of wanted) program.addCommand(await commands[name]!());
    await throwOnExit(program).parseAsync([...argv]);
  } catch (error) {
    // Commander has already said what was wrong (or printed the help): only its exit code is left.
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    // Expected failures (no such file, database unreachable) get one clear line, not a stack trace.
    console.error(`continuity: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
