import { system } from '@continuity/domain';
import { sql, type RawBuilder } from 'kysely';

/**
 * `<alias>.resource` is a Communication of this category (docs/fhir.md), as a literal so that the
 * partial index of migration 015 (on carer-concern) can be used.
 */
export function communicationOf(code: 'carer-concern' | 'carer-concern-response', alias: string): RawBuilder<unknown> {
  return sql.raw(`${alias}.resource @> '${JSON.stringify({ category: [{ coding: [{ system: system.communicationCategory, code }] }] })}'::jsonb`);
}
