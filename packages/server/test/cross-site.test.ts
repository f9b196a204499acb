import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe('cross-site request forgery', () => {
  let store: Store;
  let app: FastifyInstance;
  let cookie: string;
  const breakGlass = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/people/ben/break-glass', payload: { reason: 'Crisis call out of hours, known to be at risk' }, headers: { cookie, host: 'continuity.local', ...headers } });

  beforeAll(async () => {
    store = await storeKinds[0]!.open();
    app = await scenarioApp(store);
    cookie = await signIn(app, 'keyworker');
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('refuses a change sent from another site, and stores nothing', async () => {
    const crossSite: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'null' }];
    for (const headers of crossSite) {
      const response = await breakGlass(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error.code).toBe('cross-site-request');
    }
    expect(await store.db.selectFrom('break_glass').selectAll().execute()).toEqual([]);
  });

  it('accepts the same change from the app itself, and from clients that send no browser headers', async () => {
    expect((await breakGlass({ 'sec-fetch-site': 'same-origin', origin: 'http://continuity.local' })).statusCode).toBe(201);
    expect((await breakGlass({})).statusCode).toBe(201);
  });

  it('lets another site read nothing it could not already: reads are not refused by this check', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(response.statusCode).toBe(200);
  });

  it('names the missing field in a sign-in with no password', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'keyworker' } });
    expect(response.json().error.fields).toEqual([{ field: 'password', message: 'is required' }]);
  });
});
