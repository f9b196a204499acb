/** An NHS number in the 3-3-4 groups people read and say: "943 476 5919". */
export function formatNhsNumber(nhsNumber: string | null | undefined): string {
  if (!nhsNumber) return 'Not recorded';
  const digits = nhsNumber.replace(/\D/g, '');
  return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : nhsNumber;
}

/** "LOVELACE, Ada Augusta" is the NHS convention in lists; "Ada Augusta Lovelace" reads better in headings. */
export function fullName(given: string | null | undefined, family: string | null | undefined): string {
  return [given, family].filter(Boolean).join(' ') || 'Name not recorded';
}

export function listName(given: string | null | undefined, family: string | null | undefined): string {
  if (!family) return given || 'Name not recorded';
  return given ? `${family.toUpperCase()}, ${given}` : family.toUpperCase();
}

/** FHIR administrative gender codes in words. */
export function genderLabel(gender: string | null | undefined): string {
  const labels: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not known' };
  return gender ? (labels[gender] ?? gender) : 'Not recorded';
}

const languages = new Intl.DisplayNames('en-GB', { type: 'language', fallback: 'code' });

/** A BCP-47 language code ("en", "pa-IN") in words ("English", "Punjabi (India)"). */
export function languageName(code: string | null | undefined): string {
  if (!code) return 'Not recorded';
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}
