import { endOfLondonDay, evaluatePhysicalHealth, londonDay, type PhysicalHealthCheck } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadPhysicalHealthFacts } from './physical-health-facts.ts';

/** One person's annual physical health check as of a day ("YYYY-MM-DD" in England): the person record's panel. */
export async function personPhysicalHealth(db: Kysely<Database>, personId: string, asOf: string): Promise<PhysicalHealthCheck> {
  const day = londonDay(asOf);
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`as-of must be a date (YYYY-MM-DD), not "${asOf}"`);
  const facts = await loadPhysicalHealthFacts(db, { before: endOfLondonDay(day), personIds: [personId] });
  return evaluatePhysicalHealth(facts.get(personId)!, asOf);
}
