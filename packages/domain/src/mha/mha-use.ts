import { ethnicCategories } from '../fhir/codes.ts';
import { mhaRules } from './mha-rules.ts';

/** People on record with one ethnic category (null: none recorded), and how many were subject to the Act. */
export interface MhaUseCount {
  ethnicCategory: string | null;
  people: number;
  detained: number;
  onCto: number;
}

/** A count with its rate per 100,000 and its ratio to White British; null where withheld or not calculable. */
export interface MhaUseMeasure {
  count: number | null;
  per100k: number | null;
  rateRatio: number | null;
}

export interface MhaUseRow {
  code: string | null;
  label: string;
  group: string;
  people: number | null;
  detained: MhaUseMeasure;
  cto: MhaUseMeasure;
}

export interface MhaUseReport {
  report: 'mha-use';
  asOf: string;
  denominator: string;
  measure: string;
  suppression: string;
  reference: { code: string; label: string };
  rows: MhaUseRow[];
  total: MhaUseRow;
}

const rules = mhaRules.use;
const ORDER = [...Object.keys(ethnicCategories), null];

/**
 * Use of detentions and CTOs per 100,000 people on record, by ethnic category, with the rate ratio
 * against White British. Aggregates only. A count from 1 to 4 (the population too) is withheld,
 * and so is every rate and ratio made from it; a zero is shown, as it identifies nobody. A ratio
 * needs both rates and a White British rate above zero. Rates to one decimal, ratios to two.
 */
export function mhaUseReport(counts: readonly MhaUseCount[], asOf: string): MhaUseReport {
  const byCode = new Map<string | null, MhaUseCount>();
  for (const c of counts) {
    const code = c.ethnicCategory && ethnicCategories[c.ethnicCategory] ? c.ethnicCategory : null;
    const held = byCode.get(code) ?? { ethnicCategory: code, people: 0, detained: 0, onCto: 0 };
    byCode.set(code, { ethnicCategory: code, people: held.people + c.people, detained: held.detained + c.detained, onCto: held.onCto + c.onCto });
  }
  const reference = byCode.get(rules.reference);
  // Ratios from the exact proportions, not the rounded rates.
  const referenceShare = (key: 'detained' | 'onCto') => (reference && reference.people > 0 && shown(reference.people) !== null && shown(reference[key]) !== null ? reference[key] / reference.people : null);
  const row = (code: string | null, c: MhaUseCount, label: string, group: string): MhaUseRow => {
    const measure = (key: 'detained' | 'onCto'): MhaUseMeasure => {
      const count = shown(c[key]);
      const per100k = count === null || shown(c.people) === null || c.people === 0 ? null : rate(c[key], c.people);
      const ref = referenceShare(key);
      return { count, per100k, rateRatio: per100k === null || ref === null || ref === 0 ? null : round(c[key] / c.people / ref, 2) };
    };
    return { code, label, group, people: shown(c.people), detained: measure('detained'), cto: measure('onCto') };
  };
  const rows = ORDER.filter((code) => byCode.has(code)).map((code) => {
    const known = code === null ? undefined : ethnicCategories[code];
    return row(code, byCode.get(code)!, known?.label ?? 'Not recorded', known?.group ?? 'Not recorded');
  });
  const all = [...byCode.values()].reduce((t, c) => ({ ethnicCategory: null, people: t.people + c.people, detained: t.detained + c.detained, onCto: t.onCto + c.onCto }), { ethnicCategory: null, people: 0, detained: 0, onCto: 0 });
  const total = row(null, all, 'Everyone on record', 'All');
  return {
    report: 'mha-use',
    asOf,
    denominator: 'People on record and alive at the end of the as-of day, by the ethnic category on their record (not recorded, not stated and not known shown as such)',
    measure: 'People subject on the as-of day to a detention under section 2 or 3, and separately to a Community Treatment Order, per 100,000 people on record; the rate ratio is against White British',
    suppression: `Counts from 1 to ${rules.suppressBelow - 1} are withheld (null), with the rates and ratios made from them; zeros are shown`,
    reference: { code: rules.reference, label: ethnicCategories[rules.reference]!.label },
    rows,
    total,
  };
}

function shown(count: number): number | null {
  return count > 0 && count < rules.suppressBelow ? null : count;
}

function rate(count: number, people: number): number {
  return round((count / people) * rules.per, 1);
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
