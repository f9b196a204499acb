import { personHistory, type PersonHistory } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadHistorySources } from './history-sources.ts';

/** One person's history across services as of a day (docs/history.md). */
export async function loadPersonHistory(db: Kysely<Database>, personId: string, asOf: string): Promise<PersonHistory> {
  return personHistory(await loadHistorySources(db, personId, asOf), asOf);
}
