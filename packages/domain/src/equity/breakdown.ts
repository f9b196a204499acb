import type { Characteristic } from './characteristics.ts';
import { rateRatio, type RateRatio } from './rate-ratio.ts';
import { suppressCells, type Shown } from './suppress.ts';

/** One unit a figure counts (a person or a referral): its group, and whether it is in the numerator. */
export interface EquityUnit {
  group: string | null;
  counted: boolean;
}

export interface EquityRow {
  group: string;
  /** The denominator and numerator as published: null when withheld. */
  denominator: Shown;
  numerator: Shown;
  /** numerator / denominator, null when either is withheld or the group is empty. */
  rate: number | null;
  /** Against the reference group, null when not calculable or made from a withheld count. */
  rateRatio: RateRatio | null;
  reference: boolean;
}

export interface EquityBreakdown {
  characteristic: string;
  label: string;
  /** Set when the breakdown cannot be made, saying why. */
  unavailable: string | null;
  reference: string | null;
  rows: EquityRow[];
  /** Units with the characteristic not recorded, suppressed alongside the groups. */
  notRecorded: Omit<EquityRow, 'group' | 'rateRatio' | 'reference'>;
  /** Units with the characteristic recorded, of all units; share to three places. */
  completeness: { recorded: number; of: number; share: number | null };
}

/**
 * A figure broken down by a characteristic: each group's denominator, numerator and rate, the rate
 * ratio against the reference group with its 95% interval, small numbers withheld (with secondary
 * suppression across the groups and "not recorded", which add up to the published total), and the
 * completeness of recording. Groups with nobody in them are left out.
 */
export function equityBreakdown(characteristic: Characteristic, units: readonly EquityUnit[]): EquityBreakdown {
  const tally = new Map<string | null, GroupTally>();
  for (const u of units) {
    const t = tally.get(u.group) ?? tally.set(u.group, { d: 0, n: 0 }).get(u.group)!;
    t.d++;
    if (u.counted) t.n++;
  }
  return equityBreakdownOfTally(characteristic, tally);
}

/** Units of one group (null: not recorded): `d` in the denominator, `n` of them in the numerator. */
export interface GroupTally {
  d: number;
  n: number;
}

/**
 * The same breakdown from the units already tallied by group (every group with a unit in it), for
 * a caller that counts millions of units more cheaply than as a list of them.
 */
export function equityBreakdownOfTally(characteristic: Characteristic, tally: ReadonlyMap<string | null, GroupTally>): EquityBreakdown {
  const total = [...tally.values()].reduce((sum, t) => sum + t.d, 0);
  const present = characteristic.groups.filter((g) => tally.has(g));
  const cells = [...present.map((g) => tally.get(g)!), tally.get(null) ?? { d: 0, n: 0 }];
  const denominators = suppressCells(cells.map((c) => c.d));
  const numerators = suppressCells(cells.map((c) => c.n));
  const shownRate = (i: number) => (denominators[i] !== null && numerators[i] !== null && cells[i]!.d > 0 ? cells[i]!.n / cells[i]!.d : null);

  const largest = [...present].sort((a, b) => tally.get(b)!.d - tally.get(a)!.d)[0] ?? null;
  const reference = characteristic.reference ?? largest;
  const ri = reference === null ? -1 : present.indexOf(reference);
  const referenceShown = ri >= 0 && shownRate(ri) !== null;
  const recorded = total - (tally.get(null)?.d ?? 0);
  const last = cells.length - 1;
  return {
    characteristic: characteristic.key,
    label: characteristic.label,
    unavailable: characteristic.unavailable ?? null,
    reference,
    rows: present.map((group, i) => ({
      group,
      denominator: denominators[i]!,
      numerator: numerators[i]!,
      rate: shownRate(i),
      rateRatio: i !== ri && referenceShown && shownRate(i) !== null ? rateRatio(cells[i]!.n, cells[i]!.d, cells[ri]!.n, cells[ri]!.d) : null,
      reference: i === ri,
    })),
    notRecorded: { denominator: denominators[last]!, numerator: numerators[last]!, rate: shownRate(last) },
    completeness: { recorded, of: total, share: total ? Math.round((recorded / total) * 1000) / 1000 : null },
  };
}
