import { medicineCodes, type MedicineCode } from '@continuity/domain';
import type { Profile } from '../people/profile.ts';
import type { Random } from '../random/random.ts';

const byKey = new Map(medicineCodes.map((m) => [m.key, m]));
const medicine = (key: string): MedicineCode => byKey.get(key)!;

/** Doses as prescribed in UK practice (BNF maintenance ranges), as text a prescriber would write. */
export const doses: Record<string, { dose: number; unit: string; text: string }> = {
  lithium: { dose: 800, unit: 'mg', text: '800 mg modified-release tablets at night' },
  clozapine: { dose: 350, unit: 'mg', text: '150 mg in the morning and 200 mg at night' },
  'sodium-valproate': { dose: 1000, unit: 'mg', text: '500 mg modified-release tablets twice daily' },
  olanzapine: { dose: 10, unit: 'mg', text: '10 mg at night' },
  aripiprazole: { dose: 15, unit: 'mg', text: '15 mg once daily' },
  quetiapine: { dose: 300, unit: 'mg', text: '150 mg twice daily' },
  risperidone: { dose: 4, unit: 'mg', text: '2 mg twice daily' },
  'paliperidone-palmitate': { dose: 100, unit: 'mg', text: '100 mg by deep intramuscular injection every 28 days' },
  'aripiprazole-lai': { dose: 400, unit: 'mg', text: '400 mg by intramuscular injection every 28 days' },
  'zuclopenthixol-decanoate': { dose: 200, unit: 'mg', text: '200 mg by deep intramuscular injection every 14 days' },
};

const ORAL_ANTIPSYCHOTIC = { olanzapine: 35, aripiprazole: 30, quetiapine: 15, risperidone: 20 };
const LAI = { 'paliperidone-palmitate': 50, 'aripiprazole-lai': 25, 'zuclopenthixol-decanoate': 25 };

/**
 * The medicines a person is on, by diagnosis: antipsychotics (oral, clozapine for treatment-
 * resistant schizophrenia, or long-acting injection) for psychosis; lithium or valproate with or
 * without an antipsychotic for bipolar disorder (valproate rarely for women who could become
 * pregnant, under the MHRA Pregnancy Prevention Programme). Antidepressants are not modelled.
 */
export function chooseRegimen(p: Profile, rnd: Random): MedicineCode[] {
  switch (p.diagnosis) {
    case 'psychosis': {
      const r = rnd.float();
      if (r < 0.12) return [medicine('clozapine')];
      if (r < 0.4) return [medicine(rnd.weighted(LAI))];
      if (r < 0.9) return [medicine(rnd.weighted(ORAL_ANTIPSYCHOTIC))];
      return [];
    }
    case 'bipolar': {
      const chosen: MedicineCode[] = [];
      const childbearing = p.sex === 'female' && p.ageYears < 55;
      if (rnd.chance(0.45)) chosen.push(medicine('lithium'));
      else if (rnd.chance(childbearing ? 0.12 : 0.3)) chosen.push(medicine('sodium-valproate'));
      if (rnd.chance(0.45)) chosen.push(medicine(rnd.weighted({ quetiapine: 40, olanzapine: 35, aripiprazole: 25 })));
      return chosen;
    }
    case 'severe-depression':
      return rnd.chance(0.12) ? [medicine('quetiapine')] : [];
    case 'personality-disorder':
      return rnd.chance(0.15) ? [medicine('quetiapine')] : [];
    default:
      return [];
  }
}

