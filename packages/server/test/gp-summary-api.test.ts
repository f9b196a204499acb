import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extension, unresolvedReferences } from '@continuity/domain';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';
import { scenario } from '../../store/test/support/scenario.ts';
import { deliverDueGpDocuments } from '../src/gp-documents/deliver-gp-document.ts';
import { scenarioApi } from './support/scenario-api.ts';
import { signIn } from './support/signed-in-app.ts';

const discharge = {
  episode: 'ada-episode', version: 1, reason: 'recovered', end: '2026-06-30', mdtDecisionDate: '2026-06-24',
  relapseIndicators: 'Sleeps less, stops answering the phone.', harmsIfMissed: 'A missed relapse ended in a section 3 admission.', routeBack: 'Ada or her GP call the duty line; seen within a week.',
};
const FOLLOW_UP = 'Please keep clozapine on her record as hospital-supplied and review her mood at each visit.';

/** The scenario with Riverside Surgery's FHIR endpoint set to a server of the test's own, when given. */
const withEndpoint = (url?: string) => () => {
  const resources = scenario();
  if (url) resources.Organization = resources.Organization!.map((o) => (o.id === 'gp-1' ? { ...o, extension: [{ url: extension.fhirDocumentEndpoint, valueUrl: url }] } : o));
  return resources;
};

function session(api: ReturnType<typeof scenarioApi>) {
  const cookies: Record<string, string> = {};
  const as = async (user: string) => (cookies[user] ??= await signIn(api.app, user));
  return {
    post: async (user: string, url: string, payload: object) => api.app.inject({ method: 'POST', url, payload, headers: { cookie: await as(user) } }),
  };
}

describe.each(storeKinds)('summaries to the GP kept for the practice to read in the app, on $name', (kind) => {
  const api = scenarioApi(kind, withEndpoint(), ['keyworker', 'gp', 'partner', 'crisis']);
  const { post } = session(api);
  const audit = (action: string) => api.store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'basis', 'outcome']).where('action', '=', action).orderBy('id').execute();

  it('is only for an ended episode: before discharge the preview is refused', async () => {
    const early = await api.get('keyworker', '/api/people/ada/gp-summary?episode=ada-episode');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields).toEqual([{ field: 'episode', message: 'has not ended' }]);
    expect((await api.get('keyworker', '/api/people/ada/gp-summary')).statusCode).toBe(400);
  });

  it('previews the discharge summary as a valid FHIR document after discharge, though the record is no longer the team’s', async () => {
    expect((await post('keyworker', '/api/people/ada/discharge', discharge)).statusCode).toBe(200);
    expect((await api.get('keyworker', '/api/people/ada')).statusCode).toBe(403);
    const preview = await api.get('keyworker', '/api/people/ada/gp-summary?episode=ada-episode');
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.sent).toBeNull();
    expect(body.preview).toMatchObject({ kind: 'discharge', practice: { id: 'gp-1', name: 'Riverside Surgery' }, delivery: 'in-app' });
    const sections = Object.fromEntries(body.preview.summary.sections.map((s: { code: string; lines: string[] }) => [s.code, s.lines.join(' ')]));
    expect(sections.reason).toContain('Discharged from the service: Recovered: care goals met.');
    expect(sections.diagnoses).toContain('Paranoid schizophrenia (ICD-10 F20.0)');
    expect(sections.medications).toContain('Clozapine 100mg tablets');
    expect(sections['crisis-plan']).toContain('Route back into the service: Ada or her GP call the duty line');
    expect(sections.contacts).toContain('Key worker: Grace Okafor');
    const bundle = body.preview.bundle;
    expect(bundle.entry[0].resource.resourceType).toBe('Composition');
    expect(unresolvedReferences(bundle)).toEqual([]);
    expect(fhirR4SchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(fhirR4SchemaErrors(entry.resource), entry.fullUrl).toEqual([]);
  });

  it('sends once: a second send answers the first, and bad input stores nothing', async () => {
    const missing = await post('keyworker', '/api/people/ada/gp-summary', { episode: 'ada-episode' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ field: 'followUp', message: expect.stringContaining('is required') }]);
    expect(await api.store.db.selectFrom('gp_document').select('id').execute()).toEqual([]);

    const sent = await post('keyworker', '/api/people/ada/gp-summary', { episode: 'ada-episode', followUp: FOLLOW_UP });
    expect(sent.statusCode).toBe(201);
    const document = sent.json().document;
    expect(document).toMatchObject({ kind: 'discharge', source: 'EpisodeOfCare/ada-episode', practiceId: 'gp-1', status: 'in-app', attempts: 0, version: 1 });
    expect(document.summary.sections.find((s: { code: string }) => s.code === 'follow-up').lines).toEqual([FOLLOW_UP]);
    const again = await post('keyworker', '/api/people/ada/gp-summary', { episode: 'ada-episode', followUp: 'Another click' });
    expect(again.statusCode).toBe(200);
    expect(again.json().document.id).toBe(document.id);
    expect(await api.store.db.selectFrom('gp_document').select('id').execute()).toEqual([{ id: document.id }]);
    expect((await api.get('keyworker', '/api/people/ada/gp-summary?episode=ada-episode')).json()).toMatchObject({ sent: { id: document.id, status: 'in-app' }, preview: null });
    expect(await audit('write-gp-summary')).toEqual([{ actor_id: 'demo-keyworker', person_id: 'ada', basis: 'key-worker', outcome: 'allowed' }]);
  });

  it("shows the practice's account its documents from the mental health team, audited; nobody else", async () => {
    const listed = await api.get('gp', '/api/gp-practice/documents');
    expect(listed.statusCode).toBe(200);
    const { practice, documents } = listed.json();
    expect(practice).toEqual({ id: 'gp-1', name: 'Riverside Surgery' });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ kind: 'discharge', status: 'in-app', person: { nhsNumber: '9434765919', name: 'Ada Augusta Lovelace' } });
    expect(documents[0].summary.title).toBe('Discharge summary from the community mental health team');
    expect(await audit('read-gp-summary')).toEqual([{ actor_id: 'demo-gp', person_id: 'ada', basis: 'gp-practice', outcome: 'allowed' }]);
    expect((await api.get('partner', '/api/gp-practice/documents')).statusCode).toBe(403);
    expect((await api.get('keyworker', '/api/gp-practice/documents')).statusCode).toBe(403);
  });

  it('refuses the crisis line and anyone outside the team that held the episode, audited', async () => {
    const crisis = await api.get('crisis', '/api/people/ada/gp-summary?episode=ada-episode');
    expect(crisis.statusCode).toBe(403);
    expect((await api.get('partner', '/api/people/ada/gp-summary?episode=ada-episode')).statusCode).toBe(403);
    expect(await audit('preview-gp-summary')).toContainEqual({ actor_id: 'demo-crisis', person_id: 'ada', basis: 'none', outcome: 'refused' });
    expect((await api.get('keyworker', '/api/people/ada/gp-summary?episode=no-such')).statusCode).toBe(404);
  });

  it('stops showing the practice a person who is no longer registered with it', async () => {
    await api.store.db.updateTable('person').set({ gp_practice_id: null }).where('person_id', '=', 'ada').execute();
    expect((await api.get('gp', '/api/gp-practice/documents')).json().documents).toEqual([]);
  });
});

describe.each(storeKinds)("delivery to the practice's FHIR endpoint, on $name", (kind) => {
  const received: Array<{ contentType: string | undefined; path: string | undefined; body: Record<string, any> }> = [];
  const answers: number[] = [];
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      let data = '';
      request.on('data', (chunk) => (data += chunk));
      request.on('end', () => {
        received.push({ contentType: request.headers['content-type'], path: request.url, body: JSON.parse(data) });
        response.writeHead(answers.shift() ?? 201, { 'content-type': 'application/fhir+json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  const api = scenarioApi(kind, () => withEndpoint(url)(), ['keyworker']);
  const { post } = session(api);

  it('posts the document Bundle, records a failure with its reason, retries when due, and delivers on sending again', async () => {
    expect((await post('keyworker', '/api/people/ada/discharge', discharge)).statusCode).toBe(200);
    expect((await api.get('keyworker', '/api/people/ada/gp-summary?episode=ada-episode')).json().preview.delivery).toBe('fhir-endpoint');
    answers.push(500, 503);
    const sent = await post('keyworker', '/api/people/ada/gp-summary', { episode: 'ada-episode', followUp: FOLLOW_UP });
    expect(sent.statusCode).toBe(201);
    const failed = sent.json().document;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: "The practice's system answered HTTP 500", deliveredAt: null });
    expect(Date.parse(failed.nextAttemptAt) - Date.now()).toBeGreaterThan(30_000);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ contentType: 'application/fhir+json', path: '/fhir/Bundle', body: { resourceType: 'Bundle', type: 'document', id: failed.id } });
    expect(received[0]!.body.entry[0].resource.resourceType).toBe('Composition');

    // Not due yet: nothing is tried. Two minutes on, it is, and fails again.
    expect(await deliverDueGpDocuments(api.store, new Date())).toBe(0);
    expect(await deliverDueGpDocuments(api.store, new Date(Date.now() + 2 * 60_000))).toBe(1);
    expect(received).toHaveLength(2);
    const held = (await api.get('keyworker', '/api/people/ada/gp-summary?episode=ada-episode')).json().sent;
    expect(held).toMatchObject({ status: 'failed', attempts: 2, lastError: "The practice's system answered HTTP 503", version: 3 });

    const stale = await post('keyworker', `/api/people/ada/gp-summary/${failed.id}/send-again`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const again = await post('keyworker', `/api/people/ada/gp-summary/${failed.id}/send-again`, { version: held.version });
    expect(again.statusCode).toBe(200);
    expect(again.json().document).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(received).toHaveLength(3);
    expect((await post('keyworker', `/api/people/ada/gp-summary/${failed.id}/send-again`, { version: again.json().document.version })).statusCode).toBe(409);
    const deliveries = await api.store.db.selectFrom('audit_event').select(['outcome', 'detail']).where('action', '=', 'deliver-gp-summary').orderBy('id').execute();
    expect(deliveries.map((d) => d.outcome)).toEqual(['refused', 'refused', 'allowed']);
    expect(JSON.stringify(deliveries)).not.toContain('Lovelace');
  });
});

describe.each(storeKinds)('the transfer of care summary to the GP, on $name', (kind) => {
  const api = scenarioApi(kind, withEndpoint(), ['keyworker', 'manager']);
  const { post } = session(api);

  it('is for an accepted transfer only, coded as a transfer summary, and says where care moved', async () => {
    const proposed = await post('keyworker', '/api/people/ada/transfers', { episode: 'ada-episode', receivingService: 'Leeds Community Mental Health Team', reason: 'Moved to Leeds to live with her sister.' });
    expect(proposed.statusCode).toBe(201);
    const transfer = proposed.json();
    const early = await api.get('keyworker', `/api/people/ada/gp-summary?transfer=${transfer.id}`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields).toEqual([{ field: 'transfer', message: 'has not been accepted' }]);

    const accepted = await post('manager', `/api/people/ada/transfers/${transfer.id}/accept`, { version: transfer.version, confirmedBy: 'Dr Khan, Leeds CMHT', confirmedOn: '2026-06-29' });
    expect(accepted.statusCode).toBe(200);
    const preview = (await api.get('keyworker', `/api/people/ada/gp-summary?transfer=${transfer.id}`)).json().preview;
    expect(preview.kind).toBe('transfer');
    expect(preview.bundle.entry[0].resource.type.coding[0]).toEqual({ system: 'http://loinc.org', code: '18761-7', display: 'Transfer summary note' });
    expect(preview.summary.sections[0].lines[0]).toMatch(/^Care moved from North CMHT to Leeds Community Mental Health Team on \d{4}-\d{2}-\d{2}\. Reason: Moved to Leeds to live with her sister\.$/);
    expect(unresolvedReferences(preview.bundle)).toEqual([]);

    const sent = await post('manager', '/api/people/ada/gp-summary', { transfer: String(transfer.id), followUp: 'Nothing is asked of the practice.' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().document).toMatchObject({ kind: 'transfer', source: `transfer/${transfer.id}`, status: 'in-app' });
  });
});
