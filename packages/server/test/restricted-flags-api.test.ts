import { restrictedFlagRules, system } from '@continuity/domain';
import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';
import { historyScenario } from '../../store/test/support/history-scenario.ts';
import { INTENSIVE_AS_OF, intensiveScenario } from '../../store/test/support/intensive-scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';
import { signIn } from './support/signed-in-app.ts';

const SECRET = 'Discussed at MARAC on 2 May: new address withheld from her ex-partner';
const WITHHELD = restrictedFlagRules.withheldText;
const restrictedFlag = (id: string, person: string, code: 'marac' | 'mappa', text: string) => ({
  resourceType: 'Flag', id, status: 'active', subject: { reference: `Patient/${person}` }, period: { start: '2026-05-02' },
  category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }],
  code: { coding: [{ system: system.redFlag, code }], text },
});
const withMarac = () => {
  const resources = historyScenario();
  resources.Flag = [...(resources.Flag ?? []), restrictedFlag('cara-f9', 'cara', 'marac', SECRET), restrictedFlag('dan-f9', 'dan', 'mappa', 'MAPPA level 2: probation manages')];
  return resources;
};
/** Nothing of the flag's content: its words, its code, or the name of the meeting (the ids here say nothing either). */
const expectNothingOf = (body: string) => {
  expect(body).not.toContain(SECRET);
  expect(body).not.toMatch(/marac|mappa/i);
};

describe.each(storeKinds)('MARAC and MAPPA flags on every surface, on $name', (kind) => {
  const api = scenarioApi(kind, withMarac, ['keyworker', 'manager', 'prescriber', 'crisis']);
  const withheldAudit = (actorId: string) =>
    api.store.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome', 'detail']).where('actor_id', '=', actorId).where('action', '=', 'withhold-restricted-flags').orderBy('id').execute();
  const breakGlass = async (user: string, person: string) => {
    const cookie = await signIn(api.app, user);
    const granted = await api.app.inject({ method: 'POST', url: `/api/people/${person}/break-glass`, payload: { reason: 'Called in crisis at night, needs the record' }, headers: { cookie } });
    expect(granted.statusCode).toBe(201);
  };

  it('shows the key worker, team manager and prescriber of the team the content everywhere, with nothing withheld', async () => {
    for (const user of ['keyworker', 'manager', 'prescriber']) {
      const record = (await api.get(user, '/api/people/cara')).json();
      expect(record.person.flags).toContainEqual({ id: 'cara-f9', text: SECRET, since: '2026-05-02' });
      expect((await api.get(user, '/api/people/cara/timeline')).body).toContain(SECRET);
      expect((await api.get(user, '/api/people/cara/history')).body).toContain('MARAC');
      const flag = (await api.get(user, '/fhir/Flag/cara-f9')).json();
      expect(flag.code.text).toBe(SECRET);
      expect((await api.get(user, '/fhir/Flag?patient=cara')).body).toContain(SECRET);
      expect(await withheldAudit(`demo-${user}`)).toEqual([]);
    }
  });

  it("gives the crisis line's need-to-know page that a restricted flag exists and whom to ask, not its content, and audits the withholding", async () => {
    const page = await api.get('crisis', '/api/people/cara/need-to-know');
    expect(page.statusCode).toBe(200);
    expectNothingOf(page.body);
    expect(page.json().mustNotMiss).toContainEqual(expect.objectContaining({ kind: 'red-flag', title: WITHHELD, reference: 'Flag/cara-f9' }));
    expect(await withheldAudit('demo-crisis')).toEqual([{ person_id: 'cara', basis: 'crisis-line', outcome: 'refused', detail: { surface: 'need-to-know', view: 'existence', flags: ['cara-f9'] } }]);
  });

  it('withholds the content from break-glass readers on the record, timeline, history and the FHIR API, audited for each', async () => {
    await breakGlass('crisis', 'cara');
    const record = await api.get('crisis', '/api/people/cara');
    expect(record.statusCode).toBe(200);
    expectNothingOf(record.body);
    expect(record.json().person.flags).toContainEqual({ id: 'cara-f9', text: WITHHELD, since: '2026-05-02' });
    const timeline = await api.get('crisis', '/api/people/cara/timeline');
    expectNothingOf(timeline.body);
    expect(timeline.body).toContain(WITHHELD);
    const history = await api.get('crisis', '/api/people/cara/history');
    expectNothingOf(history.body);
    expect(history.body).toContain(WITHHELD);

    const read = await api.get('crisis', '/fhir/Flag/cara-f9');
    expect(read.statusCode).toBe(200);
    expectNothingOf(read.body);
    const served = read.json();
    expect(served.code).toEqual({ coding: [{ system: system.redFlag, code: 'restricted-multi-agency', display: WITHHELD }], text: WITHHELD });
    expect(served.meta.security).toEqual([expect.objectContaining({ code: 'REDACTED' })]);
    expect(fhirR4SchemaErrors(served)).toEqual([]);
    const version = await api.get('crisis', `/fhir/Flag/cara-f9/_history/${served.meta.versionId}`);
    expectNothingOf(version.body);
    const search = await api.get('crisis', '/fhir/Flag?patient=cara');
    expectNothingOf(search.body);
    const flags = search.json().entry.map((e: { resource: { id: string } }) => e.resource);
    expect(flags.find((f: { id: string }) => f.id === 'cara-f9').code.text).toBe(WITHHELD);
    expect(flags.find((f: { id: string }) => f.id === 'cara-police').code.text).toBe('Section 136 on the river bridge');

    // Nor may they write over what they were not shown.
    const overwrite = await api.app.inject({ method: 'PUT', url: '/fhir/Flag/cara-f9', payload: served, headers: { cookie: await signIn(api.app, 'crisis'), 'if-match': `W/"${served.meta.versionId}"`, 'content-type': 'application/fhir+json' } });
    expect(overwrite.statusCode).toBe(403);
    expect((await api.store.db.selectFrom('record').select('resource').where('id', '=', 'cara-f9').executeTakeFirstOrThrow()).resource).toMatchObject({ code: { text: SECRET } });

    const surfaces = (await withheldAudit('demo-crisis')).map((e) => (e.detail as { surface: string }).surface);
    expect(surfaces).toEqual(expect.arrayContaining(['record', 'timeline', 'history', 'fhir-read', 'fhir-search', 'fhir-update']));
  });

  it("withholds it from a team manager reading another team's person through break-glass", async () => {
    await breakGlass('manager', 'dan');
    const record = await api.get('manager', '/api/people/dan');
    expect(record.json().access.basis).toBe('break-glass');
    expectNothingOf(record.body);
    expect(record.json().person.flags).toEqual([{ id: 'dan-f9', text: WITHHELD, since: '2026-05-02' }]);
    expect(await withheldAudit('demo-manager')).toEqual([{ person_id: 'dan', basis: 'break-glass', outcome: 'refused', detail: { surface: 'record', view: 'existence', flags: ['dan-f9'] } }]);
  });

  it("exports the content to the team manager's bulk export of the team's people", async () => {
    const cookie = await signIn(api.app, 'manager');
    const kickOff = await api.app.inject({ method: 'GET', url: '/fhir/Patient/$export?_type=Flag', headers: { cookie, prefer: 'respond-async' } });
    expect(kickOff.statusCode).toBe(202);
    const status = new URL(kickOff.headers['content-location'] as string).pathname;
    let manifest;
    for (let i = 0; i < 50 && !manifest; i++) {
      const poll = await api.app.inject({ method: 'GET', url: status, headers: { cookie } });
      if (poll.statusCode === 200) manifest = poll.json();
      else await new Promise((r) => setTimeout(r, 50));
    }
    const file = await api.app.inject({ method: 'GET', url: new URL(manifest.output[0].url).pathname, headers: { cookie } });
    const lines = file.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((f: { id: string }) => f.id === 'cara-f9').code.text).toBe(SECRET);
    expect(lines.find((f: { id: string }) => f.id === 'dan-f9')).toBeUndefined();
    expect((await withheldAudit('demo-manager')).filter((e) => (e.detail as { surface: string }).surface === 'fhir-export')).toEqual([]);
  });
});

describe.each(storeKinds)('MARAC and MAPPA flags in the intensive-review evidence, on $name', (kind) => {
  const scenario = () => {
    const resources = intensiveScenario();
    resources.Flag = [...(resources.Flag ?? []), restrictedFlag('ben-f9', 'ben', 'mappa', 'MAPPA level 2: supervised by probation'), restrictedFlag('ivy-f9', 'ivy', 'marac', SECRET)];
    return resources;
  };
  const api = scenarioApi(kind, scenario, ['manager', 'keyworker']);
  const justice = (body: { items: Array<{ patient: { id: string }; reasons: Array<{ code: string; text: string; evidence: string[] }> }> }, person: string) =>
    body.items.find((i) => i.patient.id === person)?.reasons.find((r) => r.code === 'justice-contact');

  it("gives the team's own clinicians the flag in words, and a manager reading another team's list only that it exists, audited", async () => {
    const own = await api.get('keyworker', `/api/worklists/intensive-review?asOf=${INTENSIVE_AS_OF}`);
    expect(own.statusCode).toBe(200);
    expect(justice(own.json(), 'ivy')?.text).toContain('MARAC case (domestic abuse)');

    const other = await api.get('manager', `/api/worklists/intensive-review?asOf=${INTENSIVE_AS_OF}&team=team-south`);
    expect(other.statusCode).toBe(200);
    expectNothingOf(other.body);
    expect(justice(other.json(), 'ben')).toMatchObject({ text: expect.stringContaining(restrictedFlagRules.withheldWords), evidence: expect.arrayContaining(['Flag/ben-f9']) });
    const audited = await api.store.db.selectFrom('audit_event').select(['person_id', 'outcome', 'detail']).where('actor_id', '=', 'demo-manager').where('action', '=', 'withhold-restricted-flags').execute();
    expect(audited).toEqual([{ person_id: 'ben', outcome: 'refused', detail: { surface: 'worklist intensive-review', view: 'existence' } }]);

    const north = await api.get('manager', `/api/worklists/intensive-review?asOf=${INTENSIVE_AS_OF}&team=team-north`);
    expect(justice(north.json(), 'ivy')?.text).toContain('MARAC case (domestic abuse)');
  });
});
