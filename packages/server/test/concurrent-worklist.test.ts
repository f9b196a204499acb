import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFindings, evaluateEngagement, londonToday } from '@continuity/domain';
import { buildApp, createDemoAccounts } from '@continuity/server';
import { disengagedWorklist, importPath, type Store } from '@continuity/store';
import { generatePopulation } from '@continuity/synth';
import { storeKinds } from '../../../test/support/stores.ts';
import { naiveEngagementFacts } from '../../store/test/support/naive-engagement-facts.ts';
import { signIn } from './support/signed-in-app.ts';

// Contacts can only be recorded up to today, so the population ends today.
const TODAY = londonToday();
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuity-concurrent-'));
  await generatePopulation({ people: 150, seed: 11, asOf: TODAY, outDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The disengaged list the rules give over every record, computed afresh (as the population test does). */
async function listByTheRules(store: Store) {
  const records = await store.db.selectFrom('record').select(['person_id', 'resource_type', 'resource']).execute();
  const deceased = await store.db.selectFrom('person').select(['person_id', 'deceased_at']).where('deceased_at', 'is not', null).execute();
  const facts = naiveEngagementFacts(records as never, new Map(deceased.map((d) => [d.person_id, new Date(d.deceased_at!).toISOString()])));
  return [...facts.values()].map((f) => evaluateEngagement(f, TODAY)).filter((f) => f.reasons.length > 0).sort(compareFindings).map((f) => ({ id: f.personId, reasons: f.reasons }));
}

describe.each(storeKinds)('the disengaged worklist under concurrent writes on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  let cookie = '';
  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, dir)).rejected).toBe(0);
    await createDemoAccounts(store);
    app = await buildApp({ store, webRoot: '/nonexistent' });
    cookie = await signIn(app, 'keyworker');
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('is the list the rules give after contacts for many people are recorded at once while it is being read', async () => {
    const listed = (await disengagedWorklist(store.db, { asOf: TODAY })).list.items.map((i) => i.patient.id);
    const people = (await store.db.selectFrom('person').select('person_id').orderBy('person_id').execute()).map((p) => p.person_id);
    // Everyone listed is seen today; some not listed miss an appointment at midnight today (never in the future, whenever the test runs), which may list them.
    const writes = [...listed.map((id) => ({ id, outcome: 'attended' })), ...people.filter((id) => !listed.includes(id)).slice(0, 40).map((id) => ({ id, outcome: 'did-not-attend', time: '00:00' }))];
    const read = () => app.inject({ method: 'GET', url: `/api/worklists/disengaged?asOf=${TODAY}`, headers: { cookie } });
    const responses = await Promise.all([
      ...writes.map(({ id, ...contact }, n) => [
        app.inject({ method: 'POST', url: `/api/people/${id}/contacts`, headers: { cookie }, payload: { contactId: randomUUID(), date: TODAY, mode: 'home-visit', ...contact } }),
        ...(n % 5 === 0 ? [read()] : []),
      ]).flat(),
    ]);
    const statuses = responses.map((r) => r.statusCode);
    // Written, or refused for someone outside the key worker's team; every read answered.
    expect(statuses.filter((s) => ![200, 201, 403].includes(s))).toEqual([]);
    const written = statuses.filter((s) => s === 201).length;
    expect(written).toBeGreaterThan(10);

    const kept = (await disengagedWorklist(store.db, { asOf: TODAY })).list.items.map((i) => ({ id: i.patient.id, reasons: i.reasons }));
    expect(kept).toEqual(await listByTheRules(store));
    // The writes moved the list: those seen today are off it for not being seen.
    const stillUnseen = kept.filter((i) => listed.includes(i.id) && i.reasons.some((r) => r.code === 'no-contact-within-interval'));
    expect(stillUnseen.length).toBeLessThan(listed.length);
  });
});
