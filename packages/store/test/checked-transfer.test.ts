import { describe, expect, it } from 'vitest';
import { checkLine } from '../src/import/check-entry.ts';
import { packChecks, unpackChecks } from '../src/import/checked-transfer.ts';
import { copyRowText } from '../src/records/copy-rows.ts';
import type { PreparedRecord } from '../src/records/prepare.ts';

/** What a worker thread sends must be, once unpacked, exactly what checking the lines on the main thread gives. */
describe('checked lines crossing threads', () => {
  const lines = [
    JSON.stringify({ resourceType: 'Patient', id: 'ada', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }], name: [{ family: 'Lovelace', given: ['Ada'] }] }),
    JSON.stringify({ resourceType: 'Flag', id: 'f1', status: 'active', subject: { reference: 'Patient/ada' }, code: { text: 'Zoë said "no"; back\\slash, tab\there, 😀' }, period: { start: '2024-03-12' } }),
    JSON.stringify({ resourceType: 'Organization', id: 'team-1', name: 'Crisis team' }),
    '{"resourceType":"Flag",',
    JSON.stringify({ resourceType: 'Flag', id: 'f2', status: 'active', subject: { reference: 'Patient/ada' }, code: { text: 'x' }, period: { start: '2024-02-30' } }),
    JSON.stringify({ resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/ada' }, partOf: { reference: 'Encounter/e0' }, serviceProvider: { reference: 'Organization/team-1' } }),
  ];

  it('unpacks to the same checks, each personal record carrying its COPY row instead of its JSON', () => {
    const here = lines.map((line) => checkLine(line, undefined));
    expect(here.map((r) => r.ok)).toEqual([true, true, true, false, false, true]);
    const { packed, transfer } = packChecks(here);
    const sent = structuredClone(packed, { transfer });
    const unpacked = unpackChecks(sent);

    const decoder = new TextDecoder();
    const expected = here.map((r) => {
      if (!r.ok || r.prepared.personId === undefined) return r;
      const { json: _json, ...rest } = r.prepared as PreparedRecord;
      return { ...r, prepared: { ...rest, copyRow: expect.anything() } };
    });
    expect(unpacked).toEqual(expected);
    for (const [i, r] of unpacked.entries()) {
      if (!r.ok || !('copyRow' in r.prepared)) continue;
      expect(decoder.decode(r.prepared.copyRow)).toBe(copyRowText((here[i] as { prepared: PreparedRecord }).prepared));
    }
    expect(unpacked.filter((r) => r.ok && 'copyRow' in r.prepared)).toHaveLength(3);
    expect(unpacked[4]).toMatchObject({ ok: false, id: 'f2', field: 'period.start' });
  });
});
