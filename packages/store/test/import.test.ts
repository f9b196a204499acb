import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourceTypes } from '@continuity/domain';
import { importPath, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { NHS, scenario, writeNdjson } from './support/scenario.ts';

const countIn = (s: ReturnType<typeof scenario>) => Object.values(s).reduce((n, list) => n + list.length, 0);

describe.each(storeKinds)('FHIR import on $name', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await kind.open();
  });
  afterEach(async () => {
    await store.close();
  });

  const recordCount = async () => {
    const person = await store.db.selectFrom('record').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const shared = await store.db.selectFrom('shared_record').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(person.n) + Number(shared.n);
  };

  it('imports one record of every supported type, keeping the ids it was sent', async () => {
    const fixture = scenario();
    expect(new Set(Object.keys(fixture))).toEqual(new Set(resourceTypes));
    const report = await importPath(store, writeNdjson(fixture));
    expect(report).toMatchObject({ imported: countIn(fixture), rejected: 0, created: countIn(fixture), errors: [] });
    expect(await recordCount()).toBe(countIn(fixture));
    const appointment = await store.db.selectFrom('record').selectAll().where('resource_type', '=', 'Appointment').where('id', '=', 'ada-appt-2').executeTakeFirstOrThrow();
    expect(appointment).toMatchObject({ person_id: 'ada', status: 'noshow', version_id: 1 });
    const ada = await store.db.selectFrom('person').selectAll().where('person_id', '=', 'ada').executeTakeFirstOrThrow();
    expect(ada).toMatchObject({ nhs_number: NHS.ada, family_name: 'Lovelace', ethnic_category: 'M', accommodation_status: 'temporary-accommodation', gp_practice_id: 'gp-1' });
  });

  it('is idempotent: re-importing the same files changes nothing', async () => {
    const dir = writeNdjson(scenario());
    await importPath(store, dir);
    const before = await store.db.selectFrom('record').select(['id', 'version_id', 'last_updated']).orderBy('id').execute();
    const again = await importPath(store, dir);
    expect(again).toMatchObject({ imported: countIn(scenario()), rejected: 0, created: 0, updated: 0, unchanged: countIn(scenario()) });
    const after = await store.db.selectFrom('record').select(['id', 'version_id', 'last_updated']).orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('stores a changed record as a new version', async () => {
    await importPath(store, writeNdjson(scenario()));
    const changed = scenario();
    (changed.Appointment![1] as Record<string, unknown>).status = 'cancelled';
    const report = await importPath(store, writeNdjson({ Appointment: changed.Appointment! }));
    expect(report).toMatchObject({ updated: 1, unchanged: 1, rejected: 0 });
    const row = await store.db.selectFrom('record').select(['version_id', 'status']).where('resource_type', '=', 'Appointment').where('id', '=', 'ada-appt-2').executeTakeFirstOrThrow();
    expect(row).toEqual({ version_id: 2, status: 'cancelled' });
  });

  it('rejects bad records with file, line, field and reason, storing nothing of them and keeping the good ones', async () => {
    const fixture = scenario();
    const good = fixture.Appointment![0]!;
    const lines = [
      JSON.stringify(good),
      '{"resourceType":"Appointment","id":"broken",',
      JSON.stringify({ resourceType: 'Appointment', id: 'no-status', participant: [{ actor: { reference: 'Patient/ada' }, status: 'accepted' }] }),
      JSON.stringify({ resourceType: 'Appointment', id: 'orphan', status: 'booked', participant: [{ actor: { reference: 'Patient/nobody' }, status: 'accepted' }] }),
      JSON.stringify({ resourceType: 'Encounter', id: 'wrong-file', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/ada' } }),
      JSON.stringify({ resourceType: 'Basic', id: 'unsupported' }),
    ];
    const dir = writeNdjson({ Patient: fixture.Patient!, Practitioner: fixture.Practitioner!, Organization: fixture.Organization! }, { 'Appointment.ndjson': lines.join('\n') + '\n' });
    const report = await importPath(store, dir);
    const appointmentErrors = report.errors.filter((e) => e.file === 'Appointment.ndjson').sort((a, b) => a.line! - b.line!);
    expect(appointmentErrors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    const [malformed, missing, dangling, wrongType, unsupported] = appointmentErrors;
    expect(malformed!.message).toMatch(/JSON/i);
    expect(missing).toMatchObject({ resourceType: 'Appointment', id: 'no-status', field: 'status' });
    expect(missing!.message).toContain('status is required');
    expect(dangling).toMatchObject({ id: 'orphan' });
    expect(dangling!.message).toContain('Patient/nobody');
    expect(wrongType!.message).toMatch(/expected a Appointment|Encounter/);
    expect(unsupported!.message).toContain('Basic');
    const stored = await store.db.selectFrom('record').select('id').where('resource_type', '=', 'Appointment').execute();
    expect(stored.map((r) => r.id)).toEqual([good.id]);
  });

  it('names an invalid NHS number and stores nothing of that person', async () => {
    const fixture = scenario();
    const patient = { ...fixture.Patient![1]!, id: 'bad-nhs', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS.invalid }] };
    const report = await importPath(store, writeNdjson({ Patient: [patient] }));
    expect(report.rejected).toBe(1);
    expect(report.errors[0]!.message).toContain(NHS.invalid);
    expect(report.errors[0]!.message).toMatch(/NHS number/);
    expect(await store.db.selectFrom('person').select('person_id').execute()).toEqual([]);
  });

  it('reads a transaction Bundle, resolving urn:uuid references to the ids it creates', async () => {
    const fixture = scenario();
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:0d4b1c3e-4a5b-4c6d-8e9f-000000000001', resource: { ...fixture.Patient![1]!, id: 'cara', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765870' }] }, request: { method: 'PUT', url: 'Patient/cara' } },
        {
          fullUrl: 'urn:uuid:0d4b1c3e-4a5b-4c6d-8e9f-000000000002',
          resource: { resourceType: 'Flag', id: 'cara-flag', status: 'active', code: { text: 'Housing: eviction notice' }, subject: { reference: 'urn:uuid:0d4b1c3e-4a5b-4c6d-8e9f-000000000001' } },
          request: { method: 'PUT', url: 'Flag/cara-flag' },
        },
      ],
    };
    const dir = writeNdjson({}, { 'bundle.json': JSON.stringify(bundle) });
    const report = await importPath(store, join(dir, 'bundle.json'));
    expect(report).toMatchObject({ imported: 2, rejected: 0 });
    const flag = await store.db.selectFrom('record').select(['person_id', 'resource']).where('id', '=', 'cara-flag').executeTakeFirstOrThrow();
    expect(flag.person_id).toBe('cara');
    expect((flag.resource as { subject: { reference: string } }).subject.reference).toBe('Patient/cara');
  });

  it('refuses to move a record to another person by re-importing it', async () => {
    await importPath(store, writeNdjson(scenario()));
    const moved = { ...scenario().Flag![0]!, subject: { reference: 'Patient/ben' } };
    const report = await importPath(store, writeNdjson({ Flag: [moved] }));
    expect(report.rejected).toBe(1);
    expect(report.errors[0]!.message).toMatch(/ada|another person|belongs/i);
    const flag = await store.db.selectFrom('record').select('person_id').where('id', '=', 'ada-police').executeTakeFirstOrThrow();
    expect(flag.person_id).toBe('ada');
  });

  // With a worker thread the rows cross threads already encoded, growing their buffer for text beyond ASCII.
  it.each([0, 1])('stores large batches through the bulk path byte-for-byte, whatever the text holds (%i worker threads)', async (workers) => {
    const fixture = scenario();
    const awkward = 'Said "I\'m fine", then left;\ttabs, commas,\nnew lines, back\\slashes, NULL, \\N, é, 😀';
    const flags = Array.from({ length: 240 }, (_, i) => ({
      resourceType: 'Flag',
      id: `bulk-${i}`,
      status: i % 2 ? 'active' : 'inactive',
      subject: { reference: i % 3 ? 'Patient/ada' : 'Patient/ben' },
      code: { text: `${awkward} #${i}` },
      ...(i % 5 ? { period: { start: '2024-03-12' } } : {}),
    }));
    const dir = writeNdjson({ Patient: fixture.Patient!, Organization: fixture.Organization!, Flag: flags });
    const first = await importPath(store, dir, { batchSize: 100, workers });
    expect(first).toMatchObject({ rejected: 0, created: 240 + 2 + fixture.Organization!.length });
    const stored = await store.db.selectFrom('record').select(['id', 'person_id', 'status', 'occurred_at', 'resource']).where('resource_type', '=', 'Flag').execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const [i, flag] of flags.entries()) {
      const row = byId.get(flag.id)!;
      expect(row.resource).toEqual(flag);
      expect(row.person_id).toBe(i % 3 ? 'ada' : 'ben');
      expect(row.status).toBe(flag.status);
      expect(row.occurred_at === null).toBe(i % 5 === 0);
    }
    expect(await importPath(store, dir, { batchSize: 100, workers })).toMatchObject({ created: 0, updated: 0, rejected: 0 });
  });

  it('keeps file order when batches are written concurrently: references to earlier batches resolve, the last version sent wins', async () => {
    const fixture = scenario();
    const encounters = Array.from({ length: 200 }, (_, i) => ({
      resourceType: 'Encounter',
      id: `visit-${i}`,
      status: 'finished',
      class: { code: 'AMB' },
      subject: { reference: 'Patient/ada' },
      ...(i > 0 ? { partOf: { reference: `Encounter/visit-${i - 1}` } } : {}),
    }));
    const repeated = { ...encounters[3]!, status: 'cancelled' };
    const dir = writeNdjson({ Patient: fixture.Patient!, Organization: fixture.Organization!, Encounter: [...encounters, repeated] });
    const report = await importPath(store, dir, { batchSize: 7 });
    expect(report.rejected).toBe(0);
    const visit3 = await store.db.selectFrom('record').select(['status', 'version_id']).where('id', '=', 'visit-3').executeTakeFirstOrThrow();
    expect(visit3).toEqual({ status: 'cancelled', version_id: 2 });
    expect(await recordCount()).toBe(200 + 2 + fixture.Organization!.length);
  });

  it('checks lines on worker threads with exactly the outcome of checking them here', async () => {
    const fixture = scenario();
    const lines = [
      ...fixture.Appointment!.map((r) => JSON.stringify(r)),
      '{"resourceType":"Appointment",',
      JSON.stringify({ resourceType: 'Appointment', id: 'no-status', participant: [{ actor: { reference: 'Patient/ada' }, status: 'accepted' }] }),
      JSON.stringify({ resourceType: 'Appointment', id: 'orphan', status: 'booked', participant: [{ actor: { reference: 'Patient/nobody' }, status: 'accepted' }] }),
    ];
    const { Appointment: _appointments, ...rest } = fixture;
    const dir = writeNdjson(rest, { 'Appointment.ndjson': lines.join('\n') + '\n' });
    const threaded = await importPath(store, dir, { workers: 1, batchSize: 2 });
    const other = await kind.open();
    try {
      const here = await importPath(other, dir, { workers: 0, batchSize: 2 });
      expect(threaded).toEqual(here);
      const rows = (s: Store) => s.db.selectFrom('record').select(['resource_type', 'id', 'person_id', 'content_hash', 'resource']).orderBy('resource_type').orderBy('id').execute();
      expect(await rows(store)).toEqual(await rows(other));
    } finally {
      await other.close();
    }
    expect(threaded.rejected).toBe(3);
    expect(threaded.errors.map((e) => e.line)).toEqual([3, 4, 5]);
  });

  it('writes one import audit row per person touched', async () => {
    await importPath(store, writeNdjson(scenario()), { actor: { id: 'user-import', role: 'admin' } });
    const rows = await store.db.selectFrom('audit_event').select(['actor_id', 'action', 'person_id', 'basis']).where('action', 'like', 'import%').execute();
    expect(new Set(rows.map((r) => r.person_id))).toEqual(new Set(['ada', 'ben']));
    expect(rows.every((r) => r.actor_id === 'user-import' && r.basis === 'import')).toBe(true);
  });

  it('keeps the audit log append-only', async () => {
    await importPath(store, writeNdjson(scenario()));
    await expect(store.db.updateTable('audit_event').set({ reason: 'tampered' }).execute()).rejects.toThrow();
    await expect(store.db.deleteFrom('audit_event').execute()).rejects.toThrow();
  });

  it('reports a file that is not JSON at all without stopping the other files', async () => {
    const dir = writeNdjson({ Patient: scenario().Patient!, Organization: scenario().Organization! });
    writeFileSync(join(dir, 'notes.json'), 'this is not json');
    const report = await importPath(store, dir);
    expect(report.imported).toBe(2 + scenario().Organization!.length);
    expect(report.errors.some((e) => e.file === 'notes.json')).toBe(true);
  });
});
