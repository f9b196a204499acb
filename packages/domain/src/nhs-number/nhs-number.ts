/**
 * NHS number validation: ten digits, the last a modulus 11 check digit.
 * Source: NHS Data Dictionary, "NHS NUMBER" (check digit algorithm).
 */
const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

export type NhsNumberCheck =
  | { valid: true; nhsNumber: string }
  | { valid: false; reason: string };

/** The check digit for nine leading digits, or undefined when no valid number can end them. */
export function nhsCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('nhsCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Accepts spaces or hyphens between groups ("943 476 5919"); returns the bare ten digits. */
export function checkNhsNumber(input: string): NhsNumberCheck {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) {
    return { valid: false, reason: `"${input}" is not 10 digits` };
  }
  const expected = nhsCheckDigit(digits.slice(0, 9));
  if (expected === undefined) {
    return { valid: false, reason: `${digits} can never be valid: its first nine digits give check digit 10` };
  }
  if (expected !== Number(digits[9])) {
    return { valid: false, reason: `${digits} fails the modulus 11 check (check digit should be ${expected})` };
  }
  return { valid: true, nhsNumber: digits };
}

export function formatNhsNumber(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
}
