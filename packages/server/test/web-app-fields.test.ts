import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { NHS } from '../../store/test/support/scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

/** Fields the web app shows: the team in search results, and when break-glass access ends. */
describe.each(storeKinds)('fields for the web app on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  let cookie: string;
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store);
    cookie = await signIn(app, 'keyworker');
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('names the team holding each person found', async () => {
    const ada = await get(`/api/people?q=${NHS.ada}`);
    expect(ada.json().results).toEqual([expect.objectContaining({ id: 'ada', teams: [{ id: 'team-north', name: 'North CMHT' }], access: 'allowed' })]);
    const ben = await get('/api/people?q=Adeyemi');
    expect(ben.json().results).toEqual([expect.objectContaining({ id: 'ben', teams: [{ id: 'team-south', name: 'South CMHT' }], access: 'break-glass-required' })]);
  });

  it('says when break-glass access ends, and only on that basis', async () => {
    expect((await get('/api/people/ada')).json().access).toEqual({ basis: 'key-worker' });
    const granted = await app.inject({ method: 'POST', url: '/api/people/ben/break-glass', payload: { reason: 'Crisis call from his sister tonight' }, headers: { cookie } });
    expect(granted.statusCode).toBe(201);
    const record = await get('/api/people/ben');
    expect(record.statusCode).toBe(200);
    expect(record.json().access).toEqual({ basis: 'break-glass', expiresAt: granted.json().expiresAt });
  });
});
