import { ethnicCategories, genderIdentities, religions, sexualOrientations } from '../fhir/codes.ts';
import { londonDay } from '../engagement/london-calendar.ts';
import { ageOn } from '../medicines/evaluate-monitoring.ts';
import { equityRules } from './equity-rules.ts';

/** What a breakdown needs to know of a person: the person table's equity columns (docs/fhir.md). */
export interface PersonCharacteristics {
  birthDate: string | null;
  gender: string | null;
  ethnicCategory: string | null;
  genderIdentity: string | null;
  sexualOrientation: string | null;
  religion: string | null;
  disabilities: readonly string[];
}

export type CharacteristicKey = 'ethnicity' | 'age' | 'sex' | 'gender-identity' | 'sexual-orientation' | 'religion' | 'disability' | 'deprivation';

export interface Characteristic {
  key: CharacteristicKey;
  label: string;
  /** Groups in the order shown. */
  groups: readonly string[];
  /** The group others are compared with; the largest recorded group when null. */
  reference: string | null;
  /** The person's group on the day, or null when not recorded (or recorded as not stated or not known). */
  groupOf?: (person: PersonCharacteristics, asOf: string) => string | null;
  /** Why the breakdown cannot be made, when it cannot. */
  unavailable?: string;
}

const ageLabel = ([first, last]: readonly [number, number | null]) => (last === null ? `${first} and over` : `${first} to ${last}`);

const ethnicGroups = [...new Set(Object.values(ethnicCategories).map((c) => c.group))].filter((g) => g !== 'Not stated' && g !== 'Not known');
const sexes: Record<string, string> = { male: 'Male', female: 'Female', other: 'Other' };
const without = (codes: Record<string, string>, unknown: readonly string[]) => Object.entries(codes).filter(([code]) => !unknown.includes(code));
const knownIdentities = without(genderIdentities, ['X', 'Z']);
const knownOrientations = without(sexualOrientations, ['U', 'Z', '9']);
const knownReligions = without(religions, ['declined']);
const notDisabled = new Set(['NN', 'ZZ']);

/**
 * The characteristics every board figure can be broken down by (issue 8 part 2). Ethnicity is
 * by the NHS Data Dictionary's broad groups, compared with White people as PCREF compares; "not
 * stated" and "not known" count as not recorded. Deprivation needs an Index of Multiple Deprivation
 * decile from a lower-layer super output area, and the person record holds only a postcode: no
 * postcode-to-LSOA lookup is held, so it is reported as not available rather than guessed.
 */
export const characteristics: readonly Characteristic[] = [
  {
    key: 'ethnicity',
    label: 'Ethnicity',
    groups: ethnicGroups,
    reference: 'White',
    groupOf: (p) => {
      const group = p.ethnicCategory ? ethnicCategories[p.ethnicCategory]?.group : undefined;
      return group && ethnicGroups.includes(group) ? group : null;
    },
  },
  {
    key: 'age',
    label: 'Age band',
    groups: equityRules.ageBands.map(ageLabel),
    reference: null,
    groupOf: (p, asOf) => {
      const day = londonDay(asOf);
      const age = day === undefined ? undefined : ageOn(p.birthDate, day);
      const band = age === undefined ? undefined : equityRules.ageBands.find(([first, last]) => age >= first && (last === null || age <= last));
      return band ? ageLabel(band) : null;
    },
  },
  { key: 'sex', label: 'Sex', groups: Object.values(sexes), reference: null, groupOf: (p) => (p.gender ? (sexes[p.gender] ?? null) : null) },
  { key: 'gender-identity', label: 'Gender identity', groups: knownIdentities.map(([, l]) => l), reference: null, groupOf: (p) => knownIdentities.find(([c]) => c === p.genderIdentity)?.[1] ?? null },
  { key: 'sexual-orientation', label: 'Sexual orientation', groups: knownOrientations.map(([, l]) => l), reference: null, groupOf: (p) => knownOrientations.find(([c]) => c === p.sexualOrientation)?.[1] ?? null },
  { key: 'religion', label: 'Religion or belief', groups: knownReligions.map(([, l]) => l), reference: null, groupOf: (p) => knownReligions.find(([c]) => c === p.religion)?.[1] ?? null },
  {
    key: 'disability',
    label: 'Disability',
    groups: ['Disability recorded', 'No disability'],
    reference: 'No disability',
    groupOf: (p) => (p.disabilities.some((d) => !notDisabled.has(d)) ? 'Disability recorded' : p.disabilities.includes('NN') ? 'No disability' : null),
  },
  {
    key: 'deprivation',
    label: 'Deprivation (IMD decile)',
    groups: [],
    reference: null,
    unavailable: 'Not available: the person record holds a postcode but no lower-layer super output area, and no postcode-to-IMD lookup is held.',
  },
];

export const characteristicKeys = characteristics.map((c) => c.key);
