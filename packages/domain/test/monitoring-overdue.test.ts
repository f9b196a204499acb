import { describe, expect, it } from 'vitest';
import { evaluateMonitoring, isoDay, londonDay, medicineGroups, system, type MonitoringFacts, type PrescriptionFact, type ResultFact } from '../src/index.ts';

const LOINC = system.loinc;
const START = '2026-01-01';
/** "YYYY-MM-DD" a number of days after a day. */
const plus = (day: string, n: number) => isoDay(londonDay(day)! + n);

const drug = (id: string, atc: string, medicine: string, authoredOn = START, more: Partial<PrescriptionFact> = {}): PrescriptionFact => ({
  id, status: 'active', authoredOn, medicine, codes: [{ system: system.atc, code: atc }], ...more,
});
const lithium = (authoredOn = START) => drug('li', 'N05AN01', 'Lithium carbonate', authoredOn);
const clozapine = (authoredOn = START) => drug('cz', 'N05AH02', 'Clozapine', authoredOn);
const olanzapine = (authoredOn = START) => drug('ol', 'N05AH03', 'Olanzapine', authoredOn);
const valproate = (authoredOn = START) => drug('va', 'N03AG01', 'Sodium valproate', authoredOn);

let next = 0;
const result = (loinc: string, at: string, more: Partial<ResultFact> = {}): ResultFact => ({ id: `obs-${++next}`, status: 'final', at, codes: [{ system: LOINC, code: loinc }], ...more });
const level = (at: string) => result('14334-7', at);
const renalAndThyroid = (at: string) => [result('62238-1', at), result('3016-3', at)];
const fbc = (at: string) => result('751-8', at);
const physical = (at: string) => ['29463-7', '85354-9', '59261-8', '2093-3', '2842-3'].map((code) => result(code, at));
const review = (at: string, id = `rev-${++next}`) => ({ id, status: 'finished', at: `${at}T10:00:00Z` });

function facts(more: Partial<MonitoringFacts>): MonitoringFacts {
  return { personId: 'p', gender: 'male', birthDate: '1980-05-05', episodes: [], prescriptions: [], results: [], reviews: [review(START)], ...more };
}
const codes = (f: MonitoringFacts, asOf: string) => evaluateMonitoring(f, asOf).reasons.map((r) => r.code);
/** The last day a schedule is on time and the first day it is overdue. */
function expectDue(f: MonitoringFacts, code: string, due: string) {
  expect(codes(f, due), `on ${due}, the due day`).not.toContain(code);
  expect(codes(f, plus(due, 1)), `on ${plus(due, 1)}, the day after`).toContain(code);
}

describe('lithium levels (NICE CG185)', () => {
  const base = (results: ResultFact[], start = START) => facts({ prescriptions: [lithium(start)], results: [...renalAndThyroid(start), ...results] });

  it('asks for the first level a week after starting', () => {
    expectDue(base([]), 'lithium-level-overdue', '2026-01-08');
  });

  it('does not let a level from before this course stand in for the one a week after starting', () => {
    expectDue(base([level('2025-12-30')]), 'lithium-level-overdue', '2026-01-08');
    expectDue(base([level('2024-12-30')]), 'lithium-level-overdue', '2026-01-08');
    // A level in the first week is that check, done early.
    expectDue(base([level('2026-01-04')]), 'lithium-level-overdue', plus('2026-01-04', 91));
  });

  it('asks for a level every 3 months (91 days) in the first year', () => {
    expectDue(base([level('2026-01-08')]), 'lithium-level-overdue', '2026-04-09');
    expectDue(base([level('2026-01-08'), level('2026-04-09')]), 'lithium-level-overdue', '2026-07-09');
    // A level on day 364 of treatment is still in the first year.
    expectDue(base([level('2026-12-31')]), 'lithium-level-overdue', plus('2026-12-31', 91));
  });

  it('asks for a level every 6 months (182 days) from the first anniversary of starting', () => {
    expectDue(base([level('2027-01-01')]), 'lithium-level-overdue', plus('2027-01-01', 182));
  });

  it('says what is overdue, since when and the last level, citing the prescription and that level', () => {
    const f = base([level('2026-03-02')]);
    expect(evaluateMonitoring(f, '2026-06-30').reasons).toEqual([
      {
        code: 'lithium-level-overdue',
        text: 'On Lithium carbonate since 1 Jan. Lithium level 29 days overdue (due 1 Jun, every 3 months in the first year; last on 2 Mar).',
        evidence: ['MedicationRequest/li', `Observation/${f.results.at(-1)!.id}`],
      },
    ]);
  });

  it('with no level on record, cites the prescription alone', () => {
    const [reason] = evaluateMonitoring(base([]), '2026-01-20').reasons;
    expect(reason).toEqual({
      code: 'lithium-level-overdue',
      text: 'On Lithium carbonate since 1 Jan. Lithium level 12 days overdue (due 8 Jan, a week after starting; none on record).',
      evidence: ['MedicationRequest/li'],
    });
  });
});

describe('renal and thyroid function on lithium (NICE CG185)', () => {
  it('asks for both before starting, then every 6 months, each on its own', () => {
    const none = facts({ prescriptions: [lithium()], results: [level('2026-01-08')] });
    expectDue(none, 'lithium-renal-thyroid-overdue', START);
    const both = facts({ prescriptions: [lithium()], results: [level('2026-01-08'), ...renalAndThyroid('2025-12-20')] });
    expectDue(both, 'lithium-renal-thyroid-overdue', plus('2025-12-20', 182));
    // Creatinine meets renal function as eGFR does; thyroid was done later, so renal is due first.
    const split = facts({ prescriptions: [lithium()], results: [level('2026-01-08'), result('2160-0', '2026-01-01'), result('3016-3', '2026-02-01')] });
    expectDue(split, 'lithium-renal-thyroid-overdue', '2026-07-02');
    const [reason] = evaluateMonitoring(split, '2026-08-05').reasons.filter((r) => r.code === 'lithium-renal-thyroid-overdue');
    expect(reason!.text).toBe(
      'On Lithium carbonate since 1 Jan. Renal function (eGFR or creatinine) 34 days overdue (due 2 Jul, every 6 months; last on 1 Jan). Thyroid function (TSH) 3 days overdue (due 2 Aug, every 6 months; last on 1 Feb).',
    );
    expect(reason!.evidence).toEqual(['MedicationRequest/li', `Observation/${split.results[1]!.id}`, `Observation/${split.results[2]!.id}`]);
  });
});

describe('clozapine blood counts by treatment phase', () => {
  const onClozapine = (...results: ResultFact[]) => facts({ prescriptions: [clozapine()], results: [...results, ...physical(START)] });

  it('asks for a count before starting', () => {
    expectDue(onClozapine(), 'clozapine-fbc-overdue', START);
  });

  it('weekly in the first 18 weeks (days 0-125)', () => {
    expectDue(onClozapine(fbc(START)), 'clozapine-fbc-overdue', '2026-01-08');
    expectDue(onClozapine(fbc(plus(START, 125))), 'clozapine-fbc-overdue', plus(START, 132));
  });

  it('every 2 weeks from week 18 to week 52 (days 126-363)', () => {
    expectDue(onClozapine(fbc(plus(START, 126))), 'clozapine-fbc-overdue', plus(START, 140));
    expectDue(onClozapine(fbc(plus(START, 363))), 'clozapine-fbc-overdue', plus(START, 377));
  });

  it('every 4 weeks after week 52 (day 364 on)', () => {
    expectDue(onClozapine(fbc(plus(START, 364))), 'clozapine-fbc-overdue', plus(START, 392));
    expectDue(onClozapine(fbc(plus(START, 1000))), 'clozapine-fbc-overdue', plus(START, 1028));
  });

  it('counts white cells or neutrophils, and only results that were final', () => {
    expectDue(onClozapine(result('6690-2', plus(START, 400))), 'clozapine-fbc-overdue', plus(START, 428));
    const voided = onClozapine(fbc(plus(START, 400)), result('751-8', plus(START, 420), { status: 'entered-in-error' }));
    expectDue(voided, 'clozapine-fbc-overdue', plus(START, 428));
  });

  it('clozapine also takes antipsychotic physical monitoring', () => {
    const f = facts({ prescriptions: [clozapine()], results: [fbc('2026-03-01')] });
    expect(codes(f, '2026-03-09')).toEqual(['clozapine-fbc-overdue', 'antipsychotic-monitoring-overdue']);
  });
});

describe('antipsychotic physical monitoring (NICE CG178)', () => {
  it('asks for weight, blood pressure, glucose, lipids and prolactin before starting', () => {
    const f = facts({ prescriptions: [olanzapine()] });
    expectDue(f, 'antipsychotic-monitoring-overdue', START);
    const [reason] = evaluateMonitoring(f, '2026-01-02').reasons;
    expect(reason!.text).toBe(
      'On Olanzapine since 1 Jan. Weight or BMI 1 day overdue (due 1 Jan, before starting; none on record). Blood pressure 1 day overdue (due 1 Jan, before starting; none on record). Glucose or HbA1c 1 day overdue (due 1 Jan, before starting; none on record). Lipids 1 day overdue (due 1 Jan, before starting; none on record). Prolactin 1 day overdue (due 1 Jan, before starting; none on record).',
    );
    expect(reason!.evidence).toEqual(['MedicationRequest/ol']);
  });

  it('then at 12 weeks, at a year, then every year', () => {
    expectDue(facts({ prescriptions: [olanzapine()], results: physical('2025-12-20') }), 'antipsychotic-monitoring-overdue', plus(START, 84));
    expectDue(facts({ prescriptions: [olanzapine()], results: physical(plus(START, 84)) }), 'antipsychotic-monitoring-overdue', plus(START, 365));
    expectDue(facts({ prescriptions: [olanzapine()], results: physical(plus(START, 1)) }), 'antipsychotic-monitoring-overdue', plus(START, 365));
    // After week 12, a check is the 1-year check done early: the next is a year after it.
    expectDue(facts({ prescriptions: [olanzapine()], results: physical(plus(START, 85)) }), 'antipsychotic-monitoring-overdue', plus(START, 450));
    expectDue(facts({ prescriptions: [olanzapine()], results: physical(plus(START, 365)) }), 'antipsychotic-monitoring-overdue', plus(START, 730));
  });

  it('prolactin before starting, at 6 months (day 182), then every year', () => {
    // The other checks on time throughout: before starting, at 12 weeks and at a year.
    const others = [START, plus(START, 84), plus(START, 365)].flatMap((day) => ['29463-7', '85354-9', '59261-8', '2093-3'].map((code) => result(code, day)));
    const withProlactin = (day: string) => facts({ prescriptions: [olanzapine()], results: [...others, result('2842-3', day)] });
    expectDue(withProlactin('2025-12-29'), 'antipsychotic-monitoring-overdue', plus(START, 182));
    expectDue(withProlactin(plus(START, 100)), 'antipsychotic-monitoring-overdue', plus(START, 465));
    expectDue(withProlactin(plus(START, 183)), 'antipsychotic-monitoring-overdue', plus(START, 548));
    expect(evaluateMonitoring(withProlactin('2025-12-29'), plus(START, 183)).reasons[0]!.text).toBe(
      'On Olanzapine since 1 Jan. Prolactin 1 day overdue (due 2 Jul, 6 months after starting; last on 29 Dec 2025).',
    );
  });

  it('a result from long before starting is no baseline', () => {
    expectDue(facts({ prescriptions: [olanzapine()], results: physical('2023-06-01') }), 'antipsychotic-monitoring-overdue', START);
  });

  it('names only what is overdue, with its last result', () => {
    const results = [...physical(START), result('2842-3', '2026-03-20')].filter((r) => r.codes[0]!.code !== '85354-9');
    const f = facts({ prescriptions: [olanzapine()], results });
    const [reason] = evaluateMonitoring(f, '2026-03-30').reasons;
    expect(reason!.text).toBe(
      'On Olanzapine since 1 Jan. Weight or BMI 4 days overdue (due 26 Mar, 12 weeks after starting; last on 1 Jan). Blood pressure 88 days overdue (due 1 Jan, before starting; none on record). Glucose or HbA1c 4 days overdue (due 26 Mar, 12 weeks after starting; last on 1 Jan). Lipids 4 days overdue (due 26 Mar, 12 weeks after starting; last on 1 Jan).',
    );
    expect(reason!.text).not.toContain('Prolactin');
  });

  it('recognises any antipsychotic by ATC N05A, and results coded in SNOMED CT', () => {
    const haloperidol = drug('hal', 'N05AD01', 'Haloperidol');
    const snomedWeight: ResultFact = { id: 'w', status: 'final', at: START, codes: [{ system: system.snomed, code: '27113001' }] };
    const others = ['85354-9', '59261-8', '2093-3', '2842-3'].map((c) => result(c, START));
    expectDue(facts({ prescriptions: [haloperidol], results: [snomedWeight, ...others] }), 'antipsychotic-monitoring-overdue', plus(START, 84));
    // A systolic reading on its own is a blood pressure.
    const systolic = result('8480-6', START);
    expectDue(facts({ prescriptions: [haloperidol], results: [snomedWeight, systolic, ...others.slice(1)] }), 'antipsychotic-monitoring-overdue', plus(START, 84));
    // Lithium is N05AN01 but not an antipsychotic.
    expect(codes(facts({ prescriptions: [lithium()], results: [level('2026-01-08'), ...renalAndThyroid(START)] }), '2026-02-01')).toEqual([]);
  });
});

describe('valproate Pregnancy Prevention Programme review (MHRA)', () => {
  const woman = (birthDate: string | null, reviews = [review('2025-06-01')]) => facts({ gender: 'female', birthDate, prescriptions: [valproate('2025-06-01')], reviews });

  it('is due when starting and then every year', () => {
    expectDue(woman('1990-03-03', []), 'valproate-review-overdue', '2025-06-01');
    expectDue(woman('1990-03-03'), 'valproate-review-overdue', '2026-06-01');
    const [reason] = evaluateMonitoring(woman('1990-03-03'), '2026-06-30').reasons;
    expect(reason!.code).toBe('valproate-review-overdue');
    expect(reason!.text).toBe('On Sodium valproate since 1 Jun 2025; female, aged 36. Valproate Pregnancy Prevention Programme review 29 days overdue (due 1 Jun, every year; last on 1 Jun 2025).');
    expect(reason!.evidence).toEqual(['MedicationRequest/va', expect.stringMatching(/^Encounter\/rev-/)]);
  });

  it('applies to women and girls from their 12th birthday to the day before their 55th', () => {
    const asOf = '2026-06-02';
    expect(codes(woman('2014-06-03'), asOf)).not.toContain('valproate-review-overdue'); // 11, 12 tomorrow
    expect(codes(woman('2014-06-02'), asOf)).toContain('valproate-review-overdue'); // 12 today
    expect(codes(woman('1971-06-03'), asOf)).toContain('valproate-review-overdue'); // 54, 55 tomorrow
    expect(codes(woman('1971-06-02'), asOf)).not.toContain('valproate-review-overdue'); // 55 today
    expect(codes(woman(null), asOf)).toContain('valproate-review-overdue'); // age unknown: asked for
    expect(codes({ ...woman('1990-03-03'), gender: 'male' }, asOf)).not.toContain('valproate-review-overdue');
    expect(evaluateMonitoring(woman(null), asOf).reasons.find((r) => r.code === 'valproate-review-overdue')!.text).toMatch(/^On Sodium valproate since 1 Jun 2025; female, age not recorded\./);
  });
});

describe('annual medication review', () => {
  it('is due a year after starting, then a year after each review', () => {
    const f = facts({ prescriptions: [drug('x', 'N06AB06', 'Sertraline', '2025-03-01')], reviews: [] });
    expectDue(f, 'medication-review-overdue', '2026-03-01');
    expectDue({ ...f, reviews: [review('2025-09-10')] }, 'medication-review-overdue', '2026-09-10');
    // Reviews not finished do not count.
    expectDue({ ...f, reviews: [review('2025-09-10'), { id: 'planned', status: 'planned', at: '2026-01-01' }] }, 'medication-review-overdue', '2026-09-10');
    const [reason] = evaluateMonitoring({ ...f, reviews: [review('2025-01-10', 'r1')] }, '2026-03-05').reasons;
    expect(reason).toEqual({
      code: 'medication-review-overdue',
      text: 'On Sertraline since 1 Mar 2025. Medication review 4 days overdue (due 1 Mar, a year after starting; last on 10 Jan 2025).',
      evidence: ['MedicationRequest/x', 'Encounter/r1'],
    });
  });
});

describe('what is judged', () => {
  const f = facts({ prescriptions: [lithium()] });

  it('only current prescriptions started by the as-of day', () => {
    expect(codes(f, '2025-12-31')).toEqual([]);
    expect(codes({ ...f, prescriptions: [{ ...lithium(), status: 'stopped' }] }, '2026-06-30')).toEqual([]);
    expect(codes({ ...f, prescriptions: [{ ...lithium(), status: 'on-hold' }] }, '2026-06-30')).toContain('lithium-level-overdue');
    expect(codes({ ...f, prescriptions: [{ ...lithium(), authoredOn: null }] }, '2026-06-30')).toEqual([]);
  });

  it('ignores results after the as-of day, and lists no one who had died', () => {
    const later = { ...f, results: [...renalAndThyroid(START), level('2026-01-10')] };
    expect(codes(later, '2026-01-09')).toEqual(['lithium-level-overdue']);
    expect(codes(later, '2026-01-10')).toEqual([]);
    expect(codes(later, '2026-04-11')).toEqual([]);
    expect(codes(later, '2026-04-12')).toEqual(['lithium-level-overdue']);
    expect(codes({ ...later, deceasedAt: '2026-01-09T08:00:00Z' }, '2026-01-09')).toEqual([]);
  });

  it('lists reasons clozapine first, medication review last, and the most overdue item sets the order', () => {
    const all = facts({ gender: 'female', birthDate: '1990-01-01', prescriptions: [clozapine('2024-01-01'), lithium('2024-01-01'), valproate('2024-01-01')], reviews: [] });
    const finding = evaluateMonitoring(all, '2026-06-30');
    expect(finding.reasons.map((r) => r.code)).toEqual([
      'clozapine-fbc-overdue', 'lithium-level-overdue', 'lithium-renal-thyroid-overdue', 'antipsychotic-monitoring-overdue', 'valproate-review-overdue', 'medication-review-overdue',
    ]);
    expect(finding.mostDaysOverdue).toBe(londonDay('2026-06-30')! - londonDay('2024-01-01')!);
    expect(finding.reasons.at(-1)!.text).toMatch(/^On Clozapine, Lithium carbonate and Sodium valproate since 1 Jan 2024\./);
  });
});

describe('recognising a medicine with no ATC or SNOMED CT code', () => {
  const dmd = (id: string, display: string) => drug(id, '', display, START, { codes: [{ system: system.dmd, code: '39003611000001104' }] });

  it('knows it by its generic or UK brand name, as whole words', () => {
    expect(medicineGroups([], 'Priadel 400mg modified-release tablets')).toEqual(new Set(['lithium']));
    expect(medicineGroups([], 'Depakote 250mg gastro-resistant tablets')).toEqual(new Set(['valproate']));
    expect(medicineGroups([], 'Zaponex 100mg tablets')).toEqual(new Set(['clozapine', 'antipsychotic']));
    expect(medicineGroups([], 'Xeplion 100mg/1ml prolonged-release suspension for injection')).toEqual(new Set(['antipsychotic']));
    expect(medicineGroups([], 'Sertraline 50mg tablets')).toEqual(new Set());
    expect(medicineGroups([], 'Lithiumvale tea')).toEqual(new Set());
  });

  it('never judges a coded prescription by its words', () => {
    expect(medicineGroups([{ system: system.atc, code: 'N06AB06' }], 'Sertraline, not lithium')).toEqual(new Set());
  });

  it('asks for lithium levels for lithium known only by its dm+d name', () => {
    const f = facts({ prescriptions: [dmd('li-dmd', 'Priadel 400mg modified-release tablets')], results: renalAndThyroid(START) });
    expectDue(f, 'lithium-level-overdue', '2026-01-08');
  });
});
