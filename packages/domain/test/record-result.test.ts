import { describe, expect, it } from 'vitest';
import {
  isResultOf,
  monitoredResults,
  observationCodes,
  offeredResultTests,
  physicalHealthResults,
  recordResult,
  resultEntryTests,
  system,
  validateResource,
  type ResultEntry,
} from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

// 1 July 2026, 00:30 in England (30 June 23:30 UTC, British Summer Time).
const NOW = new Date('2026-06-30T23:30:00Z');
const ID = '4c1d7a2e-9b3f-4e6a-8d1c-2b3a4c5d6e7f';
const entry = (more: Partial<ResultEntry> = {}): ResultEntry => ({
  id: ID, personId: 'lena', test: '14334-7', date: '2026-06-29', values: { value: '0.62' }, practitionerId: 'presc-1', teamId: 'team-north', ...more,
});
const resourceOf = (more: Partial<ResultEntry> = {}) => {
  const result = recordResult(entry(more), NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.resource;
};
const problemsOf = (more: Partial<ResultEntry>, now = NOW) => {
  const result = recordResult(entry(more), now);
  return result.ok ? [] : result.problems;
};

describe('recording a monitoring result as FHIR', () => {
  it('writes a lithium level as a final Observation with its LOINC code, the day taken, the value in UCUM and the performers', () => {
    expect(resourceOf()).toEqual({
      resourceType: 'Observation',
      id: ID,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: system.loinc, code: '14334-7', display: 'Lithium [Moles/volume] in Serum or Plasma' }], text: 'Lithium level' },
      subject: { reference: 'Patient/lena' },
      effectiveDateTime: '2026-06-29',
      performer: [{ reference: 'Practitioner/presc-1' }, { reference: 'Organization/team-north' }],
      valueQuantity: { value: 0.62, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    });
  });

  it('offers exactly the LOINC codes the monitoring and physical health rules recognise, less those it says why it does not', () => {
    const kinds = [...Object.values(monitoredResults), ...Object.values(physicalHealthResults)];
    const recognised = [...new Set(kinds.flatMap((k) => k.codes.filter((c) => c.system === system.loinc).map((c) => c.code)))];
    expect(Object.keys(resultEntryTests).sort()).toEqual([...recognised].sort());
    const offered = offeredResultTests();
    expect(offered.map((t) => t.code)).toEqual(recognised.filter((c) => !('notOffered' in resultEntryTests[c]!)));
    expect(offered[0]).toMatchObject({ code: '14334-7', label: 'Lithium level', group: 'Lithium level' });
    expect(offered.map((t) => t.group)).toContain('Renal function (eGFR or creatinine)');
    // The units agree with docs/fhir.md's table of codes wherever it gives one.
    for (const test of offered) {
      const documented = observationCodes.find((c) => c.loinc === test.code)?.unit;
      if (documented && test.quantities.length === 1) expect(test.quantities[0]!.unit, test.code).toBe(documented);
    }
  });

  it.each(offeredResultTests().map((t) => [t.label, t] as const))('writes %s as valid FHIR R4 that the monitoring rules count', (_label, test) => {
    const values = test.answers ? { value: test.answers[0]!.code } : Object.fromEntries(test.quantities.map((q) => [q.field, String(q.field === 'diastolic' ? q.min : q.max)]));
    const resource = resourceOf({ test: test.code, values });
    expect(fhirR4SchemaErrors(resource)).toEqual([]);
    expect(validateResource(resource, 'Observation').ok).toBe(true);
    expect(resource.code).toMatchObject({ coding: [{ system: system.loinc, code: test.code }] });
    const group = [...Object.values(monitoredResults), ...Object.values(physicalHealthResults)].find((k) => k.name === test.group)!;
    expect(isResultOf(group, (resource.code as { coding: Array<{ system: string; code: string }> }).coding)).toBe(true);
    expect((resource.category as Array<{ coding: Array<{ code: string }> }>)[0]!.coding[0]!.code).toBe(test.category);
    for (const q of test.quantities) {
      if (q.whole) {
        expect(resource.valueInteger).toBe(Number(values[q.field]));
        continue;
      }
      const quantity = q.component ? (resource.component as Array<{ code: unknown; valueQuantity: unknown }>).find((c) => JSON.stringify(c.code).includes(q.component!.code))!.valueQuantity : resource.valueQuantity;
      expect(quantity).toEqual({ value: Number(values[q.field]), unit: q.unit, system: 'http://unitsofmeasure.org', code: q.unit });
    }
  });

  it('writes a blood pressure as the panel with systolic and diastolic components and no value of its own', () => {
    const bp = resourceOf({ test: '85354-9', values: { systolic: '128', diastolic: 82 } });
    expect(bp.valueQuantity).toBeUndefined();
    expect(bp.component).toEqual([
      { code: { coding: [{ system: system.loinc, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: { value: 128, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      { code: { coding: [{ system: system.loinc, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: { value: 82, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
    ]);
  });

  it('leaves out the performer for staff with no practitioner record and no single team', () => {
    expect(resourceOf({ practitionerId: null, teamId: null }).performer).toBeUndefined();
  });

  it('refuses a day after today in England, a day that does not exist, and a test the rules do not recognise', () => {
    // 30 June in UTC is already 1 July in England: 1 July is today, 2 July is the future.
    expect(problemsOf({ date: '2026-07-01' })).toEqual([]);
    expect(problemsOf({ date: '2026-07-02' })).toEqual([{ field: 'date', message: 'must not be in the future: record a result once the sample was taken (today is 2026-07-01)' }]);
    expect(problemsOf({ date: '2026-02-30' })).toEqual([{ field: 'date', message: 'must be a real date' }]);
    expect(problemsOf({ date: '30/06/2026' })).toEqual([{ field: 'date', message: 'must be a date as YYYY-MM-DD' }]);
    for (const test of ['4086-5', '4548-4', '8480-6', '', 'lithium']) {
      expect(problemsOf({ test }), test).toEqual([{ field: 'test', message: 'must be one of the monitoring tests offered (a LOINC code the monitoring rules recognise)' }]);
    }
  });

  it('refuses a missing, non-numeric or out-of-range value, naming the field and the unit', () => {
    expect(problemsOf({ values: {} })).toEqual([{ field: 'value', message: 'is needed: the lithium level in mmol/L' }]);
    expect(problemsOf({ values: { value: '0,6' } })).toEqual([{ field: 'value', message: 'must be a number in mmol/L: digits, with a point for any decimals' }]);
    expect(problemsOf({ values: { value: '-1' } })).toEqual([{ field: 'value', message: 'must be a number in mmol/L: digits, with a point for any decimals' }]);
    // A level typed in mg/L rather than mmol/L.
    expect(problemsOf({ values: { value: '6.9' } })).toEqual([{ field: 'value', message: 'must be between 0.01 and 5 mmol/L: check the number and the unit' }]);
    expect(problemsOf({ values: { value: '5' } })).toEqual([]);
    expect(problemsOf({ test: '29463-7', values: { value: '900' } })).toEqual([{ field: 'value', message: 'must be between 10 and 400 kg: check the number and the unit' }]);
    expect(problemsOf({ test: '85354-9', values: { systolic: '12' } })).toEqual([
      { field: 'systolic', message: 'must be between 50 and 300 mmHg: check the number and the unit' },
      { field: 'diastolic', message: 'is needed: the diastolic in mmHg' },
    ]);
    expect(problemsOf({ test: '85354-9', values: { systolic: '80', diastolic: '120' } })).toEqual([{ field: 'diastolic', message: 'must be lower than the systolic pressure' }]);
    expect(problemsOf({ date: '2027-01-01', values: { value: 'high' } }).map((p) => p.field)).toEqual(['date', 'value']);
  });
});

describe('recording the rest of the SMI annual physical health check', () => {
  it('offers all six parts: BMI (or weight with a height), blood pressure, HbA1c or glucose, lipids, smoking status and alcohol use', () => {
    const offered = offeredResultTests().map((t) => t.code);
    for (const code of ['39156-5', '29463-7', '8302-2', '85354-9', '59261-8', '1558-6', '2093-3', '72166-2', '75626-2']) expect(offered, code).toContain(code);
  });

  it('writes a smoking status as the chosen SNOMED CT answer', () => {
    expect(resourceOf({ test: '72166-2', values: { value: '8517006' } })).toMatchObject({
      category: [{ coding: [{ code: 'social-history' }] }],
      code: { coding: [{ system: system.loinc, code: '72166-2', display: 'Tobacco smoking status' }], text: 'Smoking status' },
      valueCodeableConcept: { coding: [{ system: system.snomed, code: '8517006', display: 'Ex-smoker' }], text: 'Ex-smoker' },
    });
    expect(problemsOf({ test: '72166-2', values: {} })).toEqual([{ field: 'value', message: 'is needed: choose the smoking status' }]);
    expect(problemsOf({ test: '72166-2', values: { value: 'yes' } })).toEqual([{ field: 'value', message: 'must be one of: Smoker, Ex-smoker, Never smoked tobacco' }]);
  });

  it('writes an AUDIT-C score as a whole number from 0 to 12', () => {
    const resource = resourceOf({ test: '75626-2', values: { value: '4' } });
    expect(resource.valueInteger).toBe(4);
    expect(resource.valueQuantity).toBeUndefined();
    expect(problemsOf({ test: '75626-2', values: { value: '4.5' } })).toEqual([{ field: 'value', message: 'must be a whole number of points' }]);
    expect(problemsOf({ test: '75626-2', values: { value: '13' } })).toEqual([{ field: 'value', message: 'must be between 0 and 12 points: check the number and the unit' }]);
    expect(problemsOf({ test: '75626-2', values: { value: '0' } })).toEqual([]);
  });
});
