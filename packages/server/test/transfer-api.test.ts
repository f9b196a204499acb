import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extension, londonToday, system, transferRules } from '@continuity/domain';
import { createUser, dischargeAudit, importPath, personRelationships, readPersonRecord, teamCaseload, type Store } from '@continuity/store';
import { buildApp, DEMO_PASSWORD, hashPassword } from '@continuity/server';
import { storeKinds } from '../../../test/support/stores.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { transferScenario, transferUsers } from '../../store/test/support/transfer-scenario.ts';
import { signIn } from './support/signed-in-app.ts';

type User = (typeof transferUsers)[number]['username'];

describe.each(storeKinds)('transfers of care through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies = {} as Record<User, string>;
  const as = (user: User, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { cookie: cookies[user] }, ...(payload ? { payload } : {}) });
  const episode = (person: string, id = `${person}-eoc`) => readPersonRecord(store.db, person, 'EpisodeOfCare', id);
  const audit = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_id', 'basis', 'outcome']).where('action', '=', action).orderBy('id').execute();
  const today = londonToday();

  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(transferScenario()));
    expect(report.errors).toEqual([]);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const u of transferUsers) await createUser(store.db, { id: u.username, username: u.username, displayName: u.displayName, role: u.role, passwordHash, practitionerId: u.practitionerId, teamIds: [...u.teams] });
    app = await buildApp({ store, webRoot: '/nonexistent' });
    for (const u of transferUsers) cookies[u.username] = await signIn(app, u.username);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('previews the packet with the missing sections named, and the teams to choose from', async () => {
    const response = await as('north-kw', 'GET', '/api/people/val/transfers/preview?episode=val-eoc');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.teams).toEqual([{ id: 'team-east', name: 'East CMHT' }, { id: 'team-south', name: 'South CMHT' }]);
    expect(body.packet.missing).toEqual([
      { section: 'crisis-plan', message: transferRules.packetSections['crisis-plan'].missing },
      { section: 'risk-formulation', message: transferRules.packetSections['risk-formulation'].missing },
    ]);
    expect(body.packet.sections.map((s: { code: string; items: Array<{ reference: string }> }) => [s.code, s.items.map((i) => i.reference)])).toEqual([
      ['care-plan', ['CarePlan/val-care-plan']],
      ['safety-plan', ['CarePlan/val-safety-plan']],
      ['crisis-plan', []],
      ['risk-formulation', []],
      ['history', ['Encounter/val-admission', 'Flag/val-detention', 'Flag/val-police']],
      ['carers', ['RelatedPerson/val-mother']],
      ['medicines', ['MedicationRequest/val-clozapine']],
    ]);
    expect(body.pending).toBeNull();
  });

  it('says which field is wrong in a malformed proposal, and stores nothing', async () => {
    const both = await as('north-kw', 'POST', '/api/people/val/transfers', { episode: 'val-eoc', receivingTeam: 'team-south', receivingService: 'Leeds', reason: 'Moving' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields).toEqual([{ field: 'receivingTeam', message: 'choose a receiving team, or name the receiving service for a transfer out of area (one, not both)' }]);
    const unknown = await as('north-kw', 'POST', '/api/people/val/transfers', { episode: 'val-eoc', receivingTeam: 'team-nowhere', reason: 'Moving' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('receivingTeam');
    const same = await as('north-kw', 'POST', '/api/people/val/transfers', { episode: 'val-eoc', receivingTeam: 'team-north', reason: 'Moving' });
    expect(same.statusCode).toBe(400);
    const blank = await as('north-kw', 'POST', '/api/people/val/transfers', { episode: 'val-eoc', receivingTeam: 'team-south' });
    expect(blank.json().error.fields).toEqual([{ field: 'reason', message: 'is required' }]);
    expect((await store.db.selectFrom('transfer_of_care').select('id').execute()).length).toBe(0);
  });

  let valTransfer: { id: string; version: number };

  it('proposes a transfer: the episode stays open and the person stays with the sending team', async () => {
    const response = await as('north-kw', 'POST', '/api/people/val/transfers', { episode: 'val-eoc', receivingTeam: 'team-south', reason: 'Moved to Southtown; closer to her mother.' });
    expect(response.statusCode).toBe(201);
    const transfer = response.json();
    expect(transfer).toMatchObject({ personId: 'val', episodeId: 'val-eoc', status: 'proposed', version: 1, sendingTeam: { id: 'team-north', name: 'North CMHT' }, receivingTeam: { id: 'team-south', name: 'South CMHT' }, requestedByName: 'Grace Okafor' });
    expect(transfer.packet.missing.map((m: { section: string }) => m.section)).toEqual(['crisis-plan', 'risk-formulation']);
    valTransfer = { id: transfer.id, version: transfer.version };
    expect(await episode('val')).toMatchObject({ status: 'active', versionId: 1 });
    expect(await personRelationships(store.db, 'val')).toMatchObject({ teams: ['team-north'] });
    expect((await teamCaseload(store.db, 'team-north')).people).toBe(3);
    // Shown as "transfer pending" on the record and on the key worker's caseload.
    const mark = { id: transfer.id, receivingTeamId: 'team-south', receivingService: null };
    const record = (await as('north-kw', 'GET', '/api/people/val')).json();
    expect(record.person.episodes.find((e: { id: string }) => e.id === 'val-eoc').transferPending).toEqual(mark);
    const caseload = (await as('north-kw', 'GET', '/api/caseloads/me')).json();
    expect(caseload.people.map((p: { patient: { id: string }; transferPending?: unknown }) => [p.patient.id, p.transferPending ?? null])).toEqual([['kim', null], ['ola', null], ['val', mark]]);

    const again = await as('north-mgr', 'POST', '/api/people/val/transfers', { episode: 'val-eoc', receivingTeam: 'team-east', reason: 'Another idea' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('transfer-pending');
  });

  it('refuses to discharge an episode while its transfer is pending', async () => {
    const response = await as('north-kw', 'POST', '/api/people/val/discharge', { episode: 'val-eoc', version: 1, reason: 'moved-away' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'transfer-pending', fields: [{ field: 'episode', message: 'has a transfer of care waiting for a decision' }] });
    expect(response.json().error.message).toMatch(/Withdraw the transfer/);
  });

  it('lists the transfer as waiting for the receiving team, and as pending for the sending team', async () => {
    const south = await as('south-kw', 'GET', '/api/teams/team-south/transfers');
    expect(south.statusCode).toBe(200);
    expect(south.json().incoming).toEqual([
      expect.objectContaining({ id: valTransfer.id, person: { id: 'val', nhsNumber: '9990002096', name: 'Val Valson' }, sendingTeam: { id: 'team-north', name: 'North CMHT' }, missing: expect.any(Array) }),
    ]);
    expect(south.json().incoming[0].packet).toBeUndefined();
    expect(south.json().outgoing).toEqual([]);
    const north = await as('north-kw', 'GET', '/api/teams/team-north/transfers');
    expect(north.json().outgoing.map((t: { person: { id: string } }) => t.person.id)).toEqual(['val']);
    expect((await as('east-mgr', 'GET', '/api/teams/team-south/transfers')).statusCode).toBe(403);
  });

  it('lets the receiving team read the packet on the offer alone, audited; nobody outside both teams', async () => {
    // South cannot open val's record: the offer is a relationship with the packet only.
    expect((await as('south-kw', 'GET', '/api/people/val')).statusCode).toBe(403);
    const read = await as('south-kw', 'GET', `/api/people/val/transfers/${valTransfer.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ access: 'transfer-offer', person: { id: 'val', nhsNumber: '9990002096' }, transfer: { status: 'proposed' } });
    expect(read.json().keyWorkers).toEqual([{ id: 'kw-3', name: 'Niamh Byrne' }, { id: 'kw-2', name: 'Ravi Patel' }]);
    const outsider = await as('east-mgr', 'GET', `/api/people/val/transfers/${valTransfer.id}`);
    expect(outsider.statusCode).toBe(403);
    const accept = await as('east-mgr', 'POST', `/api/people/val/transfers/${valTransfer.id}/accept`, { version: 1 });
    expect(accept.statusCode).toBe(403);
    expect(await audit('read-transfer')).toEqual([
      { actor_id: 'south-kw', person_id: 'val', resource_id: valTransfer.id, basis: 'transfer-offer', outcome: 'allowed' },
      { actor_id: 'east-mgr', person_id: 'val', resource_id: valTransfer.id, basis: 'none', outcome: 'refused' },
    ]);
    expect(await audit('open-transfer-for-accept')).toEqual([{ actor_id: 'east-mgr', person_id: 'val', resource_id: valTransfer.id, basis: 'none', outcome: 'refused' }]);
    expect(await episode('val')).toMatchObject({ status: 'active', versionId: 1 });
  });

  it('leaves the decision to the receiving team manager, on the current version, with a key worker of that team', async () => {
    const url = `/api/people/val/transfers/${valTransfer.id}/accept`;
    expect((await as('south-kw', 'POST', url, { version: 1 })).json().error.message).toMatch(/team manager of the receiving team decides/);
    const stale = await as('south-mgr', 'POST', url, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const stranger = await as('south-mgr', 'POST', url, { version: 1, keyWorker: 'kw-1' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields).toEqual([{ field: 'keyWorker', message: 'is not a practitioner with a role in the receiving team' }]);
    expect(await episode('val')).toMatchObject({ status: 'active', versionId: 1 });
    expect(await episode('val', `toc-${valTransfer.id}-eoc`)).toBeUndefined();
  });

  it('accepts: the old episode finishes as a transfer and the new one opens at the receiving team, together', async () => {
    const response = await as('south-mgr', 'POST', `/api/people/val/transfers/${valTransfer.id}/accept`, { version: 1, keyWorker: 'kw-2' });
    expect(response.statusCode).toBe(200);
    const newEpisode = `toc-${valTransfer.id}-eoc`;
    expect(response.json()).toMatchObject({ status: 'accepted', version: 2, newEpisodeId: newEpisode, decidedBy: 'south-mgr', decidedByName: 'South manager' });

    const old = (await episode('val'))!;
    expect(old).toMatchObject({ status: 'finished', versionId: 2 });
    expect(old.resource.period).toEqual({ start: '2024-05-01', end: today });
    const ext = old.resource.extension as Array<{ url: string; extension?: Array<{ url: string }> }>;
    expect(ext[0]).toEqual({ url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: 'transferred' }] } });
    expect(ext[1]!.url).toBe(extension.transferOfCare);
    expect(ext[1]!.extension!.map((e) => e.url)).toEqual(['receivingEpisode', 'receivingTeam', 'acceptedBy', 'accepted']);

    const opened = (await episode('val', newEpisode))!;
    expect(opened.status).toBe('active');
    expect(opened.resource).toMatchObject({
      managingOrganization: { reference: 'Organization/team-south' }, careManager: { reference: 'Practitioner/kw-2' }, period: { start: today },
      type: [{ coding: [{ system: system.careIntensity, code: 'intensive' }] }], patient: { reference: 'Patient/val' },
    });
    expect(await personRelationships(store.db, 'val')).toMatchObject({ teams: ['team-south'], keyWorkers: ['kw-2'] });
    expect((await teamCaseload(store.db, 'team-south')).keyWorkers.find((k) => k.practitionerId === 'kw-2')!.allocated.people).toBe(1);
    expect((await teamCaseload(store.db, 'team-north')).people).toBe(2);
    expect(await audit('accept-transfer')).toEqual([{ actor_id: 'south-mgr', person_id: 'val', resource_id: valTransfer.id, basis: 'transfer-offer', outcome: 'allowed' }]);

    // Now the receiving team holds her: the record opens; the offer itself is over.
    expect((await as('south-kw', 'GET', '/api/people/val')).statusCode).toBe(200);
    const twice = await as('south-mgr', 'POST', `/api/people/val/transfers/${valTransfer.id}/accept`, { version: 2 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already-decided');
  });

  it('does not list an accepted transfer in the discharge audit', async () => {
    const report = await dischargeAudit(store.db, { from: today, to: today });
    expect(report.items).toEqual([]);
  });

  it('declines with a reason: everything stays as it was', async () => {
    const proposed = (await as('north-mgr', 'POST', '/api/people/kim/transfers', { episode: 'kim-eoc', receivingTeam: 'team-south', reason: 'Moving south' })).json();
    const url = `/api/people/kim/transfers/${proposed.id}/decline`;
    const blank = await as('south-mgr', 'POST', url, { version: 1, declineReason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual([{ field: 'declineReason', message: 'Say why the team cannot take this person on, so the sending team knows what to do next.' }]);
    const declined = await as('south-mgr', 'POST', url, { version: 1, declineReason: 'Her new address is in East CMHT’s area.' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Her new address is in East CMHT’s area.', version: 2, newEpisodeId: null });
    expect(await episode('kim')).toMatchObject({ status: 'active', versionId: 1 });
    expect(await personRelationships(store.db, 'kim')).toMatchObject({ teams: ['team-north'] });
    // The offer is over: South reads it no more.
    expect((await as('south-kw', 'GET', `/api/people/kim/transfers/${proposed.id}`)).statusCode).toBe(403);
    const list = (await as('north-kw', 'GET', '/api/people/kim/transfers')).json();
    expect(list.transfers.map((t: { status: string }) => t.status)).toEqual(['declined']);
  });

  it('withdraws: the sending team takes the offer back, and the episode can be discharged again', async () => {
    const proposed = (await as('north-kw', 'POST', '/api/people/kim/transfers', { episode: 'kim-eoc', receivingTeam: 'team-east', reason: 'East covers her new address' })).json();
    expect((await as('south-mgr', 'POST', `/api/people/kim/transfers/${proposed.id}/withdraw`, { version: 1 })).statusCode).toBe(403);
    const withdrawn = await as('north-kw', 'POST', `/api/people/kim/transfers/${proposed.id}/withdraw`, { version: 1 });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const discharge = await as('north-kw', 'POST', '/api/people/kim/discharge', { episode: 'kim-eoc', version: 1, reason: 'non-attendance' });
    expect(discharge.json().error.code).toBe('discharge-refused');
  });

  it('out of area: the episode stays open until the named service confirms, recorded by the sending team', async () => {
    const proposed = await as('north-kw', 'POST', '/api/people/ola/transfers', { episode: 'ola-eoc', receivingService: 'Leeds East CMHT, Leeds and York Partnership', reason: 'Moved to Leeds' });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().id;
    expect(proposed.json()).toMatchObject({ receivingTeam: null, receivingService: 'Leeds East CMHT, Leeds and York Partnership' });
    const url = `/api/people/ola/transfers/${id}/accept`;
    const unconfirmed = await as('north-kw', 'POST', url, { version: 1 });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['confirmedBy', 'confirmedOn']);
    expect(await episode('ola')).toMatchObject({ status: 'active', versionId: 1 });
    const confirmed = await as('north-kw', 'POST', url, { version: 1, confirmedBy: 'Dr Amira Shah, team manager', confirmedOn: today });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'accepted', confirmedBy: 'Dr Amira Shah, team manager', newEpisodeId: null });
    const old = (await episode('ola'))!;
    expect(old.status).toBe('finished');
    expect((old.resource.extension as Array<{ url: string; extension?: Array<{ url: string; valueString?: string }> }>)[1]!.extension).toEqual(
      expect.arrayContaining([{ url: 'receivingService', valueString: 'Leeds East CMHT, Leeds and York Partnership' }, { url: 'acceptedBy', valueString: 'Dr Amira Shah, team manager' }]),
    );
    expect((await dischargeAudit(store.db, { from: today, to: today })).items).toEqual([]);
  });
});
