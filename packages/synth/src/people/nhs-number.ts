import { nhsCheckDigit } from '@continuity/domain';

const BLOCK = 500_000;
/** Coprime with 500,000 (= 2^5 x 5^6), so multiplying permutes a block without collisions. */
const SHUFFLE = 7919;

/**
 * A valid, synthetic NHS number for person `index`, unique within a population. Numbers come from
 * the 999 range NHS England keeps for testing (then 998, 997... beyond 500,000 people), so none can
 * be a real person's. Each index owns two consecutive nine-digit stems that differ only in the last
 * digit; their weighted sums differ by 2 (mod 11), so at most one of them has the impossible check
 * digit 10 and the other is always usable. The seed shuffles which stems go to whom.
 */
export function syntheticNhsNumber(index: number, seed: number): string {
  const block = Math.floor(index / BLOCK);
  if (block > 98) throw new Error('synthetic NHS numbers run out at 49.5 million people');
  const slot = ((index % BLOCK) * SHUFFLE + (seed % BLOCK)) % BLOCK;
  const stem = (999 - block) * 1_000_000 + slot * 2;
  for (const candidate of [stem, stem + 1]) {
    const nine = String(candidate);
    const check = nhsCheckDigit(nine);
    if (check !== undefined) return `${nine}${check}`;
  }
  throw new Error('unreachable: one of two neighbouring stems always has a check digit');
}
