import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { readerFor, resourceTypes, schemaFor, validateResource } from '../src/index.ts';

/** The reader's answer and zod's, for one value: the reader either agrees exactly or is not certain. */
function both(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  return { fast: readerFor(schema).accept(input), zod: parsed.success ? parsed.data : undefined };
}

describe('the fast schema reader', () => {
  it('understands every construct the resource schemas use, so it never leaves a whole type to zod', () => {
    // A failure here names the schema and construct: teach schema-reader.ts it, or it stays slow (never wrong).
    expect(resourceTypes.flatMap((type) => readerFor(schemaFor(type)).unsupported.map((where) => `${type} ${where}`))).toEqual([]);
  });

  it('refuses constructs it does not know, rather than guessing', () => {
    const unknownConstructs: z.ZodType[] = [
      z.looseObject({ email: z.email() }),
      z.looseObject({ name: z.string().max(3) }),
      z.looseObject({ name: z.string().trim() }),
      z.object({ name: z.string() }),
      z.looseObject({ count: z.number() }),
      z.looseObject({ name: z.string().default('x') }),
      z.looseObject({ when: z.union([z.string(), z.number()]) }),
    ];
    for (const schema of unknownConstructs) {
      expect(readerFor(schema).unsupported.length).toBeGreaterThan(0);
      expect(readerFor(schema).accept({ email: 'a@b.c', name: ' x ', count: 1, when: 'x' })).toBeUndefined();
    }
  });

  it('returns what zod returns: schema keys in schema order, then the unknown ones as sent', () => {
    const schema = z.looseObject({ a: z.string().optional(), b: z.array(z.looseObject({ c: z.string() })) });
    const input = JSON.parse('{"z":1,"b":[{"x":[1],"c":"y"}],"10":true,"a":"s","__proto__":{"p":1}}') as Record<string, unknown>;
    const { fast, zod } = both(schema, input);
    expect(fast).toStrictEqual(zod);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
    expect(Object.keys(fast!)).toEqual(['10', 'a', 'b', 'z']);
    expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
    expect(fast!.z).toBe(input.z);
    expect((fast!.b as unknown[])[0]).not.toBe((input.b as unknown[])[0]);
  });

  it('keeps an optional key sent as undefined, as zod does, and is not certain of a required one', () => {
    const schema = z.looseObject({ a: z.string().optional(), b: z.string() });
    expect(both(schema, { a: undefined, b: 'x' }).fast).toStrictEqual({ a: undefined, b: 'x' });
    expect(both(schema, { a: 'x' })).toEqual({ fast: undefined, zod: undefined });
    expect(both(schema, { a: 'x', b: undefined })).toEqual({ fast: undefined, zod: undefined });
  });

  it('leaves to zod a string it cannot be sure is long enough in code points', () => {
    const schema = z.looseObject({ a: z.string().min(2) });
    expect(both(schema, { a: 'ab' })).toEqual({ fast: undefined, zod: { a: 'ab' } });
    expect(both(schema, { a: '😀' })).toEqual({ fast: undefined, zod: undefined });
    expect(both(schema, { a: 'abcd' }).fast).toEqual({ a: 'abcd' });
  });

  it('accepts a generated-looking Observation itself and leaves every error to zod', () => {
    const observation = {
      resourceType: 'Observation', id: 'o1', status: 'final', subject: { reference: 'Patient/p1' }, effectiveDateTime: '2025-06-10T10:00:00Z',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006' }] }, valueQuantity: { value: 120, unit: 'mmHg' },
    };
    const schema = schemaFor('Observation');
    expect(readerFor(schema).accept(observation)).toStrictEqual(schema.parse(observation));
    for (const broken of [{ ...observation, effectiveDateTime: '2025-02-30' }, { ...observation, status: 'done' }, { ...observation, id: 'o 1' }]) {
      expect(readerFor(schema).accept(broken)).toBeUndefined();
      expect(validateResource(broken)).toMatchObject({ ok: false });
    }
  });
});
