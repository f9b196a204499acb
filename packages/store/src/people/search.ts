import { readSearchTerms } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface PersonSearch {
  /** Name words (each matches the start of a family or given name), a date of birth, or an NHS number. */
  q?: string;
  birthDate?: string;
  nhsNumber?: string;
  limit?: number;
}

export interface PersonSummary {
  id: string;
  nhsNumber: string | null;
  familyName: string | null;
  givenNames: string | null;
  birthDate: string | null;
  gender: string | null;
  postcode: string | null;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchPeople(db: Kysely<Database>, search: PersonSearch): Promise<PersonSummary[]> {
  let query = db
    .selectFrom('person')
    .select(['person_id', 'nhs_number', 'family_name', 'given_names', 'birth_date', 'gender', 'postcode'])
    .orderBy('family_name')
    .orderBy('given_names')
    .orderBy('person_id')
    .limit(Math.min(search.limit ?? 25, 100));

  const terms = readSearchTerms(search.q ?? '');
  if (terms.nhsNumber) query = query.where('nhs_number', '=', terms.nhsNumber);
  if (terms.birthDate) query = query.where('birth_date', '=', terms.birthDate);
  for (const word of terms.names) {
    const prefix = `${escapeLike(word)}%`;
    query = query.where('person_id', 'in', (eb) => eb.selectFrom('person_name_word').select('person_id').where('word', 'like', prefix));
  }
  if (search.nhsNumber) query = query.where('nhs_number', '=', search.nhsNumber.replace(/[\s-]/g, ''));
  if (search.birthDate) query = query.where('birth_date', '=', search.birthDate);

  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.person_id,
    nhsNumber: r.nhs_number,
    familyName: r.family_name,
    givenNames: r.given_names,
    birthDate: r.birth_date,
    gender: r.gender,
    postcode: r.postcode,
  }));
}
