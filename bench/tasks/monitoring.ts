import { monitoringOverdueWorklist, openStore } from '@continuity/store';
import { argument } from './measure.ts';
import { timeWorklist } from './worklist-timing.ts';

/**
 * The monitoring-overdue worklist over the whole population and for its biggest team (median of a
 * few runs): every person with a current prescription is read afresh from the record table.
 */
const target = argument('target');
const asOf = argument('as-of');
const runs = Number(argument('runs'));
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
try {
  await timeWorklist(store, (scope) => monitoringOverdueWorklist(store.db, scope), { asOf, runs });
} finally {
  await store.close();
}
