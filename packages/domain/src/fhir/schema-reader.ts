import type { z } from 'zod';

/**
 * A faster reading of the resource schemas for the common case, an acceptable resource. It is built
 * from the zod schema objects themselves (their `_zod.def`), so it cannot drift from them, and it only
 * ever answers "accepted, and this is what zod would have returned": whenever it is not certain it
 * says so, and validation asks zod, which then gives every error message. Zod spends most of its time
 * on bookkeeping for errors (a payload and an issue list per value); accepting needs none of it, and a
 * bulk import is almost all accepted records (docs/synthetic-population.md, "Importing it").
 *
 * What zod returns for an accepted value is mirrored exactly (zod 4's `$ZodObject` and `handleCatchall`,
 * node_modules/zod/v4/core/schemas.js):
 * a new object with the schema's keys first, in schema order, when present in the input (an optional
 * key present as undefined is kept), then every other key of the input in `for...in` order, each
 * with its value as sent, except `__proto__`; a new array per array; strings, enums and literals as
 * they are. A construct this reader does not know is never guessed at: it is listed in `unsupported`
 * and always answers "not certain" (packages/domain/test/validate-fast-path.test.ts fails on any).
 */

/** A value checked and rebuilt as zod would, or NOT_CERTAIN. */
type Read = (value: unknown) => unknown;

const NOT_CERTAIN: unique symbol = Symbol('not certain');

export interface SchemaReader {
  /** What zod would return for `input`, when it would certainly accept it; otherwise undefined. */
  accept(input: unknown): Record<string, unknown> | undefined;
  /** Where the schema uses something the reader does not understand (so always asks zod there). */
  unsupported: string[];
}

export function readerFor(schema: z.ZodType): SchemaReader {
  const unsupported: string[] = [];
  const read = compile(schema, '(resource)', unsupported);
  return {
    accept(input) {
      const out = read(input);
      return out === NOT_CERTAIN ? undefined : (out as Record<string, unknown>);
    },
    unsupported,
  };
}

interface ZodInternals {
  def: {
    type: string;
    checks?: Array<{ _zod: { def: CheckDef } }>;
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    element?: z.ZodType;
    innerType?: z.ZodType;
    coerce?: boolean;
    format?: string;
  };
  values?: Set<unknown>;
  optin?: string;
  optout?: string;
  traits: Set<string>;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  fn?: (value: unknown) => unknown;
}

const internals = (schema: z.ZodType) => (schema as unknown as { _zod: ZodInternals })._zod;

function compile(schema: z.ZodType, path: string, unsupported: string[]): Read {
  const zod = internals(schema);
  const { def } = zod;
  const refuse = (what: string) => refuseAt(path, what, unsupported);
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  if (checks.length > 0 && def.type !== 'string' && def.type !== 'array') return refuse(`checks on ${def.type}`);

  switch (def.type) {
    case 'string': {
      if (def.coerce || def.format || zod.traits.has('$ZodCheck')) return refuse('string with a format or coercion');
      const tests: Array<(value: string) => boolean> = [];
      for (const check of checks) {
        const test = stringTest(check);
        if (!test) return refuse(`string check ${check.check}${check.format ? ` (${check.format})` : ''}`);
        tests.push(test);
      }
      return (value) => {
        if (typeof value !== 'string') return NOT_CERTAIN;
        for (const test of tests) if (!test(value)) return NOT_CERTAIN;
        return value;
      };
    }
    case 'enum':
    case 'literal': {
      const values = zod.values;
      if (!values) return refuse(`${def.type} without values`);
      return (value) => (values.has(value) ? value : NOT_CERTAIN);
    }
    case 'unknown':
      return (value) => value;
    case 'optional': {
      const inner = def.innerType!;
      if (internals(inner).optin === 'defaulted') return refuse('optional around a default');
      const readInner = compile(inner, path, unsupported);
      return (value) => (value === undefined ? undefined : readInner(value));
    }
    case 'array': {
      let minimum = 0;
      for (const check of checks) {
        if (check.check !== 'min_length' || typeof check.minimum !== 'number') return refuse(`array check ${check.check}`);
        minimum = Math.max(minimum, check.minimum);
      }
      const readElement = compile(def.element!, `${path}[]`, unsupported);
      return (value) => {
        if (!Array.isArray(value) || value.length < minimum) return NOT_CERTAIN;
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i += 1) {
          const element = readElement(value[i]);
          if (element === NOT_CERTAIN) return NOT_CERTAIN;
          out[i] = element;
        }
        return out;
      };
    }
    case 'object':
      return compileObject(def, path, unsupported, refuse);
    default:
      return refuse(`type ${def.type}`);
  }
}

function refuseAt(path: string, what: string, unsupported: string[]): Read {
  unsupported.push(`${path}: ${what}`);
  return () => NOT_CERTAIN;
}

/** A string check's test, when it certainly passes exactly when zod's does; undefined if unknown. */
function stringTest(check: CheckDef): ((value: string) => boolean) | undefined {
  if (check.check === 'string_format' && check.format === 'regex' && check.pattern instanceof RegExp) {
    const pattern = check.pattern;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value);
    };
  }
  if (check.check === 'min_length' && typeof check.minimum === 'number') {
    // Zod counts code points; twice the floor in UTF-16 units always holds that many, and anything
    // shorter is left to zod rather than counted here.
    const units = check.minimum * 2;
    return (value) => value.length >= units;
  }
  if (check.check === 'custom' && typeof check.fn === 'function') {
    const fn = check.fn;
    return (value) => fn(value) === true;
  }
  return undefined;
}

function compileObject(def: ZodInternals['def'], path: string, unsupported: string[], refuse: (what: string) => Read): Read {
  const shape = def.shape ?? {};
  if (Object.getOwnPropertySymbols(shape).length > 0) return refuse('symbol keys');
  if (!def.catchall || internals(def.catchall).def.type !== 'unknown' || (internals(def.catchall).def.checks ?? []).length > 0) {
    return refuse('an object that is not loose (unknown keys kept as sent)');
  }
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) return refuse('a __proto__ key');
  const known = new Set(keys);
  const fields = keys.map((key) => {
    const field = internals(shape[key]!);
    const optional = field.optin === 'optional' && field.optout === 'optional';
    const at = path === '(resource)' ? key : `${path}.${key}`;
    if (!optional && (field.optin !== undefined || field.optout !== undefined)) {
      return { key, optional, read: refuseAt(at, 'a default or other optionality', unsupported) };
    }
    return { key, optional, read: compile(shape[key]!, at, unsupported) };
  });
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_CERTAIN;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { key, optional, read } of fields) {
      if (!(key in input)) {
        if (optional) continue;
        return NOT_CERTAIN;
      }
      const field = read(input[key]);
      if (field === NOT_CERTAIN) return NOT_CERTAIN;
      out[key] = field;
    }
    for (const key in input) {
      if (known.has(key) || key === '__proto__') continue;
      out[key] = input[key];
    }
    return out;
  };
}
