import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRecord, writeRecords, type Store } from '@continuity/store';
import { ctoLegalStatus, extension, system } from '@continuity/domain';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';
import { storeFingerprint } from './support/store-fingerprint.ts';

/**
 * Issue 10 part 1: every write route the server registers, found from the server itself so a new
 * one cannot be left out, sent random and hostile bodies and path parameters by a user who may use
 * it. Each answer is a 4xx in the project's error shape, and the store is byte-for-byte as it was
 * (but for the audit log, which rightly records refusals). A near-miss that is in fact valid (any
 * text is a valid note) is stored, which is right; the test counts those and keeps them few.
 */

/** One request each write route accepts over the foundation scenario, made by a user with access. */
interface Example {
  user: 'keyworker' | 'manager' | 'prescriber' | 'admin' | 'gp';
  params: Record<string, string>;
  body: Record<string, unknown>;
}

/** Write routes with nothing to fuzz, and why. Every other write route must have an example. */
const NOT_FUZZED: Record<string, string> = {
  'DELETE /api/session': 'takes no input: signing out always succeeds',
};

const day = '2026-01-10';

/** Made before fuzzing (so the routes that act on them get past "not found"); ids filled in then. */
const made = { taskId: '', transferId: '', agreementId: '', agreementVersion: 1, token: '' };

function examples(): Record<string, Example> {
  return {
    'POST /api/session': { user: 'admin', params: {}, body: { username: 'nobody-by-this-name', password: 'not-a-password' } },
    'POST /api/people/:id/contacts': { user: 'keyworker', params: { id: 'ada' }, body: { contactId: randomUUID(), date: day, time: '10:00', mode: 'face-to-face', outcome: 'attended', episode: 'ada-episode', note: 'Seen at home.' } },
    'POST /api/people/:id/results': { user: 'keyworker', params: { id: 'ada' }, body: { resultId: randomUUID(), test: '14334-7', date: day, value: 0.6 } },
    'POST /api/people/:id/discharge': { user: 'keyworker', params: { id: 'ada' }, body: { episode: 'ada-episode', version: 1, reason: 'recovered', mdtDecisionDate: day, relapseIndicators: 'Sleeping less.', harmsIfMissed: 'Self-neglect.', routeBack: 'Call the team.' } },
    'POST /api/people/:id/break-glass': { user: 'keyworker', params: { id: 'ben' }, body: { reason: 'Crisis call out of hours, known to be at risk' } },
    'POST /api/people/:id/medicines': { user: 'prescriber', params: { id: 'ada' }, body: { prescriptionId: randomUUID(), medicine: 'Lithium carbonate', dose: '400mg at night', date: day, intervalDays: null } },
    'POST /api/people/:id/medicines/:medicineId/stop': { user: 'prescriber', params: { id: 'ada', medicineId: 'ada-clozapine' }, body: { version: 1, date: day, reason: 'Neutropenia.' } },
    'POST /api/people/:id/medicines/:medicineId/statements': { user: 'keyworker', params: { id: 'ada', medicineId: 'ada-clozapine' }, body: { statementId: randomUUID(), kind: 'stopped-against-advice', date: day, note: 'Says it makes her tired.' } },
    'POST /api/people/:id/medicines/:medicineId/injections': { user: 'keyworker', params: { id: 'ada', medicineId: 'ada-clozapine' }, body: { administrationId: randomUUID(), outcome: 'given', date: day, time: '09:30' } },
    'POST /api/referrals': { user: 'manager', params: {}, body: { referralId: randomUUID(), personId: 'ben', source: 'gp', date: day, priority: 'routine', reason: 'Low mood for months; not sleeping.', referrer: 'Dr Patel' } },
    'POST /api/people/:id/referrals/:referralId/triage': { user: 'manager', params: { id: 'ada', referralId: 'ada-referral' }, body: { version: 1, outcome: 'accepted', date: day, teamId: 'team-north' } },
    'POST /api/people/:id/referrals/:referralId/check-ins': { user: 'keyworker', params: { id: 'ada', referralId: 'ada-referral' }, body: { checkInId: randomUUID(), date: day, note: 'Still waiting, coping.' } },
    'POST /api/people/:id/escalation/tasks': { user: 'keyworker', params: { id: 'ada' }, body: { step: 'home-visit', ownerId: 'demo-keyworker', due: day } },
    'POST /api/people/:id/escalation/tasks/:taskId/complete': { user: 'keyworker', params: { id: 'ada', taskId: made.taskId }, body: { version: 1, outcome: 'Visited; she is well.' } },
    'POST /api/people/:id/escalation/tasks/:taskId/cancel': { user: 'keyworker', params: { id: 'ada', taskId: made.taskId }, body: { version: 1, reason: 'Back in touch.' } },
    'POST /api/people/:id/escalation/decisions': { user: 'keyworker', params: { id: 'ada' }, body: { decidedOn: day, decision: 'Keep trying by letter.', reviewOn: '2026-02-10' } },
    'POST /api/people/:id/transfers': { user: 'keyworker', params: { id: 'ada' }, body: { episode: 'ada-episode', receivingTeam: 'team-south', reason: 'Moved to the south of the county.' } },
    'POST /api/people/:id/transfers/:transferId/accept': { user: 'keyworker', params: { id: 'ada', transferId: made.transferId }, body: { version: 1, keyWorker: 'kw-1' } },
    'POST /api/people/:id/transfers/:transferId/decline': { user: 'keyworker', params: { id: 'ada', transferId: made.transferId }, body: { version: 1, declineReason: 'We do not cover that address.' } },
    'POST /api/people/:id/transfers/:transferId/withdraw': { user: 'keyworker', params: { id: 'ada', transferId: made.transferId }, body: { version: 1 } },
    'POST /api/people/:id/physical-health/invitations': { user: 'keyworker', params: { id: 'ada' }, body: { invitationId: randomUUID(), date: day, method: 'letter', note: 'Posted.' } },
    'POST /api/people/:id/shared-care': { user: 'prescriber', params: { id: 'ada' }, body: { agreementId: randomUUID(), medicationRequest: 'ada-clozapine', date: day, responsibilities: [{ task: 'prescribing', holder: 'practice' }, { task: 'full-blood-count', holder: 'team' }] } },
    'POST /api/people/:id/shared-care/:agreementId/status': { user: 'prescriber', params: { id: 'ada', agreementId: made.agreementId }, body: { status: 'ended', date: day, version: made.agreementVersion } },
    'POST /api/shared-care/practice/:agreementId/answer': { user: 'gp', params: { agreementId: made.agreementId }, body: { status: 'accepted', date: day, version: made.agreementVersion } },
    'POST /api/people/:id/mha/ctos/:flag/events': { user: 'keyworker', params: { id: 'ada', flag: 'ada-cto' }, body: { version: 1, kind: 'renewal', date: day, expires: '2026-12-01' } },
    'POST /api/people/:id/care-intensity': { user: 'keyworker', params: { id: 'ada' }, body: { episodeId: 'ada-episode', episodeVersion: 1, intensity: 'intensive', reason: 'Readmitted twice this year; needs weekly contact.', decidedOn: day } },
    'POST /api/people/:id/outcomes': { user: 'keyworker', params: { id: 'ada' }, body: { measureId: randomUUID(), instrument: 'phq-9', date: day, answers: { 1: 1, 2: 1, 3: 0, 4: 2, 5: 1, 6: 0, 7: 1, 8: 0, 9: 0 } } },
    'POST /api/people/:id/measure-links': { user: 'keyworker', params: { id: 'ada' }, body: { instrument: 'dialog' } },
    'POST /api/measure-links/:token': { user: 'keyworker', params: { token: made.token }, body: { answers: { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4, 9: 4, 10: 4, 11: 4 } } },
    'POST /api/teams/:teamId/cover': { user: 'manager', params: { teamId: 'team-north' }, body: { absentPractitionerId: 'kw-1', coveringPractitionerId: 'kw-2', from: day, to: '2026-01-20', reason: 'Leave.' } },
  };
}

/** The write routes under /api the app registers, as "METHOD /path", read from Fastify's route tree. */
function writeRoutes(app: FastifyInstance): string[] {
  const found: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]!.split(', ')) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && path.startsWith('/api/')) found.push(`${method} ${path}`);
    }
  }
  return found.sort();
}

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

describe.each(storeKinds)('every write route given bad input on $name', ({ open }) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    store = await open();
    app = await scenarioApp(store);
    // The demo GP answers for Ada's practice (the demo picks the practice with most proposals, and this scenario has none yet).
    await store.db.updateTable('app_user').set({ organisation_id: 'gp-1' }).where('username', '=', 'gp').execute();
    for (const user of ['keyworker', 'manager', 'prescriber', 'admin', 'gp']) cookies[user] = await signIn(app, user);
    const post = (user: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: { cookie: cookies[user]! }, payload });
    const task = await post('keyworker', '/api/people/ada/escalation/tasks', { step: 'home-visit', ownerId: 'demo-keyworker', due: day });
    made.taskId = String(task.json().id);
    const transfer = await post('keyworker', '/api/people/ada/transfers', { episode: 'ada-episode', receivingTeam: 'team-south', reason: 'Moved to the south of the county.' });
    made.transferId = String(transfer.json().id);
    // A proposal for the GP to answer, a Community Treatment Order to renew, and a person's own measure link.
    const agreementId = randomUUID();
    const proposal = await post('prescriber', '/api/people/ada/shared-care', { agreementId, medicationRequest: 'ada-clozapine', date: day, responsibilities: [{ task: 'prescribing', holder: 'practice' }, { task: 'full-blood-count', holder: 'team' }] });
    expect(proposal.statusCode, proposal.body).toBe(201);
    made.agreementId = agreementId;
    const cto = { resourceType: 'Flag', id: 'ada-cto', status: 'active', subject: { reference: 'Patient/ada' }, period: { start: '2025-12-01' },
      category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }], code: { coding: [{ system: system.mhaLegalStatus, code: ctoLegalStatus }] },
      extension: [{ url: extension.reviewDue, valueDate: '2026-05-31' }] };
    await writeRecords(store.db, [prepareRecord({ type: 'Flag', id: 'ada-cto', personId: 'ada', resource: cto as never })]);
    const link = await post('keyworker', '/api/people/ada/measure-links', { instrument: 'dialog' });
    made.token = String(link.json().link.path).replace('/measure/', '');
  });
  afterAll(async () => {
    await store.close();
  });

  it('fuzzes every write route the server registers', () => {
    expect(writeRoutes(app)).toEqual(Object.keys({ ...examples(), ...NOT_FUZZED }).sort());
  });

  it('answers every bad input with a 4xx naming what is wrong, and leaves the store as it was', { timeout: 240_000 }, async () => {
    const tried: Record<string, number> = {};
    const reachedChecks = new Set<string>();
    let accepted = 0;
    let before = await storeFingerprint(store);
    for (const [route, example] of Object.entries(examples())) {
      const [method, pattern] = route.split(' ') as ['POST' | 'DELETE', string];
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
          const { error } = response.json() as { error: { code: unknown; message: unknown; fields?: Array<{ field: unknown; message: unknown }> } };
          expect(typeof error.code === 'string' && error.code.length > 0, response.body).toBe(true);
          expect(typeof error.message === 'string' && error.message.length > 0, response.body).toBe(true);
          for (const f of error.fields ?? []) expect(typeof f.field === 'string' && typeof f.message === 'string' && f.message.length > 0, response.body).toBe(true);
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
