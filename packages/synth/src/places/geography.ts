import type { Random } from '../random/random.ts';

/**
 * Where the synthetic population lives: postcode districts and towns of one ICB area shaped like
 * Bristol, North Somerset and South Gloucestershire (BNSSG, about 1 million people, the ICB the
 * intensive and assertive care guidance 003_* describes). Districts are real; the inward codes,
 * streets and every person are made up.
 */
const districts: ReadonlyArray<{ outward: string; town: string; weight: number }> = [
  { outward: 'BS1', town: 'Bristol', weight: 2 },
  { outward: 'BS2', town: 'Bristol', weight: 4 },
  { outward: 'BS3', town: 'Bristol', weight: 5 },
  { outward: 'BS4', town: 'Bristol', weight: 5 },
  { outward: 'BS5', town: 'Bristol', weight: 6 },
  { outward: 'BS6', town: 'Bristol', weight: 4 },
  { outward: 'BS7', town: 'Bristol', weight: 4 },
  { outward: 'BS8', town: 'Bristol', weight: 2 },
  { outward: 'BS9', town: 'Bristol', weight: 3 },
  { outward: 'BS10', town: 'Bristol', weight: 4 },
  { outward: 'BS11', town: 'Bristol', weight: 3 },
  { outward: 'BS13', town: 'Bristol', weight: 4 },
  { outward: 'BS14', town: 'Bristol', weight: 3 },
  { outward: 'BS15', town: 'Bristol', weight: 3 },
  { outward: 'BS16', town: 'Bristol', weight: 4 },
  { outward: 'BS20', town: 'Portishead', weight: 2 },
  { outward: 'BS21', town: 'Clevedon', weight: 2 },
  { outward: 'BS22', town: 'Weston-super-Mare', weight: 3 },
  { outward: 'BS23', town: 'Weston-super-Mare', weight: 4 },
  { outward: 'BS24', town: 'Weston-super-Mare', weight: 2 },
  { outward: 'BS30', town: 'Bristol', weight: 2 },
  { outward: 'BS32', town: 'Bradley Stoke', weight: 2 },
  { outward: 'BS34', town: 'Filton', weight: 2 },
  { outward: 'BS35', town: 'Thornbury', weight: 1 },
  { outward: 'BS37', town: 'Yate', weight: 2 },
  { outward: 'BS48', town: 'Nailsea', weight: 1 },
  { outward: 'BS49', town: 'Yatton', weight: 1 },
];

const districtWeights = Object.fromEntries(districts.map((d, i) => [String(i), d.weight])) as Record<string, number>;

/** Inward-code letters never include C, I, K, M, O or V (Royal Mail postcode rules). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface Place {
  postcode: string;
  town: string;
  district: string;
}

export function placeFor(rnd: Random): Place {
  const district = districts[Number(rnd.weighted(districtWeights))]!;
  const inward = `${rnd.int(0, 9)}${INWARD_LETTERS[rnd.int(0, INWARD_LETTERS.length - 1)]}${INWARD_LETTERS[rnd.int(0, INWARD_LETTERS.length - 1)]}`;
  return { postcode: `${district.outward} ${inward}`, town: district.town, district: district.outward };
}

export const TRUST_NAME = 'Severnside Mental Health NHS Trust (synthetic)';
export const ICB_NAME = 'Severnside Integrated Care Board (synthetic)';
