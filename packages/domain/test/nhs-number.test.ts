import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, nhsCheckDigit } from '../src/index.ts';

describe('NHS number check', () => {
  it('accepts a known valid number, with or without spaces', () => {
    expect(checkNhsNumber('9434765919')).toEqual({ valid: true, nhsNumber: '9434765919' });
    expect(checkNhsNumber('943 476 5919')).toEqual({ valid: true, nhsNumber: '9434765919' });
  });

  it('rejects a wrong check digit and says what it should be', () => {
    const result = checkNhsNumber('9434765918');
    expect(result.valid).toBe(false);
    expect(!result.valid && result.reason).toContain('check digit should be 9');
  });

  it('rejects numbers whose check digit would be 10, and non-numbers', () => {
    expect(nhsCheckDigit('999000112')).toBeUndefined();
    expect(checkNhsNumber('9990001120').valid).toBe(false);
    expect(checkNhsNumber('94347659').valid).toBe(false);
    expect(checkNhsNumber('94347659AB').valid).toBe(false);
  });

  it('detects every single-digit substitution (modulus 11 with distinct weights)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (nine, position, delta) => {
        const check = nhsCheckDigit(nine);
        fc.pre(check !== undefined);
        const valid = `${nine}${check}`;
        expect(checkNhsNumber(valid).valid).toBe(true);
        const digits = valid.split('');
        digits[position] = String((Number(digits[position]) + delta) % 10);
        expect(checkNhsNumber(digits.join('')).valid).toBe(false);
      }),
    );
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
