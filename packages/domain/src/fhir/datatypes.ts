import { z } from 'zod';

/** FHIR R4 primitive and complex types, as far as the platform relies on them. */

export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE = /^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TIME =
  /^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

/** A calendar date that really exists (no 30 February). Partial dates (YYYY, YYYY-MM) are allowed by FHIR. */
function isRealDate(value: string): boolean {
  const full = fullDateIsReal(value);
  if (full !== undefined) return full;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  if (y === undefined || y < 1800 || y > 2200) return false;
  if (m === undefined || d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The same answer for a value starting YYYY-MM-DD, read in place: most dates are full, and splitting
 * them into strings was a tenth of an import's validation time. Undefined for any other value.
 */
function fullDateIsReal(value: string): boolean | undefined {
  if (value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  if (Number.isNaN(y + m + d)) return undefined;
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function digitsAt(value: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export const fhirId = z.string().regex(FHIR_ID, 'must be a FHIR id: 1-64 letters, digits, "-" or "."');
export const fhirDate = z
  .string()
  .regex(DATE, 'must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)')
  .refine(isRealDate, 'is not a real calendar date between 1800 and 2200');
export const fhirDateTime = z
  .string()
  .regex(DATE_TIME, 'must be a FHIR dateTime (YYYY-MM-DD, or with time and time zone)')
  .refine(isRealDate, 'is not a real calendar date between 1800 and 2200');
export const fhirInstant = fhirDateTime.refine((v) => v.includes('T'), 'must include a time and time zone');

export const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
export const codeableConcept = z.looseObject({
  coding: z.array(coding).optional(),
  text: z.string().optional(),
});
export const reference = z.looseObject({
  reference: z.string().min(1).optional(),
  display: z.string().optional(),
});
export const requiredReference = z.looseObject({
  reference: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  display: z.string().optional(),
});
export const period = z.looseObject({
  start: fhirDateTime.optional(),
  end: fhirDateTime.optional(),
});
export const identifier = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
});

export type Coding = z.infer<typeof coding>;
export type CodeableConcept = z.infer<typeof codeableConcept>;
export type Reference = z.infer<typeof reference>;

/** Splits a relative reference "Type/id" (optionally with "/_history/n"); other forms give undefined. */
export function parseReference(ref: string | undefined): { type: string; id: string } | undefined {
  if (!ref) return undefined;
  const match = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]+)?$/.exec(ref);
  if (!match) return undefined;
  return { type: match[1]!, id: match[2]! };
}

export function firstCode(concept: CodeableConcept | undefined, system?: string): Coding | undefined {
  return concept?.coding?.find((c) => (system ? c.system === system : true) && c.code !== undefined);
}

export function conceptText(concept: CodeableConcept | undefined): string | undefined {
  return concept?.text ?? concept?.coding?.find((c) => c.display)?.display ?? concept?.coding?.[0]?.code;
}
