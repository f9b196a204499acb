import { fhirDate } from '../fhir/datatypes.ts';
import { checkNhsNumber } from '../nhs-number/nhs-number.ts';

export interface SearchTerms {
  nhsNumber?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** Lower-case words, each to match the start of a name. */
  names: string[];
}

const ukDate = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads what a clinician types in the one search box: an NHS number (spaces allowed), or name words
 * with or without a date of birth written as 10/12/1985 (UK order) or 1985-12-10.
 */
export function readSearchTerms(text: string): SearchTerms {
  const whole = checkNhsNumber(text);
  if (whole.valid) return { nhsNumber: whole.nhsNumber, names: [] };
  const terms: SearchTerms = { names: [] };
  // Typed or pasted apostrophes vary (O’Neill, O'Neill); names are stored with the plain one.
  for (const word of text.trim().toLowerCase().replaceAll('\u2019', "'").split(/\s+/).filter(Boolean)) {
    const date = asDate(word);
    if (date && !terms.birthDate) terms.birthDate = date;
    else terms.names.push(word);
  }
  return terms;
}

function asDate(word: string): string | undefined {
  const uk = ukDate.exec(word);
  const candidate = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : isoDate.test(word) ? word : undefined;
  return candidate && fhirDate.safeParse(candidate).success ? candidate : undefined;
}
