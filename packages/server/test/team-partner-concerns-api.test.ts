import { acknowledgedConcernFlag, partnerConcernRecords, system, type AnyResource } from '@continuity/domain';
import { prepareRecord, writeRecords } from '@continuity/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario } from '../../store/test/support/scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';

/**
 * The foundation scenario with two more people North CMHT holds: Aaron, whose key worker is Grace
 * Okafor too, and Cy, held with no key worker. The police have raised concerns about Ada (two to act
 * on, one acknowledged) and Cy (one); none about Aaron.
 */
function withConcerns() {
  const resources = scenario();
  const team = { reference: 'Organization/team-north' };
  const person = (id: string, given: string, family: string) => ({ resourceType: 'Patient', id, name: [{ use: 'official', given: [given], family }], birthDate: '1990-01-01' });
  resources.Patient = [...resources.Patient!, person('aaron', 'Aaron', 'Abbott'), person('cy', 'Cy', 'Young')];
  resources.EpisodeOfCare = [
    ...resources.EpisodeOfCare!,
    { resourceType: 'EpisodeOfCare', id: 'aaron-episode', status: 'active', patient: { reference: 'Patient/aaron' }, managingOrganization: team, careManager: { reference: 'Practitioner/kw-1' }, period: { start: '2024-03-01' } },
    { resourceType: 'EpisodeOfCare', id: 'cy-episode', status: 'active', patient: { reference: 'Patient/cy' }, managingOrganization: team, period: { start: '2024-03-01' } },
  ];
  resources.Organization = [...resources.Organization!, { resourceType: 'Organization', id: 'police-1', name: 'Avon Police', type: [{ coding: [{ system: system.organisationType, code: 'police' }] }] }];
  return resources;
}

const concern = (id: string, personId: string) =>
  partnerConcernRecords({ id, personId, organisationId: 'police-1', organisationName: 'Avon Police', teamIds: ['team-north'], words: 'Seen in distress at the station.', at: '2026-03-01T02:00:00Z', day: '2026-03-01' });

describe.each(storeKinds)("partners' concerns on the team caseload and the MDT board, on $name", (kind) => {
  const api = scenarioApi(kind, withConcerns, ['manager', 'keyworker', 'crisis']);

  beforeAll(async () => {
    const raised = [concern('c-ada-1', 'ada'), concern('c-ada-2', 'ada'), concern('c-ada-3', 'ada'), concern('c-cy-1', 'cy')];
    raised[2]!.flag = acknowledgedConcernFlag(raised[2]!.flag, { date: '2026-03-02', by: 'Grace Okafor', response: 'Visited the next morning.' });
    const personOf = (id: string) => (id.startsWith('c-cy') ? 'cy' : 'ada');
    await writeRecords(api.store.db, raised.flatMap((r) => [r.communication, r.flag]).map((resource) => prepareRecord({ type: resource.resourceType as 'Flag', id: String(resource.id), personId: personOf(String(resource.id)), resource: resource as AnyResource })));
  });

  it('lists the people the team holds with concerns to act on, most first, and marks the unallocated, audited as listed', async () => {
    const response = await api.get('manager', '/api/teams/team-north/caseload?asOf=2026-03-10');
    expect(response.statusCode).toBe(200);
    const caseload = response.json();
    expect(caseload.partnerConcerns).toEqual([
      { personId: 'ada', name: 'Ada Augusta Lovelace', nhsNumber: '9434765919', keyWorkerIds: ['kw-1'], partnerConcerns: 2 },
      { personId: 'cy', name: 'Cy Young', nhsNumber: null, keyWorkerIds: [], partnerConcerns: 1 },
    ]);
    expect(caseload.unallocated).toEqual([{ personId: 'cy', episodeId: 'cy-episode', name: 'Cy Young', partnerConcerns: 1 }]);
    const listed = (await api.worklistAudit('demo-manager')).filter((r) => (r.detail as { worklist?: string }).worklist === 'team-caseload').map((r) => r.person_id);
    expect(new Set(listed)).toEqual(new Set(['ada', 'cy']));
    expect((await api.get('keyworker', '/api/teams/team-north/caseload?asOf=2026-03-10')).json().partnerConcerns).toHaveLength(2);
    expect((await api.get('crisis', '/api/teams/team-north/caseload?asOf=2026-03-10')).statusCode).toBe(403);
  });

  it('is the same count as My caseload, and an acknowledged concern takes the person off', async () => {
    const mine = (await api.get('keyworker', '/api/caseloads/me?asOf=2026-03-10')).json().people;
    expect(mine.find((p: { patient: { id: string } }) => p.patient.id === 'ada').partnerConcerns).toBe(2);
    const cy = await api.store.db.selectFrom('record').select('resource').where('person_id', '=', 'cy').where('id', '=', 'c-cy-1-flag').executeTakeFirstOrThrow();
    const acknowledged = acknowledgedConcernFlag(cy.resource as Record<string, unknown>, { date: '2026-03-03', by: 'Demo team manager', response: 'Allocated a key worker to call her.' });
    await writeRecords(api.store.db, [prepareRecord({ type: 'Flag', id: 'c-cy-1-flag', personId: 'cy', resource: acknowledged as AnyResource })]);
    const caseload = (await api.get('manager', '/api/teams/team-north/caseload?asOf=2026-03-10')).json();
    expect(caseload.partnerConcerns.map((c: { personId: string }) => c.personId)).toEqual(['ada']);
    expect(caseload.unallocated).toEqual([{ personId: 'cy', episodeId: 'cy-episode', name: 'Cy Young' }]);
  });

  it('marks the MDT board’s people with concerns to act on, counted with their reasons to put them first', async () => {
    // Aaron has fewer reasons to discuss than Cy (no key-worker reason); two concerns about him put him above her.
    const raised = [concern('c-aaron-1', 'aaron'), concern('c-aaron-2', 'aaron')];
    await writeRecords(api.store.db, raised.flatMap((r) => [r.communication, r.flag]).map((resource) => prepareRecord({ type: resource.resourceType as 'Flag', id: String(resource.id), personId: 'aaron', resource: resource as AnyResource })));
    const board = (await api.get('manager', '/api/teams/team-north/mdt?asOf=2026-03-10')).json();
    expect(board.items.map((i: { patient: { id: string } }) => i.patient.id)).toEqual(['ada', 'aaron', 'cy']);
    expect(board.items.map((i: { reasons: unknown[] }) => i.reasons.length)).toEqual([4, 3, 4]);
    expect([board.people.ada.partnerConcerns, board.people.aaron.partnerConcerns, board.people.cy.partnerConcerns]).toEqual([2, 2, undefined]);
    // The worklist contract is unchanged: a concern is marked beside the reasons, not added to them.
    expect(board.items.flatMap((i: { reasons: Array<{ code: string }> }) => i.reasons.map((r) => r.code))).not.toContain('partner-concern');
  });
});
