import { equityRules } from './equity-rules.ts';

/** A count as published: the number, or null when withheld. */
export type Shown = number | null;

const small = (n: number) => n > 0 && n < equityRules.suppressBelow;

/**
 * Withholds small counts among cells that add up to a published total: first every count from 1
 * to 4 (primary), then, wherever exactly one cell is withheld, the smallest other cell that is not
 * zero as well (secondary), since otherwise the total less the others gives the withheld count away.
 * Returns the cells in the order given.
 */
export function suppressCells(counts: readonly number[]): Shown[] {
  const withheld = counts.map(small);
  if (withheld.filter(Boolean).length === 1) {
    const next = counts
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => !withheld[i] && n > 0)
      .sort((x, y) => x.n - y.n || x.i - y.i)[0];
    if (next) withheld[next.i] = true;
  }
  return counts.map((n, i) => (withheld[i] ? null : n));
}
