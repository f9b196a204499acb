import { describe, expect, it } from 'vitest';
import { ageInYears, formatDate, formatDateTime } from '../src/format/dates.ts';
import { formatNhsNumber, fullName, languageName, listName } from '../src/format/people.ts';

describe('dates as people in England write them', () => {
  it('writes full, partial and missing FHIR dates in words', () => {
    expect(formatDate('2025-03-12')).toBe('12 March 2025');
    expect(formatDate('2019-06')).toBe('June 2019');
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate(null)).toBe('Not recorded');
  });

  it('gives instants the UK date, across the clock change', () => {
    expect(formatDate('2024-06-30T23:30:00Z')).toBe('1 July 2024');
    expect(formatDate('2024-12-31T23:30:00Z')).toBe('31 December 2024');
    expect(formatDateTime('2024-06-30T23:30:00Z')).toBe('1 July 2024 at 00:30');
    expect(formatDateTime('2025-01-15T09:05:00Z')).toBe('15 January 2025 at 09:05');
  });

  it('counts age in whole years, turning on the birthday', () => {
    expect(ageInYears('1985-12-10', new Date('2025-12-09T12:00:00Z'))).toBe(39);
    expect(ageInYears('1985-12-10', new Date('2025-12-10T12:00:00Z'))).toBe(40);
    expect(ageInYears('1985-12', new Date('2025-12-10T12:00:00Z'))).toBeUndefined();
  });
});

describe('people', () => {
  it('groups NHS numbers 3-3-4 and leaves anything else alone', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(formatNhsNumber('12345')).toBe('12345');
    expect(formatNhsNumber(null)).toBe('Not recorded');
  });

  it('writes names for headings and for lists', () => {
    expect(fullName('Ada Augusta', 'Lovelace')).toBe('Ada Augusta Lovelace');
    expect(listName('Ada Augusta', 'Lovelace')).toBe('LOVELACE, Ada Augusta');
    expect(listName(null, null)).toBe('Name not recorded');
  });

  it('names languages in English words', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('pa')).toBe('Punjabi');
    expect(languageName(null)).toBe('Not recorded');
  });
});
