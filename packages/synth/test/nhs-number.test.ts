import { checkNhsNumber } from '@continuity/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticNhsNumber } from '../src/index.ts';

describe('synthetic NHS numbers', () => {
  it('are valid (modulus 11) and in the 9xx range never issued to real people, for any seed and person', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.nat({ max: 20_000_000 }), (seed, index) => {
        const n = syntheticNhsNumber(index, seed);
        expect(checkNhsNumber(n).valid).toBe(true);
        expect(n.startsWith(index < 500_000 ? '999' : '9')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never repeat within a population, for any seed', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.uniqueArray(fc.nat({ max: 2_000_000 }), { minLength: 2, maxLength: 300 }), (seed, indices) => {
        const numbers = indices.map((i) => syntheticNhsNumber(i, seed));
        expect(new Set(numbers).size).toBe(indices.length);
      }),
      { numRuns: 200 },
    );
  });
});
