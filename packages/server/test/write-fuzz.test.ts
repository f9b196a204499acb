import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenarioApp } from './support/signed-in-app.ts';
import { examples, NOT_FUZZED, prepareWriteScenario, registeredRoutes, writeMethods } from './support/write-examples.ts';
import { storeFingerprint } from './support/store-fingerprint.ts';

/**
 * Issue 10 part 1: every write route the server registers, found from the server itself so a new
 * one cannot be left out, sent random and hostile bodies and path parameters by a user who may use
 * it. Each answer is a 4xx in the project's error shape, and the store is byte-for-byte as it was
 * (but for the audit log, which rightly records refusals). A near-miss that is in fact valid (any
 * text is a valid note) is stored, which is right; the test counts those and keeps them few.
 */

const hugeString = fc.integer({ min: 5_000, max: 300_000 }).map((n) => 'x'.repeat(n));
const deepNesting = fc.integer({ min: 50, max: 5_000 }).map((depth) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown);
const outOfRangeDate = fc
  .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10)));

/** Values no field expects, or expects only near: the hard inputs. */
const adversarial: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, true, false, 0, -1, -0, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '0', '1', '-1', '1e400', 'true', 'null', 'NaN', 'Infinity',
    "'; DROP TABLE record; --", "' OR '1'='1", '{"$gt":""}', '<script>alert(1)</script>', '../../etc/passwd', '${jndi:ldap://x}', '%00', '\u0000', '\u202e\u0000\u001f', '😀'.repeat(50),
    '2024-02-30', '2024-13-01', '0000-00-00', '9999-12-31', '+275760-09-13', '-271821-04-20', '1900-01-01', '99:99', '25:00', 'today',
    '__proto__', 'constructor', 'prototype', [], {}, [1, 2, 3], { version: 1 },
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.integer().map(String),
  fc.double().map(String),
  outOfRangeDate,
  hugeString,
  deepNesting,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Keys that would pollute an object's prototype if a body were merged naively. */
const polluting = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** The request body as JSON text: a near-miss of the example, or not an object at all, or not JSON. */
function bodies(example: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = Object.keys(example);
  const replaced = fc.tuple(fc.constantFrom(...keys), adversarial).map(([key, value]) => JSON.stringify({ ...example, [key]: value }));
  const missing = fc.constantFrom(...keys).map((key) => JSON.stringify(Object.fromEntries(Object.entries(example).filter(([k]) => k !== key))));
  const extra = fc.tuple(fc.string({ maxLength: 20 }), adversarial).map(([key, value]) => JSON.stringify({ ...example, [key]: value }));
  // Written as text: a "__proto__" key in an object literal would set the prototype, not a key.
  const pollution = fc.tuple(polluting, fc.constantFrom(...keys)).map(([key, field]) => JSON.stringify(example).replace(/^\{/, `{"${key}":{"${field}":"polluted","isAdmin":true,"role":"admin"},`));
  const notObject = adversarial.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v) ?? 'null');
  const notJson = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('{', '{"a":', '[1,', "{'a':1}", '\u0000', 'undefined'));
  const tooLarge = fc.constant(JSON.stringify({ ...example, [keys[0]!]: 'x'.repeat((1 << 20) + 10) }));
  return fc.oneof(
    { arbitrary: replaced, weight: 8 },
    { arbitrary: missing, weight: 2 },
    { arbitrary: extra, weight: 1 },
    { arbitrary: pollution, weight: 1 },
    { arbitrary: notObject, weight: 2 },
    { arbitrary: notJson, weight: 1 },
    { arbitrary: tooLarge, weight: 1 },
  );
}

/** Path parameters: mostly the example's, sometimes one of them replaced by something hostile. */
function paramsOf(example: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(example);
  if (keys.length === 0) return fc.constant(example);
  const hostile = fc.oneof(
    fc.constantFrom('..', '%2e%2e', '%2F', '%00', '%ZZ', '%', "'", "'%20OR%20'1'='1", '__proto__', 'constructor', '-1', '0', '99999999999999999999999', '1e3', '%F0%9F%98%80', ' ', 'a'.repeat(5000)),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  );
  return fc.oneof({ arbitrary: fc.constant(example), weight: 3 }, { arbitrary: fc.tuple(fc.constantFrom(...keys), hostile).map(([k, v]) => ({ ...example, [k]: v })), weight: 2 });
}

const RUNS_PER_ROUTE = 30;

function expectApiError(body: unknown, text: string) {
  const { error } = body as { error: { code: unknown; message: unknown; fields?: Array<{ field: unknown; message: unknown }> } };
  expect(typeof error.code === 'string' && error.code.length > 0, text).toBe(true);
  expect(typeof error.message === 'string' && error.message.length > 0, text).toBe(true);
  for (const f of error.fields ?? []) expect(typeof f.field === 'string' && typeof f.message === 'string' && f.message.length > 0, text).toBe(true);
}

/** The FHIR API's refusals: an OperationOutcome whose every issue says why, naming the field where there is one. */
function expectOperationOutcome(body: unknown, text: string) {
  const outcome = body as { resourceType: unknown; issue: Array<{ code: unknown; diagnostics: unknown; expression?: unknown[] }> };
  expect(outcome.resourceType, text).toBe('OperationOutcome');
  expect(outcome.issue.length, text).toBeGreaterThan(0);
  for (const issue of outcome.issue) {
    expect(typeof issue.code === 'string' && typeof issue.diagnostics === 'string' && issue.diagnostics.length > 0, text).toBe(true);
    for (const field of issue.expression ?? []) expect(typeof field === 'string' && field.length > 0, text).toBe(true);
  }
}

describe.each(storeKinds)('every write route given bad input on $name', ({ open }) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    store = await open();
    app = await scenarioApp(store);
    await prepareWriteScenario(app, store, cookies);
  });
  afterAll(async () => {
    await store.close();
  });

  it('fuzzes every write route the server registers', () => {
    expect(registeredRoutes(app, writeMethods)).toEqual(Object.keys({ ...examples(), ...NOT_FUZZED }).sort());
  });

  it('answers every bad input with a 4xx naming what is wrong, and leaves the store as it was', { timeout: 240_000 }, async () => {
    const tried: Record<string, number> = {};
    const reachedChecks = new Set<string>();
    let accepted = 0;
    let before = await storeFingerprint(store);
    for (const [route, example] of Object.entries(examples())) {
      const [method, pattern] = route.split(' ') as ['POST' | 'PUT' | 'DELETE', string];
      await fc.assert(
        fc.asyncProperty(paramsOf(example.params), bodies(example.body), async (params, payload) => {
          tried[route] = (tried[route] ?? 0) + 1;
          const url = pattern.replace(/:(\w+)/g, (_, name: string) => params[name]!);
          const response = await app.inject({ method, url, headers: { cookie: cookies[example.user]!, 'content-type': 'application/json' }, payload });
          const after = await storeFingerprint(store);
          // A near-miss can be a valid request (any text is a valid note): then it is stored, rightly.
          if (response.statusCode < 300) {
            accepted += 1;
            before = after;
            return;
          }
          expect(response.statusCode, `${route} ${url} ${payload.slice(0, 300)} → ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, `${route} ${url} ${payload.slice(0, 300)} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
          // A hostile id can climb out of /fhir ("/fhir/.."): then the rest of the server answers.
          if (new URL(url, 'http://localhost').pathname.startsWith('/fhir/')) expectOperationOutcome(response.json(), response.body);
          else expectApiError(response.json(), response.body);
          if (![401, 403, 404].includes(response.statusCode)) reachedChecks.add(route);
          expect(after, `${route} ${url} ${payload.slice(0, 300)} changed the store`).toEqual(before);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 20261125 },
      );
    }
    const total = Object.values(tried).reduce((a, b) => a + b, 0);
    console.log(`write-fuzz: ${total} requests over ${Object.keys(tried).length} routes, ${accepted} of them valid and stored`);
    // The user could act on every route: the inputs reached its checks, not only the access gate.
    expect([...reachedChecks].sort()).toEqual(Object.keys(examples()).sort());
    expect(accepted).toBeLessThan(total / 4);
  });
});
