import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueGpDocuments, importPath, queueGpDocument, readGpDocument, recordDeliveryAttempt, requeueGpDocument, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario, writeNdjson } from './support/scenario.ts';

const ID = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const bundle = { resourceType: 'Bundle', id: ID, type: 'document' };
const documentReference = (id: string) => ({ resourceType: 'DocumentReference', id, status: 'current', subject: { reference: 'Patient/ada' }, content: [{ attachment: { contentType: 'application/fhir+json' } }] });

describe.each(storeKinds)('the outbox of summaries to GP practices on $name', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, writeNdjson(scenario()))).errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
  });

  it('keeps one summary per discharge or transfer, however often it is queued', async () => {
    const first = await queueGpDocument(store.db, { personId: 'ada', id: ID, kind: 'discharge', source: 'EpisodeOfCare/ada-episode', practiceId: 'gp-1', bundle, status: 'queued', createdBy: 'u1', documentReference: documentReference(ID) });
    expect(first).toMatchObject({ created: true, document: { id: ID, status: 'queued', attempts: 0, version: 1, bundle } });
    const second = await queueGpDocument(store.db, { personId: 'ada', id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', kind: 'discharge', source: 'EpisodeOfCare/ada-episode', practiceId: 'gp-1', bundle, status: 'queued', createdBy: 'u2', documentReference: documentReference('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d') });
    expect(second).toMatchObject({ created: false, document: { id: ID, createdBy: 'u1' } });
    // The summary is on the person's record once: the second queueing wrote no DocumentReference.
    const references = await store.db.selectFrom('record').select(['id', 'version_id']).where('person_id', '=', 'ada').where('resource_type', '=', 'DocumentReference').execute();
    expect(references).toEqual([{ id: ID, version_id: 1 }]);
  });

  it('counts each attempt once: a second worker on the same version records nothing', async () => {
    const [due] = await dueGpDocuments(store.db, new Date(Date.now() + 1000));
    expect(due!.id).toBe(ID);
    const retryAt = new Date(Date.now() + 60_000);
    const failed = await recordDeliveryAttempt(store.db, due!, { delivered: false, error: 'HTTP 500', nextAttemptAt: retryAt });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 500', nextAttemptAt: retryAt.toISOString(), version: 2 });
    expect(await recordDeliveryAttempt(store.db, due!, { delivered: true })).toBeUndefined();
    expect(await dueGpDocuments(store.db, new Date())).toEqual([]);

    expect(await requeueGpDocument(store.db, due!)).toBeUndefined();
    const requeued = await requeueGpDocument(store.db, failed!);
    expect(requeued).toMatchObject({ status: 'queued', version: 3 });
    const delivered = await recordDeliveryAttempt(store.db, requeued!, { delivered: true });
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, lastError: null, nextAttemptAt: null, version: 4 });
    expect(delivered!.deliveredAt).not.toBeNull();
    expect(await requeueGpDocument(store.db, delivered!)).toBeUndefined();
    expect(await readGpDocument(store.db, 'ada', ID)).toEqual(delivered);
  });
});
