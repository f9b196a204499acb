import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEscalationTask, closeEscalationTask, createUser, disengagedWorklist, importPath, loadEscalationRecords, mdtBoard, recordMdtDecision, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, disengagementScenario, expectedItems } from './support/disengagement-scenario.ts';
import { writeNdjson } from './support/scenario.ts';

describe.each(storeKinds)('the escalation ladder on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    const report = await importPath(store, writeNdjson(disengagementScenario()));
    expect(report.errors).toEqual([]);
    for (const id of ['u-kw', 'u-manager']) await createUser(store.db, { id, username: id, displayName: id, role: 'key-worker', passwordHash: null, teamIds: ['team-north'] });
  });
  afterAll(async () => {
    await store.close();
  });

  it('stores tasks and closes them only at the version read: a stale close is reported, not applied', async () => {
    const task = await addEscalationTask(store.db, { personId: 'dora', step: 'home-visit', ownerId: 'u-kw', due: '2026-07-02', createdBy: 'u-manager' });
    expect(task).toMatchObject({ step: 'home-visit', ownerId: 'u-kw', due: '2026-07-02', status: 'open', outcome: null, createdBy: 'u-manager', completedAt: null, version: 1 });
    expect(await closeEscalationTask(store.db, { personId: 'dora', taskId: task.id, version: 2, status: 'done', outcome: 'Seen', by: 'u-kw' })).toMatchObject({ problem: 'stale', current: { version: 1, status: 'open' } });
    const done = await closeEscalationTask(store.db, { personId: 'dora', taskId: task.id, version: 1, status: 'done', outcome: 'Not in; card left.', by: 'u-kw' });
    expect(done).toMatchObject({ closed: { status: 'done', outcome: 'Not in; card left.', completedBy: 'u-kw', version: 2 } });
    expect(await closeEscalationTask(store.db, { personId: 'dora', taskId: task.id, version: 2, status: 'cancelled', outcome: null, by: 'u-kw' })).toMatchObject({ problem: 'already-closed' });
    // Another person's id with this task's number is not this task.
    expect(await closeEscalationTask(store.db, { personId: 'eli', taskId: task.id, version: 2, status: 'done', outcome: null, by: 'u-kw' })).toEqual({ problem: 'not-found' });
    const loaded = await loadEscalationRecords(store.db, ['dora', 'eli', 'nobody']);
    expect(loaded.get('dora')!.tasks).toEqual([('closed' in done && done.closed)]);
    expect(loaded.get('eli')).toEqual({ tasks: [], decisions: [] });
    expect(loaded.get('nobody')).toEqual({ tasks: [], decisions: [] });
  });

  it('a decision made on or after the spell began takes the person off the list, not out of the contract', async () => {
    // Dora has been out of contact since 4 June; a decision on 3 June is about an earlier spell.
    await recordMdtDecision(store.db, { personId: 'dora', decidedOn: '2026-06-03', decision: 'Too early', reviewOn: '2026-08-01', recordedBy: 'u-manager' });
    expect((await disengagedWorklist(store.db, { asOf: AS_OF })).list.items).toEqual(expectedItems);
    const decision = await recordMdtDecision(store.db, { personId: 'dora', decidedOn: '2026-06-24', decision: 'Keep trying weekly; sister to call us.', reviewOn: '2026-07-01', recordedBy: 'u-manager' });
    expect(decision).toMatchObject({ decidedOn: '2026-06-24', reviewOn: '2026-07-01', recordedBy: 'u-manager' });
    const result = await disengagedWorklist(store.db, { asOf: AS_OF });
    expect(result.list).toEqual({ worklist: 'disengaged', asOf: AS_OF, items: [expectedItems[1], expectedItems[2]] });
    for (const item of result.list.items) expect(Object.keys(item).sort()).toEqual(['patient', 'reasons']);
    expect(result.decided).toEqual([{ ...expectedItems[0], decision }]);
    expect(result.people.get('dora')).toMatchObject({ name: 'Dora Dunn', escalation: { decisionStands: true } });
  });

  it('puts the person back on the list the day after the review date, and the MDT board asks for the review', async () => {
    // Eli: intensive care, last seen 22 June, out of contact from 30 June.
    await recordMdtDecision(store.db, { personId: 'eli', decidedOn: '2026-06-30', decision: 'Home visit daily this week.', reviewOn: '2026-07-03', recordedBy: 'u-manager' });
    const onList = async (asOf: string) => {
      const { list, decided } = await disengagedWorklist(store.db, { asOf, team: 'team-north' });
      return { listed: list.items.map((i) => i.patient.id), decided: decided.map((i) => i.patient.id) };
    };
    expect(await onList('2026-06-29')).toEqual({ listed: [], decided: ['dora'] });
    expect(await onList('2026-06-30')).toEqual({ listed: [], decided: ['dora', 'eli'] });
    // Dora's contact on 2 July ends her spell; Jon (seen 23 June) is late from 1 July; Eli's decision
    // stands through its review date, and not a day more.
    expect(await onList('2026-07-03')).toEqual({ listed: ['jon'], decided: ['eli'] });
    expect(await onList('2026-07-04')).toEqual({ listed: ['eli', 'jon'], decided: [] });
    const board = await mdtBoard(store.db, 'team-north', { asOf: '2026-07-03' });
    expect(board.list.items.find((i) => i.patient.id === 'eli')?.reasons).toEqual([
      { code: 'mdt-review-due', text: 'The MDT decision of 30 Jun was due for review today, and there is still no contact.', evidence: [expect.stringMatching(/^EngagementDecision\/\d+$/)] },
    ]);
  });
});
