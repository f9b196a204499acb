import { rmSync } from 'node:fs';
import {
  checkNhsNumber, diagnosisCodes, importOrder, medicineCodes, observationCodes, questionnaires, resourceTypes, system, validateResource, type ResourceType,
} from '@continuity/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, generate, patientOf, readAll, type R } from './support/population.ts';

let dir = '';
let all = new Map<string, R[]>();
beforeAll(async () => {
  ({ dir } = await generate(300, 2025));
  all = readAll(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a generated population of 300 people', () => {
  it('has every resource type the importer supports, each resource passing validateResource', () => {
    // A DocumentReference is a summary the platform itself sent to a GP (docs/gp-documents.md): made by sending one, never generated.
    expect([...all.keys()].sort()).toEqual(resourceTypes.filter((t) => t !== 'DocumentReference').sort());
    const failures: string[] = [];
    for (const [type, list] of all) {
      expect(list.length, `${type} records`).toBeGreaterThan(0);
      for (const r of list) {
        const checked = validateResource(r, type as ResourceType);
        if (!checked.ok) failures.push(`${type}/${r.id}: ${checked.message}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('has ids unique per type, and every reference points back (in import order) to a generated resource', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const type of importOrder) {
      const ids = new Set<string>();
      for (const r of all.get(type) ?? []) {
        expect(ids.has(r.id), `duplicate ${type}/${r.id}`).toBe(false);
        ids.add(r.id);
        const checked = validateResource(r);
        if (!checked.ok) continue;
        for (const target of checked.references) {
          const key = `${target.type}/${target.id}`;
          if (!seen.has(key) && key !== `${type}/${r.id}`) problems.push(`${type}/${r.id} ${target.path} -> ${key}`);
        }
        seen.add(`${type}/${r.id}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('gives every person a valid, unique NHS number', () => {
    const numbers = all.get('Patient')!.map((p) => (p.identifier as R[]).find((i) => i.system === system.nhsNumber)?.value as string);
    expect(numbers).toHaveLength(300);
    for (const n of numbers) expect(checkNhsNumber(n).valid, n).toBe(true);
    expect(new Set(numbers).size).toBe(300);
  });

  it('dates nothing after as-of (or the person\'s death) except booked appointments and CTO expiry dates', () => {
    const late: string[] = [];
    const died = new Map(all.get('Patient')!.filter((p) => p.deceasedDateTime).map((p) => [`Patient/${p.id}`, p.deceasedDateTime as string]));
    expect(died.size).toBeGreaterThan(0);
    let limit = AS_OF;
    const walk = (node: unknown, path: string, where: string) => {
      if (typeof node === 'string') {
        if (/^\d{4}-\d{2}(-\d{2})?/.test(node) && node.slice(0, 10) > limit && path !== 'valueDate') late.push(`${where} ${path}=${node}`);
      } else if (Array.isArray(node)) node.forEach((child) => walk(child, path, where));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k, where);
    };
    for (const [type, list] of all) {
      for (const r of list) {
        if (type === 'Appointment' && r.status === 'booked') continue;
        const person = type === 'Patient' ? `Patient/${r.id}` : patientOf(r);
        limit = (person && died.get(person)) || AS_OF;
        walk(r, '', `${type}/${r.id}`);
      }
    }
    expect(late.slice(0, 5)).toEqual([]);
    const booked = all.get('Appointment')!.filter((a) => a.status === 'booked');
    expect(booked.length).toBeGreaterThan(0);
    for (const a of booked) expect(a.start.slice(0, 10) > AS_OF).toBe(true);
  });

  it('codes clinical facts only with codes the platform recognises (clinical-codes.ts)', () => {
    const loinc = new Set(observationCodes.map((o) => o.loinc));
    for (const o of all.get('Observation')!) expect(loinc.has(o.code.coding.find((c: R) => c.system === system.loinc)?.code), o.id).toBe(true);
    const atc = new Set(medicineCodes.map((m) => m.atc));
    for (const m of all.get('MedicationRequest')!) expect(atc.has(m.medicationCodeableConcept.coding.find((c: R) => c.system === system.atc)?.code), m.id).toBe(true);
    const snomed = new Set(diagnosisCodes.map((d) => d.snomed));
    for (const c of all.get('Condition')!) expect(snomed.has(c.code.coding.find((x: R) => x.system === system.snomed)?.code), c.id).toBe(true);
    const byUrl = new Map(Object.values(questionnaires).map((q) => [q.url, q]));
    const seen = new Set<string>();
    for (const r of all.get('QuestionnaireResponse')!) {
      const q = byUrl.get(r.questionnaire)!;
      expect(q, r.questionnaire).toBeDefined();
      seen.add(q.key);
      expect(r.item.map((i: R) => i.linkId)).toEqual(Array.from({ length: q.items }, (_, i) => String(i + 1)));
      for (const i of r.item) expect(i.answer[0].valueInteger >= q.min && i.answer[0].valueInteger <= q.max).toBe(true);
    }
    expect([...seen].sort()).toEqual(Object.keys(questionnaires).sort());
  });

  it('has no record about a person dated before their 18th birthday or their birth', () => {
    const birth = new Map(all.get('Patient')!.map((p) => [`Patient/${p.id}`, p.birthDate as string]));
    for (const ep of all.get('EpisodeOfCare')!) {
      const born = birth.get(ep.patient.reference)!;
      const eighteen = `${Number(born.slice(0, 4)) + 18}${born.slice(4)}`;
      expect(ep.period.start >= eighteen, `${ep.id} starts ${ep.period.start}, born ${born}`).toBe(true);
    }
  });
});
