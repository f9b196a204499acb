import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario } from '../../store/test/support/scenario.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';
import { generate, readAll, type R } from './support/population.ts';

let dir = '';
let all = new Map<string, R[]>();
beforeAll(async () => {
  ({ dir } = await generate(100, 4242));
  all = readAll(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("HL7's published FHIR R4 JSON schema", () => {
  it('accepts every resource of a generated population', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [type, list] of all) {
      for (const resource of list) {
        checked += 1;
        for (const error of fhirR4SchemaErrors(resource)) failures.push(`${type}/${resource.id}: ${error}`);
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('accepts the hand-written fixture the store tests import', () => {
    const failures = Object.values(scenario()).flat().flatMap((r) => fhirR4SchemaErrors(r).map((e) => `${r.resourceType}/${r.id}: ${e}`));
    expect(failures).toEqual([]);
  });

  it('is a real check: it refuses a resource FHIR R4 does not allow', () => {
    expect(fhirR4SchemaErrors({ resourceType: 'Appointment', status: 'sort-of', participant: [] })).not.toEqual([]);
    expect(fhirR4SchemaErrors({ resourceType: 'Patient', birthDate: '10/12/1985' })).not.toEqual([]);
  });
});
