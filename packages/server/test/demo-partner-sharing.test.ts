import { describe, expect, it } from 'vitest';
import { buildApp, createDemoAccounts, createDemoPartnerSharing } from '@continuity/server';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from '../../store/test/support/synthetic-store.ts';
import { signIn } from './support/signed-in-app.ts';

/** The demo's information sharing over a small synthetic population: the police see the people linked to them, as agreed; once only. */
describe.each(storeKinds)('the demo partner sharing on $name', (kind) => {
  const population = syntheticPopulation({ people: 40, seed: 7, asOf: '2026-06-30' });
  const held = importedStore(kind, population);

  it('links the synthetic police to people on the demo key worker’s caseload under a live agreement, and lets its officer sign in', async () => {
    const { store } = held;
    await createDemoAccounts(store);
    expect(await createDemoPartnerSharing(store)).toBe('police');
    expect(await createDemoPartnerSharing(store)).toBeNull();
    const app = await buildApp({ store, webRoot: '/nonexistent' });
    const cookie = await signIn(app, 'police');
    const people = (await app.inject({ method: 'GET', url: '/api/partner/people', headers: { cookie } })).json().people as Array<{ id: string }>;
    // Up to five linked (as many as the key worker holds); the agreement rests on s115, not consent, so whoever declined is shared too.
    const linked = await store.db.selectFrom('record').select('person_id').where('resource_type', '=', 'Consent').where('id', 'like', 'demo-sharing-police-%').execute();
    expect(linked.length).toBeGreaterThanOrEqual(3);
    expect(people.map((p) => p.id).sort()).toEqual(linked.map((l) => l.person_id).sort());
    const view = (await app.inject({ method: 'GET', url: `/api/partner/people/${people[0]!.id}`, headers: { cookie } })).json();
    expect(Object.keys(view.person).sort()).toEqual(['appointments', 'id', 'identity', 'key-worker-and-team', 'red-flags']);
    await app.close();
  });
});
