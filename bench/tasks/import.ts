import { importPath, openStore } from '@continuity/store';
import { argument, optionalArgument, report } from './measure.ts';

/** Imports a generated population twice: the first run writes, the second finds everything unchanged (`--passes first` for the first alone). */
const target = argument('target');
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
try {
  const passes = optionalArgument('passes', 'first,repeat').split(',');
  for (const pass of passes) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await importPath(store, argument('from'));
    // All of this process's threads (workers, garbage collection); the database's own time is not in it.
    const { user, system } = process.cpuUsage(cpu);
    if (result.rejected > 0) throw new Error(`${result.rejected} records rejected, e.g. ${JSON.stringify(result.errors[0])}`);
    report({ task: `import-${pass}`, seconds: (performance.now() - started) / 1000, rows: result.imported, extra: { created: result.created, unchanged: result.unchanged, nodeCpuMicrosecondsPerResource: Math.round((user + system) / Math.max(1, result.imported)) } });
  }
} finally {
  await store.close();
}
