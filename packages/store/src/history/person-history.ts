import { personHistory, type PersonHistory, type RestrictedFlagView } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { PersonSummary } from '../people/search.ts';
import { loadHistorySources } from './history-sources.ts';

/** The history with whom it is about, so its page can name them without reading the whole record. */
export interface PersonHistoryView extends PersonHistory {
  person: PersonSummary;
}

/** One person's history across services as of a day (docs/history.md); undefined for no such person. */
export async function loadPersonHistory(db: Kysely<Database>, personId: string, asOf: string, flagView: RestrictedFlagView): Promise<PersonHistoryView | undefined> {
  const [person, sources] = await Promise.all([
    db.selectFrom('person').select(['person_id', 'nhs_number', 'family_name', 'given_names', 'birth_date', 'gender', 'postcode']).where('person_id', '=', personId).executeTakeFirst(),
    loadHistorySources(db, personId, asOf, flagView),
  ]);
  if (!person) return undefined;
  return {
    person: { id: person.person_id, nhsNumber: person.nhs_number, familyName: person.family_name, givenNames: person.given_names, birthDate: person.birth_date, gender: person.gender, postcode: person.postcode },
    ...personHistory(sources, asOf),
  };
}
