import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extension, system } from '@continuity/domain';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { INTENSIVE_AS_OF as AS_OF, intensiveScenario } from '../../store/test/support/intensive-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('stepping care up or down through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
  const step = (person: string, payload: unknown, user = 'keyworker') =>
    app.inject({ method: 'POST', url: `/api/people/${person}/care-intensity`, headers: { cookie: cookies[user]!, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const listed = async () => ((await get('manager', `/api/worklists/intensive-review?asOf=${AS_OF}`)).json().items as Array<{ patient: { id: string } }>).map((i) => i.patient.id);
  const episodeOf = async (person: string) => (await readPersonRecord(store.db, person, 'EpisodeOfCare', `${person}-eoc`))!;
  const up = { episodeId: 'ada-eoc', episodeVersion: 1, intensity: 'intensive', reason: 'Two admissions in two years, detained in March; mother worried.', decidedOn: '2026-07-01' };

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, intensiveScenario());
    for (const user of ['keyworker', 'manager', 'crisis', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists the intensive-review worklist for a clinician, in the contract shape', async () => {
    const response = await get('keyworker', `/api/worklists/intensive-review?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    // The demo key worker is in North: Ada and Ivy (waiting on a referral to North).
    expect(response.json()).toMatchObject({ worklist: 'intensive-review', asOf: AS_OF, items: [{ patient: { id: 'ada' } }, { patient: { id: 'ivy' } }] });
    expect((await get('partner', '/api/worklists/intensive-review')).statusCode).toBe(403);
  });

  it("shows a person's episodes with their intensity and version, audited as a read", async () => {
    const response = await get('keyworker', '/api/people/ada/care-intensity');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      episodes: [{ id: 'ada-eoc', version: 1, status: 'active', start: '2024-01-01', team: { id: 'team-north', name: 'North CMHT' }, held: true, intensity: 'standard', changes: [] }],
      reasonMinLength: 20,
    });
    const audit = await store.db.selectFrom('audit_event').select(['person_id', 'outcome']).where('action', '=', 'read-care-intensity').execute();
    expect(audit).toEqual([{ person_id: 'ada', outcome: 'allowed' }]);
  });

  it('says which field is wrong and why, and writes nothing', async () => {
    const same = await step('ada', { ...up, intensity: 'standard' });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields).toEqual([{ field: 'intensity', message: 'is already standard (core community care): choose a different intensity to step up or down' }]);
    const words = await step('ada', { ...up, reason: 'busy', decidedOn: '2999-01-01' });
    expect(words.statusCode).toBe(400);
    expect(words.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['reason', 'decidedOn']);
    const shape = await step('ada', { episodeId: 'ada-eoc', episodeVersion: 'one', intensity: 'maximal' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields).toEqual([
      { field: 'episodeVersion', message: 'must be the version of the episode you read' },
      { field: 'intensity', message: 'must be one of: standard, intensive, assertive' },
      { field: 'reason', message: 'is required' },
      { field: 'decidedOn', message: 'is required' },
    ]);
    expect((await step('ada', { ...up, episodeId: 'ben-eoc' })).statusCode).toBe(404);
    expect((await episodeOf('ada')).versionId).toBe(1);
  });

  it('refuses roles that do not decide care, and writes nothing', async () => {
    expect((await step('ada', up, 'crisis')).statusCode).toBe(403);
    expect((await step('ada', up, 'partner')).statusCode).toBe(403);
    expect((await episodeOf('ada')).versionId).toBe(1);
  });

  it('refuses a clinician who opened the record on break-glass: the holding team decides', async () => {
    const glass = await app.inject({ method: 'POST', url: '/api/people/ben/break-glass', headers: { cookie: cookies.keyworker! }, payload: { reason: 'Called by the police about him tonight' } });
    expect(glass.statusCode).toBe(201);
    expect((await get('keyworker', '/api/people/ben/care-intensity')).statusCode).toBe(200);
    const refused = await step('ben', { ...up, episodeId: 'ben-eoc' });
    expect(refused.statusCode).toBe(403);
    expect((await episodeOf('ben')).versionId).toBe(1);
    const audit = await store.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome']).where('action', '=', 'change-care-intensity').execute();
    expect(audit).toEqual([{ person_id: 'ben', basis: 'break-glass', outcome: 'refused' }]);
  });

  it('steps Ada up: a new version of the episode with the change and its reason; she leaves the list', async () => {
    expect(await listed()).toContain('ada');
    const response = await step('ada', up);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ episode: { id: 'ada-eoc', version: 2, intensity: 'intensive', from: 'standard' } });
    const episode = await episodeOf('ada');
    expect(episode.resource.type).toEqual([{ coding: [{ system: system.careIntensity, code: 'intensive', display: 'Intensive community care' }], text: 'Intensive community care' }]);
    expect(episode.resource.extension).toEqual([{
      url: extension.careIntensityChange,
      extension: [
        { url: 'from', valueCode: 'standard' }, { url: 'to', valueCode: 'intensive' }, { url: 'date', valueDate: '2026-07-01' },
        { url: 'reason', valueString: up.reason }, { url: 'decidedBy', valueReference: { display: 'Demo key worker' } },
      ],
    }]);
    expect(await listed()).not.toContain('ada');
    const audit = await store.db.selectFrom('audit_event').select(['person_id', 'resource_id', 'basis', 'detail']).where('action', '=', 'change-care-intensity').where('outcome', '=', 'allowed').execute();
    expect(audit.map((a) => ({ ...a, detail: typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail }))).toEqual([
      { person_id: 'ada', resource_id: 'ada-eoc', basis: 'team', detail: { episode: 'ada-eoc', from: 'standard', to: 'intensive', decidedOn: '2026-07-01' } },
    ]);
  });

  it('refuses a change made on a version no longer current, and overwrites nothing', async () => {
    const response = await step('ada', { ...up, intensity: 'assertive' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'stale-version', fields: [{ field: 'episodeVersion', message: 'is not the current version of the episode' }] });
    expect((await episodeOf('ada')).versionId).toBe(2);
  });

  it('steps her down again, keeping both changes in order; she is back on the list', async () => {
    const response = await step('ada', { ...up, episodeVersion: 2, intensity: 'standard', reason: 'Settled, seen weekly for three months, agrees to core care.', decidedOn: '2026-07-15' }, 'manager');
    expect(response.statusCode).toBe(201);
    const { episodes } = (await get('manager', '/api/people/ada/care-intensity')).json();
    expect(episodes[0].changes).toEqual([
      { from: 'standard', to: 'intensive', date: '2026-07-01', reason: up.reason, decidedBy: 'Demo key worker' },
      { from: 'intensive', to: 'standard', date: '2026-07-15', reason: 'Settled, seen weekly for three months, agrees to core care.', decidedBy: 'Demo team manager' },
    ]);
    expect(await listed()).toContain('ada');
  });
});
