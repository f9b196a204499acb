import { crisisOrganisationTypes, system, type HistorySources, type RestrictedFlagView } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { legalStatusHistory, type LegalStatusEntry } from '../mha/mha-record.ts';
import { personMedicines, type PersonMedicine } from '../medicines/person-medicines.ts';
import { loadNames, referencesIn } from '../people/names.ts';
import { forReader } from '../people/restricted-rows.ts';

/** The history's sources with the readers' own richer entries, which the need-to-know page shows as they are. */
export interface LoadedHistorySources extends HistorySources {
  legalStatuses: LegalStatusEntry[];
  medicines: PersonMedicine[];
}

/** The crisis teams (history-rules.ts crisisOrganisationTypes), by Organization id. */
async function crisisTeams(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('shared_record')
    .select('id')
    .where('resource_type', '=', 'Organization')
    .where(sql<boolean>`jsonb_path_query_first(resource, ${`$.type[*].coding[*] ? (@.system == "${system.organisationType}").code`}::jsonpath) #>> '{}' = ANY(${[...crisisOrganisationTypes]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Everything one person's history is made of (domain history-facts.ts), read by the person's key:
 * their admissions and crisis team contacts, episodes of care, care teams, flags and communications
 * in one query; their legal statuses and medicines through the readers the record page uses.
 * Restricted flags (MARAC, MAPPA) as flagView allows.
 */
export async function loadHistorySources(db: Kysely<Database>, personId: string, asOf: string, flagView: RestrictedFlagView): Promise<LoadedHistorySources> {
  const crisis = await crisisTeams(db);
  const crisisReferences = [...crisis].map((id) => `Organization/${id}`);
  const [rows, legalStatuses, medicines] = await Promise.all([
    db
      .selectFrom('record')
      .select(['resource_type', 'id', 'resource'])
      .where('person_id', '=', personId)
      .where('resource_type', 'in', ['Encounter', 'EpisodeOfCare', 'CareTeam', 'Flag', 'Communication'])
      // Of the contacts, only admissions and those with crisis teams: a person may have hundreds of others.
      .where((eb) =>
        eb.or([
          eb('resource_type', '<>', 'Encounter'),
          eb(sql`resource->'class'->>'code'`, '=', 'IMP'),
          eb(sql`resource->'serviceProvider'->>'reference'`, '=', sql`ANY(${crisisReferences}::text[])`),
        ]),
      )
      .execute(),
    legalStatusHistory(db, personId),
    personMedicines(db, personId, asOf),
  ]);
  const records = forReader(rows, flagView).map((r) => ({ resourceType: r.resource_type, id: r.id, resource: r.resource as Record<string, any> }));
  const names = await loadNames(db, referencesIn(records.map((r) => r.resource)));
  return { records, nameOf: (reference) => (reference ? names.get(reference) : undefined), crisisTeams: crisis, legalStatuses, medicines };
}
