import { gpSummaryRules, system, type AnyResource } from '@continuity/domain';
import { prepareRecord, writeRecords } from '@continuity/store';
import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';
import { scenario } from '../../store/test/support/scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';
import { signIn } from './support/signed-in-app.ts';

const discharge = {
  episode: 'ada-episode', version: 1, reason: 'recovered', end: '2026-06-30', mdtDecisionDate: '2026-06-24',
  relapseIndicators: 'Sleeps less, stops answering the phone.', harmsIfMissed: 'A missed relapse ended in a section 3 admission.', routeBack: 'Ada or her GP call the duty line; seen within a week.',
};

/**
 * The foundation scenario with a MARAC flag on Ada (restricted: never in a summary), and Cy, referred
 * to North CMHT and waiting, with a summary another team sent her GP: North CMHT may open her record
 * but never held her, so may not read that summary.
 */
function withRestrictedFlagAndCy() {
  const resources = scenario();
  resources.Flag = [...resources.Flag!, {
    resourceType: 'Flag', id: 'ada-marac', status: 'active', subject: { reference: 'Patient/ada' }, period: { start: '2025-01-10' },
    category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }], code: { coding: [{ system: system.redFlag, code: 'marac' }], text: 'MARAC: heard at the January conference' },
  }];
  resources.Patient = [...resources.Patient!, { resourceType: 'Patient', id: 'cy', name: [{ use: 'official', given: ['Cy'], family: 'Young' }] }];
  resources.ServiceRequest = [...resources.ServiceRequest!, { resourceType: 'ServiceRequest', id: 'cy-referral', status: 'active', intent: 'order', subject: { reference: 'Patient/cy' }, authoredOn: '2026-06-01', performer: [{ reference: 'Organization/team-north' }] }];
  resources.DocumentReference = [...resources.DocumentReference!, {
    resourceType: 'DocumentReference', id: 'cy-gp-summary', status: 'current', subject: { reference: 'Patient/cy' }, date: '2026-05-01T12:00:00Z',
    custodian: { reference: 'Organization/team-south' }, content: [{ attachment: { contentType: 'application/fhir+json', data: 'e30=' } }],
  }];
  return resources;
}

const decoded = (resource: { content: Array<{ attachment: { data: string } }> }) => JSON.parse(Buffer.from(resource.content[0]!.attachment.data, 'base64').toString('utf8'));

describe.each(storeKinds)("summaries to the GP on the person's record, on $name", (kind) => {
  const api = scenarioApi(kind, withRestrictedFlagAndCy, ['keyworker', 'manager', 'crisis']);
  const cookies: Record<string, string> = {};
  const as = async (user: string) => (cookies[user] ??= await signIn(api.app, user));
  const send = async (user: string, method: 'POST' | 'PUT', url: string, payload: object, headers: Record<string, string> = {}) => api.app.inject({ method, url, payload, headers: { cookie: await as(user), ...headers } });
  const audit = (actor: string, action: string) => api.store.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome', 'detail']).where('actor_id', '=', actor).where('action', '=', action).orderBy('id').execute();
  let documentId = '';

  it('writes a DocumentReference with the summary, once, in the person’s records', async () => {
    expect((await send('keyworker', 'POST', '/api/people/ada/discharge', discharge)).statusCode).toBe(200);
    const sent = await send('keyworker', 'POST', '/api/people/ada/gp-summary', { episode: 'ada-episode', followUp: 'Please review her mood at each visit.' });
    expect(sent.statusCode).toBe(201);
    documentId = sent.json().document.id;
    expect((await send('keyworker', 'POST', '/api/people/ada/gp-summary', { episode: 'ada-episode', followUp: 'Again' })).statusCode).toBe(200);
    const held = await api.store.db.selectFrom('record').select(['id', 'version_id', 'status']).where('person_id', '=', 'ada').where('resource_type', '=', 'DocumentReference').execute();
    expect(held).toEqual([{ id: documentId, version_id: 1, status: 'current' }]);
  });

  it('is not read through the FHIR API while the record is closed to the team, nor written by a client', async () => {
    // Discharged: North CMHT no longer holds Ada, so the record's gate refuses, audited.
    expect((await api.get('keyworker', `/fhir/DocumentReference/${documentId}`)).statusCode).toBe(403);
    expect((await audit('demo-keyworker', 'fhir-read')).at(-1)).toMatchObject({ person_id: 'ada', outcome: 'refused' });
    const resource = { resourceType: 'DocumentReference', status: 'current', subject: { reference: 'Patient/ada' }, content: [{ attachment: { contentType: 'text/plain', data: 'aGk=' } }] };
    expect((await send('keyworker', 'POST', '/fhir/DocumentReference', resource)).statusCode).toBe(405);
    expect((await send('keyworker', 'PUT', `/fhir/DocumentReference/${documentId}`, { ...resource, id: documentId }, { 'if-match': 'W/"1"' })).statusCode).toBe(405);
    const metadata = (await api.app.inject({ method: 'GET', url: '/fhir/metadata' })).json();
    const capability = metadata.rest[0].resource.find((r: { type: string }) => r.type === 'DocumentReference');
    expect(capability.interaction.map((i: { code: string }) => i.code)).toEqual(['read', 'vread', 'search-type']);
  });

  it('once Ada is referred back, serves it to the team that held her: the Composition’s type, subject and custodian, and the Bundle inline, with nothing restricted', async () => {
    const back = { resourceType: 'ServiceRequest', id: 'ada-rereferral', status: 'active', intent: 'order', subject: { reference: 'Patient/ada' }, authoredOn: '2026-08-01', performer: [{ reference: 'Organization/team-north' }] };
    await writeRecords(api.store.db, [prepareRecord({ type: 'ServiceRequest', id: 'ada-rereferral', personId: 'ada', resource: back as AnyResource })]);
    const read = await api.get('keyworker', `/fhir/DocumentReference/${documentId}`);
    expect(read.statusCode).toBe(200);
    const reference = read.json();
    const loinc = gpSummaryRules.kinds.discharge.type.find((c) => c.system === system.loinc)!;
    expect(reference).toMatchObject({
      resourceType: 'DocumentReference', id: documentId, status: 'current', subject: { reference: 'Patient/ada' }, custodian: { reference: 'Organization/team-north' },
      description: 'Discharge summary from the community mental health team', context: { encounter: [{ reference: 'EpisodeOfCare/ada-episode' }] },
      content: [{ attachment: { contentType: 'application/fhir+json', title: 'Discharge summary from the community mental health team' } }],
      meta: { versionId: '1' },
    });
    expect(reference.type.coding).toContainEqual(loinc);
    expect(fhirR4SchemaErrors(reference)).toEqual([]);
    const bundle = decoded(reference);
    const stored = await api.store.db.selectFrom('gp_document').select('bundle').where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(bundle).toEqual(stored.bundle);
    expect(bundle.entry[0].resource.type.coding).toContainEqual(loinc);
    expect(JSON.stringify(bundle)).not.toMatch(/marac|MARAC|ada-marac/);
    expect((await audit('demo-keyworker', 'fhir-read')).at(-1)).toMatchObject({ person_id: 'ada', outcome: 'allowed', basis: 'team' });

    const search = (await api.get('keyworker', '/fhir/DocumentReference')).json();
    // Cy's record is open to the team (a waiting referral) but her summary came from a team that held her: not this one's to read.
    expect(search.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([documentId]);
    expect((await api.get('keyworker', '/fhir/DocumentReference/cy-gp-summary')).statusCode).toBe(403);
    expect((await audit('demo-keyworker', 'fhir-read')).at(-1)).toMatchObject({ person_id: 'cy', outcome: 'refused', basis: 'none' });
  });

  it('shows it on the timeline as one row, with where its delivery is, to the team; never to the crisis line, even through break-glass', async () => {
    const timeline = (await api.get('keyworker', '/api/people/ada/timeline')).json().entries.filter((e: { resourceType: string }) => e.resourceType === 'DocumentReference');
    expect(timeline).toEqual([{
      resourceType: 'DocumentReference', id: documentId, date: expect.any(String), status: 'in-app', category: 'communication',
      title: 'Sent to the GP: Discharge summary from the community mental health team', detail: 'To Riverside Surgery · Ready for the practice to read in Continuity',
    }]);
    expect((await send('crisis', 'POST', '/api/people/ada/break-glass', { reason: 'Crisis call out of hours, known to be at risk' })).statusCode).toBe(201);
    const crisisTimeline = await api.get('crisis', '/api/people/ada/timeline');
    expect(crisisTimeline.statusCode).toBe(200);
    expect(crisisTimeline.json().entries.map((e: { resourceType: string }) => e.resourceType)).not.toContain('DocumentReference');
    expect((await api.get('crisis', `/fhir/DocumentReference/${documentId}`)).statusCode).toBe(403);
    expect((await audit('demo-crisis', 'fhir-read')).at(-1)).toMatchObject({ person_id: 'ada', outcome: 'refused', basis: 'none' });
    expect((await api.get('crisis', '/fhir/DocumentReference?patient=ada')).json().total).toBe(0);
  });

  it('is in the team manager’s bulk export for the people their team held, and no one else’s', async () => {
    const kickOff = await api.app.inject({ method: 'GET', url: '/fhir/Patient/$export?_type=DocumentReference', headers: { cookie: await as('manager'), prefer: 'respond-async' } });
    expect(kickOff.statusCode).toBe(202);
    const status = new URL(String(kickOff.headers['content-location'])).pathname;
    let manifest: { output: Array<{ type: string; url: string; count: number }> } | undefined;
    for (let attempt = 0; attempt < 100 && !manifest; attempt++) {
      const polled = await api.get('manager', status);
      if (polled.statusCode === 200) manifest = polled.json();
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(manifest!.output.map((o) => [o.type, o.count])).toEqual([['DocumentReference', 1]]);
    const file = await api.get('manager', new URL(manifest!.output[0]!.url).pathname);
    expect(JSON.parse(file.body.trim())).toMatchObject({ resourceType: 'DocumentReference', id: documentId });
  });
});
