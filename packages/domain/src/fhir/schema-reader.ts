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
 * node_modules/zod/v4/core/schemas.js): a new object with the schema's keys first, in schema order,
 * when present in the input (an optional key present as undefined is kept), then every other key of
 * the input in `for...in` order, each with its value as sent, except `__proto__`; a new array per
 * array; strings, enums and literals as they are. A construct this reader does not know is never
 * guessed at: it is listed in `unsupported` and answers "not certain" wherever it is met
 * (packages/domain/test/validate-fast-path.test.ts fails on any in the resource schemas).
 *
 * The reader is written out as the source of one function per schema, as zod's own JIT does: each
 * field then has its own call sites and branches, which V8 optimises as it could not one generic
 * walk over a schema (a closure per node measured 1.3-1.9 times as slow). The source holds only keys
 * quoted by JSON.stringify and references to the schema's own patterns, sets and refinements.
 */

const NOT_CERTAIN: unique symbol = Symbol('not certain');

export interface SchemaReader {
  /** What zod would return for `input`, when it would certainly accept it; otherwise undefined. */
  accept(input: unknown): Record<string, unknown> | undefined;
  /** Where the schema uses something the reader does not understand (so always asks zod there). */
  unsupported: string[];
}

export function readerFor(schema: z.ZodType): SchemaReader {
  const source = new Source();
  source.emit(schema, 'input', 'out', '(resource)');
  const read = writeOut(source);
  return {
    accept(input) {
      const out = read(input);
      return out === NOT_CERTAIN ? undefined : (out as Record<string, unknown>);
    },
    unsupported: source.unsupported,
  };
}

/**
 * The reader as a function. Where code may not be made from text (or the source were wrong), one that
 * is never certain, so zod decides and nothing is accepted that zod would refuse.
 */
function writeOut(source: Source): (input: unknown) => unknown {
  try {
    return new Function('c', 'NOT_CERTAIN', `return function read(input) {\nlet out;\n${source.lines.join('\n')}\nreturn out;\n};`)(
      source.constants,
      NOT_CERTAIN,
    ) as (input: unknown) => unknown;
  } catch (error) {
    source.unsupported.push(`(resource): the reader could not be written out (${(error as Error).message})`);
    return () => NOT_CERTAIN;
  }
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

/** The reader's source: statements that read a value into a variable, or return NOT_CERTAIN. */
class Source {
  lines: string[] = [];
  /** The schema's own patterns, sets and refinements, which the source names as c[i]. */
  constants: unknown[] = [];
  unsupported: string[] = [];
  private names = 0;

  private constant(value: unknown): string {
    this.constants.push(value);
    return `c[${this.constants.length - 1}]`;
  }

  private name(prefix: string): string {
    this.names += 1;
    return `${prefix}${this.names}`;
  }

  private refuse(path: string, what: string): void {
    this.unsupported.push(`${path}: ${what}`);
    this.lines.push('return NOT_CERTAIN;');
  }

  /** Statements that check `value` against `schema` and set `target` to what zod would return. */
  emit(schema: z.ZodType, value: string, target: string, path: string): void {
    const zod = internals(schema);
    const { def } = zod;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    if (checks.length > 0 && def.type !== 'string' && def.type !== 'array') return this.refuse(path, `checks on ${def.type}`);

    switch (def.type) {
      case 'string':
        return this.emitString(zod, checks, value, target, path);
      case 'enum':
      case 'literal': {
        if (!zod.values) return this.refuse(path, `${def.type} without values`);
        const values = [...zod.values];
        // A switch compares strings as Set.has does (SameValueZero differs only for NaN and -0).
        if (values.every((v) => typeof v === 'string')) {
          this.lines.push(`switch (${value}) { ${values.map((v) => `case ${JSON.stringify(v)}:`).join(' ')} break; default: return NOT_CERTAIN; }`);
        } else {
          this.lines.push(`if (!${this.constant(zod.values)}.has(${value})) return NOT_CERTAIN;`);
        }
        this.lines.push(`${target} = ${value};`);
        return;
      }
      case 'unknown':
        this.lines.push(`${target} = ${value};`);
        return;
      case 'optional': {
        const inner = def.innerType!;
        if (internals(inner).optin === 'defaulted') return this.refuse(path, 'optional around a default');
        this.lines.push(`if (${value} === undefined) ${target} = undefined; else {`);
        this.emit(inner, value, target, path);
        this.lines.push('}');
        return;
      }
      case 'array':
        return this.emitArray(def, checks, value, target, path);
      case 'object':
        return this.emitObject(def, value, target, path);
      default:
        return this.refuse(path, `type ${def.type}`);
    }
  }

  private emitString(zod: ZodInternals, checks: CheckDef[], value: string, target: string, path: string): void {
    if (zod.def.coerce || zod.def.format || zod.traits.has('$ZodCheck')) return this.refuse(path, 'string with a format or coercion');
    const tests: string[] = [];
    for (const check of checks) {
      if (check.check === 'string_format' && check.format === 'regex' && check.pattern instanceof RegExp) {
        const pattern = this.constant(check.pattern);
        tests.push(`${pattern}.lastIndex = 0; if (!${pattern}.test(${value})) return NOT_CERTAIN;`);
      } else if (check.check === 'min_length' && typeof check.minimum === 'number') {
        // Zod counts code points; twice the floor in UTF-16 units always holds that many, and anything
        // shorter is left to zod rather than counted here.
        tests.push(`if (${value}.length < ${check.minimum * 2}) return NOT_CERTAIN;`);
      } else if (check.check === 'custom' && typeof check.fn === 'function') {
        tests.push(`if (${this.constant(check.fn)}(${value}) !== true) return NOT_CERTAIN;`);
      } else {
        return this.refuse(path, `string check ${check.check}${check.format ? ` (${check.format})` : ''}`);
      }
    }
    this.lines.push(`if (typeof ${value} !== 'string') return NOT_CERTAIN;`, ...tests, `${target} = ${value};`);
  }

  private emitArray(def: ZodInternals['def'], checks: CheckDef[], value: string, target: string, path: string): void {
    let minimum = 0;
    for (const check of checks) {
      if (check.check !== 'min_length' || typeof check.minimum !== 'number') return this.refuse(path, `array check ${check.check}`);
      minimum = Math.max(minimum, check.minimum);
    }
    const [array, i, element, read] = [this.name('array'), this.name('i'), this.name('element'), this.name('read')];
    this.lines.push(
      `if (!Array.isArray(${value}) || ${value}.length < ${minimum}) return NOT_CERTAIN;`,
      `const ${array} = new Array(${value}.length);`,
      `for (let ${i} = 0; ${i} < ${value}.length; ${i} += 1) {`,
      `const ${element} = ${value}[${i}];`,
      `let ${read};`,
    );
    this.emit(def.element!, element, read, `${path}[]`);
    this.lines.push(`${array}[${i}] = ${read};`, '}', `${target} = ${array};`);
  }

  private emitObject(def: ZodInternals['def'], value: string, target: string, path: string): void {
    const shape = def.shape ?? {};
    if (Object.getOwnPropertySymbols(shape).length > 0) return this.refuse(path, 'symbol keys');
    const catchall = def.catchall && internals(def.catchall).def;
    if (!catchall || catchall.type !== 'unknown' || (catchall.checks ?? []).length > 0) {
      return this.refuse(path, 'an object that is not loose (unknown keys kept as sent)');
    }
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) return this.refuse(path, 'a __proto__ key');
    const object = this.name('object');
    this.lines.push(
      `if (typeof ${value} !== 'object' || ${value} === null || Array.isArray(${value})) return NOT_CERTAIN;`,
      `const ${object} = {};`,
    );
    for (const key of keys) {
      const field = internals(shape[key]!);
      const at = path === '(resource)' ? key : `${path}.${key}`;
      const quoted = JSON.stringify(key);
      const [sent, read] = [this.name('sent'), this.name('read')];
      const optional = field.optin === 'optional' && field.optout === 'optional';
      if (!optional && (field.optin !== undefined || field.optout !== undefined)) {
        this.refuse(at, 'a default or other optionality');
        continue;
      }
      // One lookup for a value that is there; `in` only tells an absent key from one sent as undefined.
      this.lines.push(
        `const ${sent} = ${value}[${quoted}];`,
        `if (${sent} === undefined && !(${quoted} in ${value})) { ${optional ? '' : 'return NOT_CERTAIN;'} } else {`,
        `let ${read};`,
      );
      this.emit(shape[key]!, sent, read, at);
      this.lines.push(`${object}[${quoted}] = ${read};`, '}');
    }
    const key = this.name('key');
    const skip = [...keys, '__proto__'].map((k) => `case ${JSON.stringify(k)}:`).join(' ');
    this.lines.push(`for (const ${key} in ${value}) { switch (${key}) { ${skip} continue; } ${object}[${key}] = ${value}[${key}]; }`, `${target} = ${object};`);
  }
}
