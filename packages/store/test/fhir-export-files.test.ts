import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, writeFhirExport, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario, writeNdjson } from './support/scenario.ts';

/** Every record in a store, by type and id, without the server's meta: what an export must carry. */
async function everything(store: Store) {
  const person = await store.db.selectFrom('record').select(['resource_type', 'id', 'resource']).orderBy('resource_type').orderBy('id').execute();
  const shared = await store.db.selectFrom('shared_record').select(['resource_type', 'id', 'resource']).orderBy('resource_type').orderBy('id').execute();
  return [...shared, ...person].map((r) => {
    const { meta: _meta, ...resource } = r.resource as Record<string, unknown>;
    return { type: r.resource_type, id: r.id, resource };
  });
}

describe.each(storeKinds)('continuity export fhir on $name', (kind) => {
  let from: Store;
  let into: Store;
  const dir = join(mkdtempSync(join(tmpdir(), 'continuity-fhir-export-')), 'out');
  beforeAll(async () => {
    from = await kind.open();
    into = await kind.open();
    expect((await importPath(from, writeNdjson(scenario()))).rejected).toBe(0);
  });
  afterAll(async () => {
    await from.close();
    await into.close();
  });

  it('writes every record as NDJSON, one file per type, that import restores exactly, and audits the run once', async () => {
    const progress: number[] = [];
    const summary = await writeFhirExport(from, dir, (done) => progress.push(done));
    const held = await everything(from);
    expect(summary.resources).toBe(held.length);
    expect(readdirSync(dir).sort()).toEqual(summary.files.map((f) => `${f.type}.ndjson`).sort());
    expect(progress.at(-1)).toBe(held.length);
    const patient = JSON.parse(readFileSync(join(dir, 'Patient.ndjson'), 'utf8').split('\n')[0]!);
    expect(patient.meta).toMatchObject({ versionId: '1', lastUpdated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    const restored = await importPath(into, dir);
    expect(restored.rejected).toBe(0);
    expect(await everything(into)).toEqual(held);
    const audit = await from.db.selectFrom('audit_event').select(['action', 'person_id']).where('action', '=', 'export-fhir').execute();
    expect(audit).toEqual([{ action: 'export-fhir', person_id: null }]);
  });

  it('refuses a folder that is not empty', async () => {
    await expect(writeFhirExport(from, dir)).rejects.toThrow(/is not empty/);
  });
});
