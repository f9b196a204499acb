import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extension, system } from '@continuity/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario } from '../../store/test/support/scenario.ts';
import { deliverDueGpDocuments } from '../src/gp-documents/deliver-gp-document.ts';
import { scenarioApi } from './support/scenario-api.ts';
import { signIn } from './support/signed-in-app.ts';

/** The scenario with two more practices, so that search and paging have something to choose between; Riverside's endpoint when given. */
const withPractices = (endpoint?: string) => () => {
  const resources = scenario();
  const practice = (id: string, name: string, ods: string) => ({ resourceType: 'Organization', id, name, identifier: [{ system: system.odsOrganisation, value: ods }], type: [{ coding: [{ system: system.organisationType, code: 'gp-practice' }] }] });
  resources.Organization = [
    ...resources.Organization!.map((o) => (o.id === 'gp-1' && endpoint ? { ...o, extension: [{ url: extension.fhirDocumentEndpoint, valueUrl: endpoint }] } : o)),
    practice('gp-2', 'Harbourside Medical Centre', 'Y05678'),
    practice('gp-3', 'Old Market Surgery', 'L81001'),
  ];
  return resources;
};

function session(api: ReturnType<typeof scenarioApi>) {
  const cookies: Record<string, string> = {};
  const as = async (user: string) => (cookies[user] ??= await signIn(api.app, user));
  return {
    put: async (user: string, id: string, payload: object) => api.app.inject({ method: 'PUT', url: `/api/gp-practices/${id}/document-endpoint`, payload, headers: { cookie: await as(user) } }),
    post: async (user: string, url: string, payload: object) => api.app.inject({ method: 'POST', url, payload, headers: { cookie: await as(user) } }),
  };
}

const organisation = (api: ReturnType<typeof scenarioApi>, id: string) =>
  api.store.db.selectFrom('shared_record').select(['version_id', 'resource']).where('resource_type', '=', 'Organization').where('id', '=', id).executeTakeFirstOrThrow();

describe.each(storeKinds)("GP practices' document endpoints, on $name", (kind) => {
  const api = scenarioApi(kind, withPractices(), ['admin', 'keyworker', 'manager', 'prescriber', 'crisis', 'partner', 'gp', 'board']);
  const { put } = session(api);
  const audit = (action: string) => api.store.db.selectFrom('audit_event').select(['actor_id', 'outcome', 'resource_id', 'basis', 'detail']).where('action', '=', action).orderBy('id').execute();

  it('lists GP practices only, by name, for an administrator; found by name or ODS code, a page at a time', async () => {
    const all = await api.get('admin', '/api/gp-practices');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ q: '', page: 1, pageSize: 20, total: 3 });
    expect(all.json().practices).toEqual([
      { id: 'gp-2', name: 'Harbourside Medical Centre', odsCode: 'Y05678', endpoint: null, version: 1 },
      { id: 'gp-3', name: 'Old Market Surgery', odsCode: 'L81001', endpoint: null, version: 1 },
      { id: 'gp-1', name: 'Riverside Surgery', odsCode: 'Y01234', endpoint: null, version: 1 },
    ]);
    expect((await api.get('admin', '/api/gp-practices?q=market')).json().practices.map((p: { id: string }) => p.id)).toEqual(['gp-3']);
    expect((await api.get('admin', '/api/gp-practices?q=y012')).json().practices.map((p: { id: string }) => p.id)).toEqual(['gp-1']);
    expect((await api.get('admin', '/api/gp-practices?q=%25')).json().total).toBe(0);
    expect((await api.get('admin', '/api/gp-practices?page=2')).json()).toMatchObject({ total: 3, practices: [] });
    const bad = await api.get('admin', '/api/gp-practices?page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'page', message: 'must be 1 or more' }]);
  });

  it('refuses every other role, audited, before reading any input', async () => {
    for (const user of ['keyworker', 'manager', 'prescriber', 'crisis', 'partner', 'gp', 'board']) {
      expect((await api.get(user, '/api/gp-practices')).statusCode, user).toBe(403);
      expect((await api.get(user, '/api/gp-practices/gp-1')).statusCode, user).toBe(403);
      expect((await put(user, 'gp-1', { version: 'not a version' })).statusCode, user).toBe(403);
    }
    expect((await organisation(api, 'gp-1')).version_id).toBe(1);
    const refused = await audit('set-gp-document-endpoint');
    expect(refused).toHaveLength(7);
    expect(refused.every((r) => r.outcome === 'refused' && r.basis === 'none')).toBe(true);
    expect((await audit('list-gp-practices')).map((r) => r.actor_id)).toContain('demo-gp');
  });

  it('refuses an address summaries cannot safely go to, naming the field, and stores nothing', async () => {
    const cases: Array<[unknown, string]> = [
      ['http://gp.example/fhir', 'must start https:// (http is allowed only to localhost, for testing)'],
      ['ftp://gp.example/fhir', 'must start https://'],
      ['riverside surgery', 'must be a full web address, starting https://'],
      ['https://user:secret@gp.example/fhir', 'must not hold a user name or password'],
      ['https://gp.example/fhir?token=1', 'must be the FHIR base address, without ? or #'],
      [42, 'must be a web address, or null to clear it'],
    ];
    for (const [endpoint, message] of cases) {
      const refused = await put('admin', 'gp-1', { version: 1, endpoint });
      expect(refused.statusCode, String(endpoint)).toBe(400);
      expect(refused.json().error.fields).toEqual([{ field: 'endpoint', message }]);
    }
    const noVersion = await put('admin', 'gp-1', { endpoint: 'https://gp.example/fhir' });
    expect(noVersion.json().error.fields).toEqual([{ field: 'version', message: 'is required' }]);
    expect((await put('admin', 'team-north', { version: 1, endpoint: 'https://gp.example/fhir' })).statusCode).toBe(404);
    expect((await put('admin', 'no-such-practice', { version: 1, endpoint: 'https://gp.example/fhir' })).statusCode).toBe(404);
    expect((await organisation(api, 'gp-1')).version_id).toBe(1);
    expect((await audit('set-gp-document-endpoint')).filter((r) => r.outcome === 'allowed')).toEqual([]);
  });

  it('sets the endpoint as a new version of the Organization, keeping the rest; a stale version is 409 saying what changed', async () => {
    const saved = await put('admin', 'gp-1', { version: 1, endpoint: 'https://fhir.riverside.example/R4/' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().practice).toEqual({ id: 'gp-1', name: 'Riverside Surgery', odsCode: 'Y01234', endpoint: 'https://fhir.riverside.example/R4', version: 2 });
    const held = await organisation(api, 'gp-1');
    expect(held.version_id).toBe(2);
    expect(held.resource).toMatchObject({ name: 'Riverside Surgery', identifier: [{ system: system.odsOrganisation, value: 'Y01234' }], extension: [{ url: extension.fhirDocumentEndpoint, valueUrl: 'https://fhir.riverside.example/R4' }] });
    expect(await audit('set-gp-document-endpoint').then((rows) => rows.filter((r) => r.outcome === 'allowed'))).toEqual([
      { actor_id: 'demo-admin', outcome: 'allowed', resource_id: 'gp-1', basis: 'administration', detail: { version: 2, endpoint: 'https://fhir.riverside.example/R4' } },
    ]);

    const stale = await put('admin', 'gp-1', { version: 1, endpoint: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('its endpoint is now https://fhir.riverside.example/R4 (version 2)');
    expect(stale.json().error.fields).toEqual([{ field: 'version', message: 'is not the current version (2)' }]);
    expect((await organisation(api, 'gp-1')).version_id).toBe(2);

    const cleared = await put('admin', 'gp-1', { version: 2, endpoint: '' });
    expect(cleared.json().practice).toMatchObject({ endpoint: null, version: 3 });
    expect((await organisation(api, 'gp-1')).resource.extension).toBeUndefined();
    expect((await api.get('admin', '/api/gp-practices?q=riverside')).json().practices[0]).toMatchObject({ endpoint: null, version: 3 });
    expect((await api.get('admin', '/api/gp-practices/gp-1')).json().practice).toMatchObject({ name: 'Riverside Surgery', endpoint: null, version: 3 });
    expect((await api.get('admin', '/api/gp-practices/team-north')).statusCode).toBe(404);
  });

  it('two administrators saving on the same version: one is stored, the other told it changed', async () => {
    const [a, b] = await Promise.all([put('admin', 'gp-2', { version: 1, endpoint: 'https://a.example/fhir' }), put('admin', 'gp-2', { version: 1, endpoint: 'https://b.example/fhir' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await organisation(api, 'gp-2')).version_id).toBe(2);
  });
});

const discharge = {
  episode: 'ada-episode', version: 1, reason: 'recovered', end: '2026-06-30', mdtDecisionDate: '2026-06-24',
  relapseIndicators: 'Sleeps less, stops answering the phone.', harmsIfMissed: 'A missed relapse ended in a section 3 admission.', routeBack: 'Ada or her GP call the duty line; seen within a week.',
};

describe.each(storeKinds)('a summary that failed goes to the endpoint set since, on $name', (kind) => {
  const received: string[] = [];
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push(request.url ?? '');
        response.writeHead(201, { 'content-type': 'application/fhir+json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/new-fhir`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  // The practice's endpoint as imported is a port nothing listens on: the first attempt fails.
  const api = scenarioApi(kind, withPractices('http://127.0.0.1:9/old-fhir'), ['admin', 'keyworker']);
  const { put, post } = session(api);

  it('is delivered to the new endpoint at its next attempt', async () => {
    expect((await post('keyworker', '/api/people/ada/discharge', discharge)).statusCode).toBe(200);
    const sent = await post('keyworker', '/api/people/ada/gp-summary', { episode: 'ada-episode', followUp: 'Nothing is asked of the practice.' });
    expect(sent.json().document).toMatchObject({ status: 'failed', attempts: 1 });
    expect(received).toEqual([]);

    const practice = (await api.get('admin', '/api/gp-practices?q=Y01234')).json().practices[0];
    expect(practice.endpoint).toBe('http://127.0.0.1:9/old-fhir');
    expect((await put('admin', 'gp-1', { version: practice.version, endpoint: url })).statusCode).toBe(200);

    expect(await deliverDueGpDocuments(api.store, new Date(Date.now() + 2 * 60_000))).toBe(1);
    expect(received).toEqual(['/new-fhir/Bundle']);
    const document = await api.store.db.selectFrom('gp_document').select(['status', 'attempts']).executeTakeFirstOrThrow();
    expect(document).toEqual({ status: 'delivered', attempts: 2 });
  });
});
