import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extension, system, transferEpisodes } from '@continuity/domain';
import {
  buildHandoverPacket,
  dischargeAudit,
  importPath,
  pendingTransferOf,
  pendingTransfers,
  personTransfers,
  proposeTransfer,
  readTransfer,
  settleTransfer,
  type Store,
} from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { writeNdjson } from './support/scenario.ts';
import { transferScenario } from './support/transfer-scenario.ts';

describe.each(storeKinds)('transfers of care in the store on $name', (kind) => {
  let store: Store;

  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, writeNdjson(transferScenario()))).errors).toEqual([]);
  });
  afterAll(async () => store.close());

  it('builds the packet from the stored records, with staff and places named', async () => {
    const packet = await buildHandoverPacket(store.db, 'val');
    expect(packet.missing.map((m) => m.section)).toEqual(['crisis-plan', 'risk-formulation']);
    const carePlan = packet.sections.find((s) => s.code === 'care-plan')!.items[0]!;
    expect(carePlan).toMatchObject({ reference: 'CarePlan/val-care-plan', detail: 'by Grace Okafor' });
    expect(packet.sections.find((s) => s.code === 'history')!.items[0]).toMatchObject({ reference: 'Encounter/val-admission', detail: 'Northshire Mental Health Trust · discharged 2025-04-02' });
    expect((await buildHandoverPacket(store.db, 'kim')).missing.map((m) => m.section)).toEqual(['care-plan', 'safety-plan', 'crisis-plan', 'risk-formulation']);
  });

  it('keeps one pending transfer per episode, and settles it only on the version read', async () => {
    const packet = await buildHandoverPacket(store.db, 'kim');
    const first = (await proposeTransfer(store.db, { personId: 'kim', episodeId: 'kim-eoc', sendingTeamId: 'team-north', receivingTeamId: 'team-south', reason: 'Moved', requestedBy: 'u1', packet }))!;
    expect(first).toMatchObject({ status: 'proposed', version: 1, receivingService: null, decidedBy: null, packet });
    expect(await proposeTransfer(store.db, { personId: 'kim', episodeId: 'kim-eoc', sendingTeamId: 'team-north', receivingTeamId: 'team-east', reason: 'Other', requestedBy: 'u1', packet })).toBeUndefined();
    expect((await pendingTransfers(store.db, 'team-south', 'incoming')).map((t) => t.id)).toEqual([first.id]);
    expect((await pendingTransfers(store.db, 'team-north', 'outgoing')).map((t) => t.id)).toEqual([first.id]);
    expect(await pendingTransfers(store.db, 'team-east', 'incoming')).toEqual([]);
    expect((await pendingTransferOf(store.db, 'kim', 'kim-eoc'))?.id).toBe(first.id);

    expect(await settleTransfer(store.db, { personId: 'kim', id: first.id, version: 2, status: 'declined', decidedBy: 'u2', declineReason: 'No' })).toBeUndefined();
    const declined = await settleTransfer(store.db, { personId: 'kim', id: first.id, version: 1, status: 'declined', decidedBy: 'u2', declineReason: 'Wrong area' });
    expect(declined).toMatchObject({ status: 'declined', version: 2, declineReason: 'Wrong area', decidedBy: 'u2' });
    expect(declined!.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Settled once: it cannot be settled again, and the episode is free for a new proposal.
    expect(await settleTransfer(store.db, { personId: 'kim', id: first.id, version: 2, status: 'withdrawn', decidedBy: 'u1' })).toBeUndefined();
    expect(await pendingTransferOf(store.db, 'kim', 'kim-eoc')).toBeUndefined();
    const second = (await proposeTransfer(store.db, { personId: 'kim', episodeId: 'kim-eoc', sendingTeamId: 'team-north', receivingService: 'Leeds East CMHT', reason: 'Moved to Leeds', requestedBy: 'u1', packet }))!;
    const confirmed = await settleTransfer(store.db, { personId: 'kim', id: second.id, version: 1, status: 'accepted', decidedBy: 'u1', confirmedBy: 'Dr Shah', confirmedOn: '2026-06-01' });
    expect(confirmed).toMatchObject({ status: 'accepted', confirmedBy: 'Dr Shah', confirmedOn: '2026-06-01', receivingTeamId: null });
    expect((await personTransfers(store.db, 'kim')).map((t) => t.status)).toEqual(['accepted', 'declined']);
    expect(await readTransfer(store.db, 'val', first.id)).toBeUndefined();
    expect(await readTransfer(store.db, 'kim', 'not-a-number')).toBeUndefined();
  });

  it('passes by, in the discharge audit, an imported episode that ended in an accepted transfer, but not a plain "transferred" discharge', async () => {
    const episode = transferScenario().EpisodeOfCare!.find((e) => e.id === 'ola-eoc')!;
    const { finished } = transferEpisodes(episode, { day: '2026-05-10', acceptedBy: 'Dr Shah', acceptedAt: '2026-05-09', receivingService: 'Leeds East CMHT' });
    const plain = { ...episode, id: 'ola-eoc-2', status: 'finished', period: { start: '2025-01-01', end: '2026-05-11' }, extension: [{ url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: 'transferred' }] } }] };
    expect((await importPath(store, writeNdjson({ EpisodeOfCare: [finished, plain] }))).errors).toEqual([]);
    const report = await dischargeAudit(store.db, { from: '2026-05-01', to: '2026-05-31' });
    expect(report.items.map((i) => [i.patient.id, i.reasons[0]!.evidence[0]])).toEqual([['ola', 'EpisodeOfCare/ola-eoc-2']]);
  });
});
