import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { checkBySchema, checkFastThenBySchema, readerFor, resourceTypes, schemaFor, validateResourceWith, type ResourceType } from '@continuity/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, readAll, type R } from './support/population.ts';

/**
 * The fast schema reader (packages/domain/src/fhir/schema-reader.ts) must be the same validation as
 * zod alone: over generated populations and near-misses of them, validateResource with it gives
 * exactly what it gives with zod alone, the stored form's key order included.
 */

const SEEDS = [11, 2025, 90210];
const dirs: string[] = [];
const population: Array<{ type: ResourceType; resource: R }> = [];

beforeAll(async () => {
  for (const seed of SEEDS) {
    const { dir } = await generate(300, seed);
    dirs.push(dir);
    for (const [type, list] of readAll(dir)) for (const resource of list) population.push({ type: type as ResourceType, resource });
  }
}, 240_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Both validations of one input, failing the test on any difference (message and field included). */
function expectSame(input: unknown, type?: ResourceType): void {
  const byZod = validateResourceWith(checkBySchema, input, type);
  const fast = validateResourceWith(checkFastThenBySchema, input, type);
  expect(fast).toStrictEqual(byZod);
  // toStrictEqual ignores key order; the stored JSON and its hash do not.
  if (fast.ok && byZod.ok) expect(JSON.stringify(fast.resource)).toBe(JSON.stringify(byZod.resource));
}

describe('the fast schema reader', () => {
  it('gives the same result as zod alone for every generated resource, and is what accepts them', () => {
    expect(population.length).toBeGreaterThan(30_000);
    const readers = new Map(resourceTypes.map((type) => [type, readerFor(schemaFor(type))]));
    let acceptedFast = 0;
    population.forEach(({ type, resource }, i) => {
      expectSame(resource, type);
      // Undeclared, the type is read from the resource: the same path after that, so a sample will do.
      if (i % 10 === 0) expectSame(resource);
      if (readers.get(type)!.accept(resource)) acceptedFast += 1;
    });
    // Every generated resource is valid, so the reader should be certain of nearly all of them.
    expect(acceptedFast / population.length).toBeGreaterThan(0.99);
  });

  it('gives the same result as zod alone for random near-misses of generated resources', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (pick, mutations, declared) => {
        const { type, resource } = population[pick % population.length]!;
        let input: unknown = structuredClone(resource);
        for (const change of mutations) input = apply(change, input);
        expectSame(input, declared ? type : undefined);
      }),
      { numRuns: 20_000 },
    );
  });

  it('covers every resource type the platform holds', () => {
    expect(new Set(population.map((p) => p.type))).toEqual(new Set(resourceTypes.filter((t) => t !== 'DocumentReference')));
  });
});

/** Strings near the edges of what the schemas accept: dates, ids, references, code points, NULs. */
const edgyString = fc.oneof(
  fc.constantFrom(
    '', 'a', 'é', '\u0000', 'x\u0000y', '😀', '\uD83D', '\uDE00', ' ', 'Patient/', 'Patient/p1', 'Patient/p 1', 'patient/p1', 'urn:uuid:1234',
    '#contained', 'https://example.org/fhir/Patient/1', 'Practitioner/kw1/_history/2', 'Basic/b1', '2025', '2025-02', '2025-02-29', '2024-02-29', '2025-02-30',
    '2025-13-01', '1799-12-31', '2201-01-01', '2025-06-10T10:00:00Z', '2025-06-10T10:00:00', '2025-06-10T24:00:00Z', '2025-06-10T10:00:00+14:00',
    '2025-06-10T10:00:00+14:30', '2025-06-10T10:00:60.123456789Z', '2025-06-10T10:00:00.1234567890Z', 'a'.repeat(64), 'a'.repeat(65), 'has spaces',
    'final', 'active', 'male', 'noshow', 'order', 'Patient', 'Observation', 'Basic', '9434765919', '9434765918', 'https://fhir.nhs.uk/Id/nhs-number',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** Any replacement value: JSON, edge strings, or the wrong shapes a schema meets. */
const anyValue = fc.oneof(
  edgyString,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(undefined, null, 0, -1, 1.5, true, false, [], {}, [{}], [''], { reference: 'Patient/p1' }, [{ reference: 'Patient/p1' }],
    { reference: '' }, { coding: [{ code: 1 }] }, { start: '2025-02-30' }, { actor: {} }),
);

/** An unknown key: ordinary, numeric (ordered first by JavaScript), or one objects treat specially. */
const unknownKey = fc.oneof(
  fc.constantFrom('extension', 'zzz', '0', '10', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x\u0000', 'reference', 'resourceType', 'id'),
  fc.string({ maxLength: 8 }),
);

/** Every place in a value, as the container and key that hold it; the root has no container. */
function places(root: unknown): Array<{ container: Record<string, unknown> | unknown[]; key: string | number }> {
  const found: Array<{ container: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        found.push({ container: node, key: i });
        walk(child);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        found.push({ container: node as Record<string, unknown>, key });
        walk((node as Record<string, unknown>)[key]);
      }
    }
  };
  walk(root);
  return found;
}

/** Sets a key as JSON.parse would: an own property, even for "__proto__". */
function put(container: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One change to a resource, as data so that a counterexample reads plainly. */
type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'empty array'; pick: number }
  | { kind: 'change a character'; pick: number; at: number; char: string }
  | { kind: 'add a key'; pick: number; key: string; value: unknown }
  | { kind: 'nest or unnest'; pick: number }
  | { kind: 'resourceType'; value: unknown }
  | { kind: 'not an object'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // delete a field or an array element (a required field, the last participant, ...)
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  // replace a value with another of any type
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: anyValue }),
  // leave an array empty (at least one participant, category or content is required)
  fc.record({ kind: fc.constant('empty array' as const), pick: fc.nat() }),
  // change one character of a string (a date, an id, a reference, a code)
  fc.record({
    kind: fc.constant('change a character' as const),
    pick: fc.nat(),
    at: fc.nat(),
    char: fc.constantFrom('0', '9', '-', 'T', 'Z', ':', '/', '.', ' ', 'a', '\u0000', '+', '😀', ''),
  }),
  // add an unknown key to the resource or to any object in it
  fc.record({ kind: fc.constant('add a key' as const), pick: fc.nat(), key: unknownKey, value: anyValue }),
  // nest a value in an array, or take an array's first element in its place
  fc.record({ kind: fc.constant('nest or unnest' as const), pick: fc.nat() }),
  // another resource type, or none
  fc.record({ kind: fc.constant('resourceType' as const), value: fc.constantFrom<unknown>('Patient', 'Observation', 'Basic', '', undefined, 7) }),
  // not an object at all
  fc.record({ kind: fc.constant('not an object' as const), value: anyValue }),
);

function apply(change: Mutation, root: unknown): unknown {
  if (change.kind === 'not an object') return structuredClone(change.value);
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (change.kind === 'resourceType') {
    if (isObject(root)) put(root, 'resourceType', change.value);
    return root;
  }
  const all = places(root);
  const valueAt = (p: (typeof all)[number]) => (p.container as Record<string | number, unknown>)[p.key];
  if (change.kind === 'add a key') {
    const objects = [root, ...all.map(valueAt)].filter(isObject);
    if (objects.length > 0) put(objects[change.pick % objects.length]!, change.key, structuredClone(change.value));
    return root;
  }
  const candidates = change.kind === 'empty array' ? all.filter((p) => Array.isArray(valueAt(p))) : all;
  if (candidates.length === 0) return root;
  const place = candidates[change.pick % candidates.length]!;
  const { container, key } = place;
  const value = valueAt(place);
  switch (change.kind) {
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
      break;
    case 'replace':
      put(container, key, structuredClone(change.value));
      break;
    case 'empty array':
      put(container, key, []);
      break;
    case 'change a character':
      if (typeof value === 'string') {
        const i = value.length === 0 ? 0 : change.at % value.length;
        put(container, key, value.slice(0, i) + change.char + value.slice(i + 1));
      }
      break;
    case 'nest or unnest':
      put(container, key, Array.isArray(value) ? value[0] : [value]);
      break;
  }
  return root;
}
