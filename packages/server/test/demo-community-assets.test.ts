import { describe, expect, it } from 'vitest';
import { createDemoAccounts, createDemoCommunityAssets, DEMO_PASSWORD, buildApp } from '@continuity/server';
import { storeKinds } from '../../../test/support/stores.ts';
import { importedStore, syntheticPopulation } from '../../store/test/support/synthetic-store.ts';
import { signIn } from './support/signed-in-app.ts';

/** The demo's directory over a small synthetic population: every person's postcode placed, services near them, and the VCSE partner's sign-in. */
describe.each(storeKinds)('the demo community assets on $name', (kind) => {
  const population = syntheticPopulation({ people: 40, seed: 7, asOf: '2026-06-30' });
  const held = importedStore(kind, population);

  it('places every person, lists services by distance from them, and lets the synthetic VCSE partner sign in; once only', async () => {
    const { store } = held;
    await createDemoAccounts(store);
    expect(await createDemoCommunityAssets(store)).toBe('vcse');
    expect(await createDemoCommunityAssets(store)).toBeNull();
    const unplaced = await store.db.selectFrom('person').leftJoin('postcode_centroid as c', 'c.postcode', 'person.postcode').select('person.person_id').where('person.postcode', 'is not', null).where('c.postcode', 'is', null).execute();
    expect(unplaced).toEqual([]);

    const app = await buildApp({ store, webRoot: '/nonexistent' });
    const cookie = await signIn(app, 'keyworker');
    const somebody = await store.db.selectFrom('person').select('postcode').where('postcode', 'is not', null).orderBy('person_id').executeTakeFirstOrThrow();
    const found = (await app.inject({ method: 'GET', url: `/api/community-assets?need=housing&postcode=${encodeURIComponent(somebody.postcode!)}`, headers: { cookie } })).json();
    expect(found.from).toEqual({ postcode: somebody.postcode, located: true });
    expect(found.assets.length).toBe(2);
    expect(found.assets[0].distanceKm).toBeLessThanOrEqual(found.assets[1].distanceKm);
    expect((await app.inject({ method: 'GET', url: '/api/community-assets/referrals', headers: { cookie: await signIn(app, 'vcse', DEMO_PASSWORD) } })).json()).toEqual({ referrals: [] });
    await app.close();
  });
});
