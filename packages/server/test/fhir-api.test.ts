import { Client } from 'fhir-kit-client';
import { validateResource } from '@continuity/domain';
import type { Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

/**
 * Issue 9 part 1: the FHIR R4 REST API, driven by a real FHIR client (fhir-kit-client) against the
 * server listening on loopback, signed in with the same session cookie as the web app.
 */

type Resource = { resourceType: string } & Record<string, any>;
type FhirError = { response?: { status: number; data: Resource } };

const AS_OF = '2026-06-30';

function observation(id: string, day: string): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
    subject: { reference: 'Patient/ada' },
    effectiveDateTime: day,
    valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
  };
}

/** The status and OperationOutcome of a request the client was refused. */
async function refusal(request: Promise<unknown>): Promise<{ status: number; outcome: Resource }> {
  try {
    await request;
  } catch (error) {
    const response = (error as FhirError).response;
    if (response) return { status: response.status, outcome: response.data };
    throw error;
  }
  throw new Error('the request was not refused');
}

/** Every resource a searchset holds across its pages, following `next` links with the client. */
async function allPages(client: Client, first: Resource): Promise<{ pages: number; resources: Resource[] }> {
  const resources: Resource[] = [];
  let page: Resource | undefined = first;
  let pages = 0;
  while (page) {
    pages += 1;
    resources.push(...(page.entry ?? []).filter((e: Resource) => e.search?.mode === 'match').map((e: Resource) => e.resource));
    page = (await client.nextPage({ bundle: page as never })) as Resource | undefined;
  }
  return { pages, resources };
}

describe.each(storeKinds)('the FHIR API on $name', ({ open }) => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  const cookies: Record<string, string> = {};
  const client = (user?: string) => new Client({ baseUrl: base, customHeaders: user ? { cookie: cookies[user]! } : {} });
  const etagOf = (resource: unknown) => Client.httpFor(resource as never).response?.headers.get('etag');

  beforeAll(async () => {
    store = await open();
    app = await scenarioApp(store);
    for (const user of ['keyworker', 'manager', 'board', 'partner', 'admin', 'crisis']) cookies[user] = await signIn(app, user);
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/fhir`;
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('describes what it supports in a CapabilityStatement, to anyone', async () => {
    const statement = (await client().capabilityStatement()) as Resource;
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    const byType = new Map<string, Resource>(statement.rest[0].resource.map((r: Resource) => [r.type, r]));
    expect(byType.get('Encounter')!.interaction.map((i: Resource) => i.code)).toEqual(['read', 'vread', 'search-type', 'update', 'create']);
    expect(byType.get('Patient')!.interaction.map((i: Resource) => i.code)).toEqual(['read', 'vread', 'search-type', 'update']);
    expect(byType.get('Organization')!.interaction.map((i: Resource) => i.code)).toEqual(['read', 'vread', 'search-type']);
    expect(byType.get('Patient')!.searchParam.map((p: Resource) => p.name)).toEqual(['_id', '_lastUpdated', 'identifier']);
    expect(byType.get('Encounter')!.searchInclude).toContain('Encounter:patient');
    expect(statement.rest[0].operation.map((o: Resource) => o.name)).toEqual(['export', 'patient-export', 'worklist']);
  });

  it('reads a person’s record with its version and ETag, and audits the read', async () => {
    const patient = (await client('keyworker').read({ resourceType: 'Patient', id: 'ada' })) as Resource;
    expect(patient.id).toBe('ada');
    expect(patient.meta.versionId).toBe('1');
    expect(Date.parse(patient.meta.lastUpdated)).not.toBeNaN();
    expect(etagOf(patient)).toBe('W/"1"');
    const episode = (await client('keyworker').read({ resourceType: 'EpisodeOfCare', id: 'ada-episode' })) as Resource;
    expect(episode.patient.reference).toBe('Patient/ada');
    const audit = await store.db.selectFrom('audit_event').select(['action', 'person_id', 'outcome']).where('actor_id', '=', 'demo-keyworker').where('action', '=', 'fhir-read').execute();
    expect(audit).toEqual([
      { action: 'fhir-read', person_id: 'ada', outcome: 'allowed' },
      { action: 'fhir-read', person_id: 'ada', outcome: 'allowed' },
    ]);
  });

  it('reads shared records (teams, staff) for any clinical user', async () => {
    const team = (await client('crisis').read({ resourceType: 'Organization', id: 'team-north' })) as Resource;
    expect(team.resourceType).toBe('Organization');
    expect(etagOf(team)).toBe('W/"1"');
  });

  it('refuses with an OperationOutcome: signed out 401, another team’s person 403 (audited), non-clinical roles 403, unknown 404', async () => {
    const signedOut = await refusal(client().read({ resourceType: 'Patient', id: 'ada' }));
    expect(signedOut.status).toBe(401);
    expect(signedOut.outcome.resourceType).toBe('OperationOutcome');
    expect(signedOut.outcome.issue[0].code).toBe('login');

    const otherTeam = await refusal(client('keyworker').read({ resourceType: 'Patient', id: 'ben' }));
    expect(otherTeam.status).toBe(403);
    expect(otherTeam.outcome.issue[0].code).toBe('forbidden');
    const refused = await store.db.selectFrom('audit_event').select(['person_id', 'outcome']).where('actor_id', '=', 'demo-keyworker').where('action', '=', 'fhir-read').where('outcome', '=', 'refused').execute();
    expect(refused).toEqual([{ person_id: 'ben', outcome: 'refused' }]);
    expect((await refusal(client('keyworker').read({ resourceType: 'EpisodeOfCare', id: 'ben-episode' }))).status).toBe(403);

    for (const user of ['board', 'partner', 'admin']) {
      expect((await refusal(client(user).read({ resourceType: 'Patient', id: 'ada' }))).status, user).toBe(403);
      expect((await refusal(client(user).search({ resourceType: 'Encounter', searchParams: {} }))).status, user).toBe(403);
      expect((await refusal(client(user).read({ resourceType: 'Organization', id: 'team-north' }))).status, user).toBe(403);
    }
    const missing = await refusal(client('keyworker').read({ resourceType: 'Encounter', id: 'no-such-contact' }));
    expect(missing.status).toBe(404);
    expect(missing.outcome.issue[0].code).toBe('not-found');
    const raw = await fetch(`${base}/Patient/ada`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  });

  it('searches only the people the user may open, and audits each one found', async () => {
    const keyworker = (await client('keyworker').search({ resourceType: 'EpisodeOfCare', searchParams: {} })) as Resource;
    expect(keyworker.type).toBe('searchset');
    expect(keyworker.entry.map((e: Resource) => e.resource.id)).toEqual(['ada-episode']);
    expect(keyworker.total).toBe(1);
    const audited = await store.db.selectFrom('audit_event').select('person_id').where('actor_id', '=', 'demo-keyworker').where('action', '=', 'fhir-search-result').execute();
    expect(audited.map((a) => a.person_id)).toContain('ada');
    expect(audited.map((a) => a.person_id)).not.toContain('ben');
    expect((await refusal(client('keyworker').search({ resourceType: 'Encounter', searchParams: { patient: 'ben' } }))).status).toBe(403);
  });

  it('finds a person by NHS number, and refuses an unknown parameter or other identifier system', async () => {
    const found = (await client('keyworker').search({ resourceType: 'Patient', searchParams: { identifier: 'https://fhir.nhs.uk/Id/nhs-number|9434765919' } })) as Resource;
    expect(found.entry.map((e: Resource) => e.resource.id)).toEqual(['ada']);
    const none = (await client('keyworker').search({ resourceType: 'Patient', searchParams: { identifier: 'https://fhir.nhs.uk/Id/nhs-number|9434765918' } })) as Resource;
    expect(none.total).toBe(0);
    const unknown = await refusal(client('keyworker').search({ resourceType: 'Encounter', searchParams: { patient: 'ada', colour: 'blue' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.outcome.issue[0].expression).toEqual(['colour']);
    expect((await refusal(client('keyworker').search({ resourceType: 'Patient', searchParams: { identifier: 'http://example.org/mrn|123' } }))).status).toBe(400);
    expect((await refusal(client('keyworker').search({ resourceType: 'Encounter', searchParams: { date: 'ge2026-13-01' } }))).status).toBe(400);
    // The ends of the calendar the database holds are answered, not a fault.
    const encounters = { 'le9999-12-31': 1, gt9999: 0, 'ge1000-01-01': 1, 'lt1000-01-01T00:00:00Z': 0 };
    for (const [date, total] of Object.entries(encounters)) {
      const bundle = (await client('keyworker').search({ resourceType: 'Encounter', searchParams: { date, _lastUpdated: date } })) as Resource;
      expect(bundle.total, date).toBe(total);
    }
  });

  it('creates records validated as import validates them, pages through a search by date and status, and includes the person', async () => {
    const days = ['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05'];
    const created: Resource[] = [];
    for (const [i, day] of days.entries()) created.push((await client('keyworker').create({ resourceType: 'Observation', body: observation(`ignored-${i}`, day) })) as Resource);
    expect(created.every((o) => o.meta.versionId === '1' && o.id !== 'ignored-0')).toBe(true);
    expect(Client.httpFor(created[0] as never).response?.headers.get('location')).toBe(`${base}/Observation/${created[0]!.id}/_history/1`);
    const writes = await store.db.selectFrom('audit_event').select(['person_id', 'resource_id']).where('action', '=', 'fhir-create').execute();
    expect(writes).toHaveLength(5);

    const first = (await client('keyworker').search({ resourceType: 'Observation', searchParams: { patient: 'Patient/ada', date: ['ge2026-02-01', 'lt2026-05-01'], status: 'final', _count: 2 } as never })) as Resource;
    expect(first.total).toBe(3);
    const { pages, resources } = await allPages(client('keyworker'), first);
    expect(pages).toBe(2);
    expect(resources.map((r) => r.effectiveDateTime).sort()).toEqual(['2026-02-05', '2026-03-05', '2026-04-05']);

    const previous = (await client('keyworker').prevPage({ bundle: (await client('keyworker').nextPage({ bundle: first as never })) as never })) as Resource;
    expect(previous.entry.map((e: Resource) => e.resource.id)).toEqual(first.entry.map((e: Resource) => e.resource.id));

    const withPerson = (await client('keyworker').search({ resourceType: 'EpisodeOfCare', searchParams: { patient: 'ada', _include: 'EpisodeOfCare:patient' } })) as Resource;
    expect(withPerson.entry.map((e: Resource) => `${e.search.mode} ${e.resource.resourceType}/${e.resource.id}`)).toEqual(['match EpisodeOfCare/ada-episode', 'include Patient/ada']);
  });

  it('refuses an invalid resource with an OperationOutcome naming the field, and stores nothing', async () => {
    const before = await store.db.selectFrom('record').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const noStatus = observation('x', '2026-01-01');
    delete noStatus.status;
    const invalid = await refusal(client('keyworker').create({ resourceType: 'Observation', body: noStatus }));
    expect(invalid.status).toBe(400);
    expect(invalid.outcome.issue[0].expression).toEqual(['status']);
    const dangling = await refusal(client('keyworker').create({ resourceType: 'Observation', body: { ...observation('x', '2026-01-01'), performer: [{ reference: 'Practitioner/nobody' }] } }));
    expect(dangling.status).toBe(400);
    expect(dangling.outcome.issue[0].expression).toEqual(['performer[0].reference']);
    const otherTeam = await refusal(client('keyworker').create({ resourceType: 'Observation', body: { ...observation('x', '2026-01-01'), subject: { reference: 'Patient/ben' } } }));
    expect(otherTeam.status).toBe(403);
    expect((await refusal(client('keyworker').create({ resourceType: 'Organization', body: { resourceType: 'Organization', name: 'New' } }))).status).toBe(405);
    const nul = await refusal(client('keyworker').create({ resourceType: 'Observation', body: { ...observation('x', '2026-01-01'), note: [{ text: 'weighed\u0000' }] } }));
    expect(nul.status).toBe(400);
    expect(nul.outcome.issue[0].expression).toEqual(['note.0.text']);
    const after = await store.db.selectFrom('record').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('updates a record over the version read, keeps the old version readable, and refuses a stale If-Match with 412', async () => {
    const goal = (await client('keyworker').read({ resourceType: 'Goal', id: 'ada-goal' })) as Resource;
    const etag = etagOf(goal)!;
    const changed = { ...goal, description: { text: 'Back to work three days a week' } };
    const updated = (await client('keyworker').update({ resourceType: 'Goal', id: 'ada-goal', body: changed, options: { headers: { 'If-Match': etag } } })) as Resource;
    expect(updated.meta.versionId).toBe('2');
    expect(etagOf(updated)).toBe('W/"2"');

    const stale = await refusal(client('manager').update({ resourceType: 'Goal', id: 'ada-goal', body: { ...goal, description: { text: 'Lost' } }, options: { headers: { 'If-Match': etag } } }));
    expect(stale.status).toBe(412);
    expect(stale.outcome.resourceType).toBe('OperationOutcome');
    const noIfMatch = await refusal(client('manager').update({ resourceType: 'Goal', id: 'ada-goal', body: goal }));
    expect(noIfMatch.status).toBe(428);

    const current = (await client('keyworker').read({ resourceType: 'Goal', id: 'ada-goal' })) as Resource;
    expect(current.description.text).toBe('Back to work three days a week');
    const first = (await client('keyworker').vread({ resourceType: 'Goal', id: 'ada-goal', version: '1' })) as Resource;
    expect(first.description).toEqual(goal.description);
    expect(etagOf(first)).toBe('W/"1"');
    expect((await refusal(client('keyworker').vread({ resourceType: 'Goal', id: 'ada-goal', version: '7' }))).status).toBe(404);

    const moved = await refusal(client('keyworker').update({ resourceType: 'Goal', id: 'ada-goal', body: { ...current, subject: { reference: 'Patient/ben' } }, options: { headers: { 'If-Match': 'W/"2"' } } }));
    expect(moved.status).toBe(400);
    const audit = await store.db.selectFrom('audit_event').select(['person_id', 'resource_id']).where('action', '=', 'fhir-update').execute();
    expect(audit).toEqual([{ person_id: 'ada', resource_id: 'ada-goal' }]);
  });

  it('lets exactly one of two simultaneous updates of the same version through; the other is 412, not lost silently', async () => {
    const plan = (await client('keyworker').read({ resourceType: 'CarePlan', id: 'ada-plan' })) as Resource;
    const etag = etagOf(plan)!;
    const attempts = await Promise.allSettled(
      ['Keeping my flat.', 'Seeing my sister.'].map((words) =>
        client('keyworker').update({ resourceType: 'CarePlan', id: 'ada-plan', body: { ...plan, description: words }, options: { headers: { 'If-Match': etag } } }),
      ),
    );
    const statuses = attempts.map((a) => (a.status === 'fulfilled' ? 200 : (a.reason as FhirError).response?.status)).sort();
    expect(statuses).toEqual([200, 412]);
    const winner = (attempts.find((a) => a.status === 'fulfilled') as PromiseFulfilledResult<Resource>).value;
    const current = (await client('keyworker').read({ resourceType: 'CarePlan', id: 'ada-plan' })) as Resource;
    expect(current.description).toBe(winner.description);
    expect(current.meta.versionId).toBe(String(Number(plan.meta.versionId) + 1));
  });

  it('searches a person of another team once break-glass is given, and by when records last changed', async () => {
    expect((await client('keyworker').search({ resourceType: 'EpisodeOfCare', searchParams: { patient: 'ben' } }).catch((e: FhirError) => e.response))!.status).toBe(403);
    const granted = await app.inject({ method: 'POST', url: '/api/people/ben/break-glass', headers: { cookie: cookies.keyworker! }, payload: { reason: 'Crisis call out of hours, known to be at risk' } });
    expect(granted.statusCode).toBeLessThan(300);
    const bens = (await client('keyworker').search({ resourceType: 'EpisodeOfCare', searchParams: { patient: 'ben' } })) as Resource;
    expect(bens.entry.map((e: Resource) => e.resource.id)).toEqual(['ben-episode']);
    const changedToday = (await client('keyworker').search({ resourceType: 'Goal', searchParams: { _lastUpdated: `ge${new Date().toISOString().slice(0, 10)}` } })) as Resource;
    const changedLongAgo = (await client('keyworker').search({ resourceType: 'Goal', searchParams: { _lastUpdated: 'lt2000-01-01' } })) as Resource;
    expect(changedToday.total).toBeGreaterThan(0);
    expect(changedLongAgo.total).toBe(0);
  });

  it('updates a person’s details, and what the platform reads of them with it', async () => {
    const patient = (await client('keyworker').read({ resourceType: 'Patient', id: 'ada' })) as Resource;
    const renamed = { ...patient, name: [{ use: 'official', family: 'King', given: ['Ada'] }] };
    await client('keyworker').update({ resourceType: 'Patient', id: 'ada', body: renamed, options: { headers: { 'If-Match': etagOf(patient)! } } });
    const person = await store.db.selectFrom('person').select('family_name').where('person_id', '=', 'ada').executeTakeFirstOrThrow();
    expect(person.family_name).toBe('King');
  });

  it('refuses a write sent from another website', async () => {
    const response = await fetch(`${base}/Observation`, { method: 'POST', headers: { cookie: cookies.keyworker!, 'content-type': 'application/fhir+json', 'sec-fetch-site': 'cross-site' }, body: JSON.stringify(observation('x', '2026-01-01')) });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Resource).resourceType).toBe('OperationOutcome');
  });

  it('exports the team’s people in bulk, asynchronously, for team managers only', async () => {
    expect((await refusal(client('keyworker').request('$export', { options: { headers: { Prefer: 'respond-async' } } }))).status).toBe(403);
    expect((await refusal(client('board').request('Patient/$export', { options: { headers: { Prefer: 'respond-async' } } }))).status).toBe(403);
    expect((await refusal(client('manager').request('$export'))).status).toBe(400);

    const kickOff = await client('manager').request('Patient/$export?_type=Patient,EpisodeOfCare,Observation', { options: { headers: { Prefer: 'respond-async' } } });
    const statusUrl = Client.httpFor(kickOff as never).response!;
    expect(statusUrl.status).toBe(202);
    const location = statusUrl.headers.get('content-location')!;
    let manifest: Resource | undefined;
    for (let attempt = 0; attempt < 100 && !manifest; attempt++) {
      const polled = await fetch(location, { headers: { cookie: cookies.manager! } });
      if (polled.status === 200) manifest = (await polled.json()) as Resource;
      else {
        expect(polled.status).toBe(202);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    expect(manifest!.output.map((o: Resource) => o.type)).toEqual(['Patient', 'EpisodeOfCare', 'Observation']);
    const lines: Record<string, Resource[]> = {};
    for (const output of manifest!.output) {
      const file = await fetch(output.url, { headers: { cookie: cookies.manager! } });
      expect(file.headers.get('content-type')).toMatch(/^application\/fhir\+ndjson/);
      lines[output.type] = (await file.text()).trim().split('\n').map((line) => JSON.parse(line) as Resource);
      expect(lines[output.type]).toHaveLength(output.count);
    }
    // North holds Ada only; Ben (South) is not exported.
    expect(lines.Patient!.map((p) => p.id)).toEqual(['ada']);
    expect(lines.EpisodeOfCare!.map((p) => p.id)).toEqual(['ada-episode']);
    const recordCount = await store.db.selectFrom('record').select((eb) => eb.fn.countAll<string>().as('n')).where('person_id', '=', 'ada').where('resource_type', '=', 'Observation').executeTakeFirstOrThrow();
    expect(lines.Observation).toHaveLength(Number(recordCount.n));
    expect((await fetch(location, { headers: { cookie: cookies.keyworker! } })).status).toBe(403);
    const exported = await store.db.selectFrom('audit_event').select('person_id').where('action', '=', 'fhir-export').execute();
    expect(exported.map((e) => e.person_id)).toEqual(['ada']);
  });

  it('serves every resource type it holds as the import’s FHIR R4 validation accepts it', async () => {
    const statement = (await client().capabilityStatement()) as Resource;
    let checked = 0;
    for (const { type } of statement.rest[0].resource as Resource[]) {
      const bundle = (await client('keyworker').search({ resourceType: type, searchParams: { _count: 100 } })) as Resource;
      for (const entry of bundle.entry ?? []) {
        const verdict = validateResource(entry.resource, type as never);
        expect(verdict.ok, `${type}/${entry.resource.id}: ${JSON.stringify(verdict)}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('serves each worklist as Flags with the same people, reasons and evidence as the JSON worklist', async () => {
    let listed = 0;
    for (const name of ['disengaged', 'monitoring-overdue', 'waiting', 'shared-care', 'mha-deadlines', 'carer-concerns', 'intensive-review']) {
      const json = await app.inject({ method: 'GET', url: `/api/worklists/${name}?asOf=${AS_OF}`, headers: { cookie: cookies.manager! } });
      expect(json.statusCode).toBe(200);
      const expected = (json.json() as { items: Array<{ patient: { id: string }; reasons: Array<{ code: string; evidence: string[] }> }> }).items.map((item) => ({
        person: `Patient/${item.patient.id}`,
        reasons: item.reasons.map((r) => ({ code: r.code, evidence: r.evidence })),
      }));
      const bundle = (await client('manager').request(`$worklist?name=${name}&asOf=${AS_OF}`)) as Resource;
      const served = bundle.entry.map((e: Resource) => ({
        person: e.resource.subject.reference,
        reasons: e.resource.extension.map((x: Resource) => ({
          code: x.extension.find((s: Resource) => s.url === 'code').valueCode,
          evidence: x.extension.filter((s: Resource) => s.url === 'evidence').map((s: Resource) => s.valueReference.reference),
        })),
      }));
      expect(served, name).toEqual(expected);
      for (const entry of bundle.entry) {
        expect(validateResource(entry.resource, 'Flag').ok).toBe(true);
        expect(entry.resource.code.coding.map((c: Resource) => c.code)).toEqual(entry.resource.extension.map((x: Resource) => x.extension[0].valueCode));
      }
      listed += expected.length;
    }
    expect(listed).toBeGreaterThan(0);
    expect((await refusal(client('board').request(`$worklist?name=disengaged&asOf=${AS_OF}`))).status).toBe(403);
    expect((await refusal(client('manager').request(`$worklist?name=nothing&asOf=${AS_OF}`))).status).toBe(404);
  });
});
