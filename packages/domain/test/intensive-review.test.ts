import { describe, expect, it } from 'vitest';
import {
  evaluateIntensiveReview, extension, ICD10, intensiveReviewRules, meetsListingRule, monthsBefore, isoDay, londonDay, SNOMED, system,
  changeCareIntensity, careIntensityChanges, careIntensityOf, teamsOpenTo,
  type IntensiveReviewCode, type IntensiveReviewFacts,
} from '../src/index.ts';

const AS_OF = '2026-06-30';
const held = { id: 'eoc', status: 'active', start: '2024-01-01', intensity: 'standard', teamId: 'team-north', teamType: 'cmht' };
const schizophrenia = { id: 'dx-scz', codings: [{ system: SNOMED, code: '58214004', display: 'Schizophrenia' }, { system: ICD10, code: 'F20.9' }], recorded: '2024-03-03' };
const alcohol = { id: 'dx-alc', codings: [{ system: ICD10, code: 'F10.2', display: 'Alcohol dependence' }], recorded: '2025-01-10' };

const facts = (more: Partial<IntensiveReviewFacts> = {}): IntensiveReviewFacts => ({
  personId: 'p', episodes: [held], referrals: [], conditions: [], antipsychotics: [], admissions: [], legalStatuses: [], flags: [], concerns: [], auditC: [], ...more,
});
const codes = (f: IntensiveReviewFacts, asOf = AS_OF) => evaluateIntensiveReview(f, asOf).reasons.map((r) => r.code);
const reason = (f: IntensiveReviewFacts, code: IntensiveReviewCode, asOf = AS_OF) => evaluateIntensiveReview(f, asOf).reasons.find((r) => r.code === code);
const admission = (id: string, start: string) => ({ id, status: 'finished', start });
const flag = (id: string, code: string, start = '2025-02-01', more: Record<string, unknown> = {}) => ({ id, status: 'active', code, start, ...more });
/** Psychosis and two others: listed. */
const cohort = (more: Partial<IntensiveReviewFacts> = {}) => facts({ conditions: [schizophrenia, alcohol], legalStatuses: [{ id: 's3', status: 'inactive', code: '03', start: '2025-10-01' }], ...more });

describe('the listing rule: a psychosis indicator plus at least two others (issue 5)', () => {
  it('is declared in one place', () => {
    expect(intensiveReviewRules.listing).toMatchObject({ required: ['psychosis'], othersAtLeast: 2 });
  });

  it('lists psychosis with two others, not psychosis with one, not three others without psychosis', () => {
    expect(meetsListingRule(['psychosis', 'substance-use', 'mha-history'])).toBe(true);
    expect(meetsListingRule(['psychosis', 'substance-use'])).toBe(false);
    expect(meetsListingRule(['substance-use', 'mha-history', 'carer-concern'])).toBe(false);
    expect(evaluateIntensiveReview(cohort(), AS_OF).listed).toBe(true);
    expect(evaluateIntensiveReview(facts({ conditions: [schizophrenia, alcohol] }), AS_OF)).toMatchObject({ listed: false, reasons: [{ code: 'psychosis' }, { code: 'substance-use' }] });
    const withoutPsychosis = facts({ conditions: [alcohol], legalStatuses: [{ id: 's3', status: 'inactive', code: '03', start: '2025-10-01' }], concerns: [{ id: 'c1', kind: 'carer', sent: '2026-05-01' }] });
    expect(evaluateIntensiveReview(withoutPsychosis, AS_OF)).toMatchObject({ listed: false });
    expect(codes(withoutPsychosis)).toEqual(['mha-history', 'substance-use', 'carer-concern']);
  });

  it('gives every reason in the cohort order, each with its records', () => {
    expect(evaluateIntensiveReview(cohort(), AS_OF).reasons).toEqual([
      { code: 'psychosis', text: 'Psychosis diagnosed: Schizophrenia (F20.9), recorded 3 Mar 2024.', evidence: ['Condition/dx-scz'] },
      { code: 'mha-history', text: 'Mental Health Act history: detained under section 3 from 1 Oct 2025.', evidence: ['Flag/s3'] },
      { code: 'substance-use', text: 'Substance use diagnosed: Alcohol dependence (F10.2), recorded 10 Jan 2025.', evidence: ['Condition/dx-alc'] },
    ]);
  });
});

describe('who is looked at', () => {
  it('people held on the day or waiting on an undecided referral; not discharged people, not the dead', () => {
    expect(evaluateIntensiveReview(cohort({ episodes: [{ ...held, status: 'finished', end: '2026-05-01' }] }), AS_OF).reasons).toEqual([]);
    expect(evaluateIntensiveReview(cohort({ episodes: [], referrals: [{ id: 'ref', status: 'active', authoredOn: '2026-06-01' }] }), AS_OF).listed).toBe(true);
    expect(evaluateIntensiveReview(cohort({ episodes: [], referrals: [{ id: 'ref', status: 'revoked', authoredOn: '2026-06-01' }] }), AS_OF).listed).toBe(false);
    expect(evaluateIntensiveReview(cohort({ episodes: [], referrals: [{ id: 'ref', status: 'active', authoredOn: '2026-07-01' }] }), AS_OF).listed).toBe(false);
    expect(evaluateIntensiveReview(cohort({ deceasedAt: '2026-06-30T10:00:00Z' }), AS_OF).listed).toBe(false);
    expect(evaluateIntensiveReview(cohort({ deceasedAt: '2026-07-01T10:00:00Z' }), AS_OF).listed).toBe(true);
  });

  it("belongs to the teams holding them and those a referral still waiting is with: each team's list", () => {
    const waiting = { id: 'ref', status: 'active', authoredOn: '2026-06-01', teamId: 'team-south' };
    expect(teamsOpenTo(facts({ referrals: [waiting, { ...waiting, id: 'old', status: 'completed', teamId: 'team-east' }] }), londonDay(AS_OF)!)).toEqual(['team-north', 'team-south']);
    expect(teamsOpenTo(facts({ episodes: [{ ...held, status: 'finished', end: '2026-05-01' }] }), londonDay(AS_OF)!)).toEqual([]);
  });

  it('not people already in intensive or assertive care, or held by an assertive outreach team', () => {
    expect(evaluateIntensiveReview(cohort({ episodes: [{ ...held, intensity: 'intensive' }] }), AS_OF).listed).toBe(false);
    expect(evaluateIntensiveReview(cohort({ episodes: [{ ...held, intensity: 'assertive' }] }), AS_OF).listed).toBe(false);
    expect(evaluateIntensiveReview(cohort({ episodes: [held, { ...held, id: 'aot', intensity: null, teamId: 'team-aot', teamType: 'aot' }] }), AS_OF).listed).toBe(false);
    // An assertive episode that ended earlier does not keep the person off.
    expect(evaluateIntensiveReview(cohort({ episodes: [held, { ...held, id: 'old', intensity: 'assertive', status: 'finished', end: '2025-01-01' }] }), AS_OF).listed).toBe(true);
  });
});

describe('psychosis: presenting psychosis, diagnosed or not', () => {
  it('a psychosis diagnosis by SNOMED CT or any F20-F29 code, unless refuted; not one recorded after the day', () => {
    expect(codes(facts({ conditions: [{ id: 'x', codings: [{ system: ICD10, code: 'F23.1' }] }] }))).toEqual(['psychosis']);
    expect(codes(facts({ conditions: [{ id: 'x', codings: [{ system: ICD10, code: 'F31.9' }] }] }))).toEqual([]);
    expect(codes(facts({ conditions: [{ ...schizophrenia, verification: 'refuted' }] }))).toEqual([]);
    expect(codes(facts({ conditions: [{ ...schizophrenia, recorded: '2026-07-01' }] }))).toEqual([]);
  });

  it('an antipsychotic, clozapine or long-acting injection prescription, saying there is no diagnosis', () => {
    const olanzapine = { id: 'rx-ola', status: 'active', authoredOn: '2026-02-01', medicine: 'Olanzapine 10mg tablets', injection: false, clozapine: false };
    expect(reason(facts({ antipsychotics: [olanzapine] }), 'psychosis')).toEqual({
      code: 'psychosis',
      text: 'Presenting with psychosis, no psychosis diagnosis recorded: prescribed Olanzapine 10mg tablets (an antipsychotic, prescribed 1 Feb).',
      evidence: ['MedicationRequest/rx-ola'],
    });
    const lai = { id: 'rx-pali', status: 'active', authoredOn: '2025-11-01', medicine: 'Paliperidone injection', injection: true, clozapine: false };
    expect(reason(facts({ conditions: [schizophrenia], antipsychotics: [lai] }), 'psychosis')).toEqual({
      code: 'psychosis',
      text: 'Psychosis diagnosed: Schizophrenia (F20.9), recorded 3 Mar 2024. Prescribed Paliperidone injection (a long-acting antipsychotic injection, prescribed 1 Nov 2025).',
      evidence: ['Condition/dx-scz', 'MedicationRequest/rx-pali'],
    });
    expect(reason(facts({ antipsychotics: [{ ...olanzapine, medicine: 'Clozapine', clozapine: true }] }), 'psychosis')!.text).toMatch(/Clozapine \(clozapine,/);
    expect(codes(facts({ antipsychotics: [{ ...olanzapine, status: 'stopped' }] }))).toEqual([]);
    expect(codes(facts({ antipsychotics: [{ ...olanzapine, authoredOn: '2026-07-01' }] }))).toEqual([]);
  });
});

describe('disengagement: on the disengaged worklist by the engagement rules', () => {
  it('carries the engagement reasons and their records', () => {
    const disengaged = [{ code: 'consecutive-dna', text: 'Did not attend 2 appointments in a row.', evidence: ['Appointment/a1', 'Appointment/a2'] }];
    expect(reason(facts({ disengaged }), 'disengagement')).toEqual({
      code: 'disengagement', text: 'On the disengaged worklist: Did not attend 2 appointments in a row.', evidence: ['Appointment/a1', 'Appointment/a2'],
    });
    expect(codes(facts({ disengaged: [] }))).toEqual([]);
  });
});

describe('repeated-admissions: 2 or more admissions starting in the 24 months before the day', () => {
  it('counts an admission exactly 24 months before, not the day before that, nor one after the day', () => {
    expect(reason(facts({ admissions: [admission('a1', '2024-06-30'), admission('a2', '2026-01-15')] }), 'repeated-admissions')).toEqual({
      code: 'repeated-admissions', text: '2 admissions to hospital in the 24 months to 30 Jun: admitted 30 Jun 2024 and 15 Jan.', evidence: ['Encounter/a1', 'Encounter/a2'],
    });
    expect(codes(facts({ admissions: [admission('a1', '2024-06-29'), admission('a2', '2026-01-15')] }))).toEqual([]);
    expect(codes(facts({ admissions: [admission('a1', '2026-07-01'), admission('a2', '2026-01-15')] }))).toEqual([]);
    expect(codes(facts({ admissions: [admission('a1', '2026-01-15')] }))).toEqual([]);
  });
});

describe('mha-history: any detention or CTO', () => {
  it('at any time, not one begun after the day, not other Flags', () => {
    expect(reason(facts({ legalStatuses: [{ id: 'cto', status: 'active', code: 'cto', start: '2026-01-01' }, { id: 's2', status: 'inactive', code: '02', start: '2015-04-03' }] }), 'mha-history')).toEqual({
      code: 'mha-history', text: 'Mental Health Act history: detained under section 2 from 3 Apr 2015; Community Treatment Order from 1 Jan.', evidence: ['Flag/s2', 'Flag/cto'],
    });
    expect(codes(facts({ legalStatuses: [{ id: 's3', status: 'active', code: '03', start: '2026-07-01' }] }))).toEqual([]);
    expect(codes(facts({ legalStatuses: [{ id: 's3', status: 'entered-in-error', code: '03', start: '2026-01-01' }] }))).toEqual([]);
  });
});

describe('substance-use: a diagnosis F10-F19, or AUDIT-C of 8 or more in the last 12 months', () => {
  it('reads a diagnosis and the latest AUDIT-C within 12 months', () => {
    expect(codes(facts({ conditions: [{ id: 'x', codings: [{ system: SNOMED, code: '85005007' }] }] }))).toEqual(['substance-use']);
    expect(reason(facts({ auditC: [{ id: 'o1', score: 8, at: '2025-06-30' }] }), 'substance-use')).toEqual({
      code: 'substance-use', text: 'AUDIT-C score 8 on 30 Jun 2025 (8 or more is higher risk drinking).', evidence: ['Observation/o1'],
    });
    expect(codes(facts({ auditC: [{ id: 'o1', score: 8, at: '2025-06-29' }] }))).toEqual([]);
    expect(codes(facts({ auditC: [{ id: 'o1', score: 7, at: '2026-06-01' }] }))).toEqual([]);
    // The latest score is the one that counts: drinking that has come down is not current.
    expect(codes(facts({ auditC: [{ id: 'o1', score: 10, at: '2026-01-01' }, { id: 'o2', score: 3, at: '2026-06-01' }] }))).toEqual([]);
  });
});

describe('multiple-social-needs: two or more needs current on the day', () => {
  it('counts housing once whether shown by accommodation or a Flag, with finances, self-neglect and isolation', () => {
    expect(reason(facts({ accommodation: 'sofa-surfing', flags: [flag('f-money', 'financial-hardship'), flag('f-house', 'housing-instability')] }), 'multiple-social-needs')).toEqual({
      code: 'multiple-social-needs',
      text: '2 social needs: housing (accommodation recorded as sofa surfing; housing instability since 1 Feb 2025), finances (financial hardship since 1 Feb 2025).',
      evidence: ['Patient/p', 'Flag/f-house', 'Flag/f-money'],
    });
    expect(codes(facts({ accommodation: 'homeless', flags: [flag('f-house', 'housing-instability')] }))).toEqual([]);
    expect(reason(facts({ flags: [flag('f1', 'self-neglect'), flag('f2', 'social-isolation')] }), 'multiple-social-needs')!.text).toBe(
      '2 social needs: self-neglect (since 1 Feb 2025), isolation (social isolation since 1 Feb 2025).',
    );
    expect(codes(facts({ accommodation: 'settled-tenant', flags: [flag('f1', 'self-neglect')] }))).toEqual([]);
  });

  it('only Flags in force on the day', () => {
    expect(codes(facts({ flags: [flag('f1', 'self-neglect'), flag('f2', 'social-isolation', '2026-07-01')] }))).toEqual([]);
    expect(codes(facts({ flags: [flag('f1', 'self-neglect'), flag('f2', 'social-isolation', '2025-01-01', { status: 'inactive', end: '2026-06-30' })] }))).toEqual([]);
    expect(codes(facts({ flags: [flag('f1', 'self-neglect'), flag('f2', 'social-isolation', '2025-01-01', { status: 'inactive', end: '2026-07-01' })] }))).toEqual(['multiple-social-needs']);
  });
});

describe('carer-concern: a concern from a carer or family in the last 12 months', () => {
  it('counts one exactly 12 months before, not the day before that', () => {
    expect(reason(facts({ concerns: [{ id: 'c1', kind: 'carer', sent: '2025-06-30T10:00:00Z' }] }), 'carer-concern')).toEqual({
      code: 'carer-concern', text: 'A concern raised by a carer or family member in the last 12 months: on 30 Jun 2025.', evidence: ['Communication/c1'],
    });
    expect(codes(facts({ concerns: [{ id: 'c1', kind: 'carer', sent: '2025-06-29' }] }))).toEqual([]);
    expect(codes(facts({ concerns: [{ id: 'c1', kind: 'police', sent: '2026-06-29' }] }))).toEqual(['justice-contact']);
  });
});

describe('justice-contact: police, arrest, offending, MARAC or MAPPA Flags; or a concern from the police', () => {
  it('cites the Flags at any time and police concerns in the last 12 months', () => {
    expect(reason(facts({ flags: [flag('f1', 'mappa', '2020-03-01', { status: 'inactive' }), flag('f2', 'police-contact')], concerns: [{ id: 'c9', kind: 'police', sent: '2026-03-02' }] }), 'justice-contact')).toEqual({
      code: 'justice-contact',
      text: 'Contact with the criminal justice system. Red flags from history: MAPPA case (1 Mar 2020); police contact (1 Feb 2025); the police raised a concern on 2 Mar.',
      evidence: ['Flag/f1', 'Flag/f2', 'Communication/c9'],
    });
    expect(codes(facts({ concerns: [{ id: 'c9', kind: 'police', sent: '2025-06-29' }] }))).toEqual([]);
    expect(codes(facts({ flags: [flag('f1', 'weapon')] }))).toEqual([]);
  });
});

describe('the look-back', () => {
  it('starts on the same day of the month, or the month end when there is none', () => {
    const back = (day: string, months: number) => isoDay(monthsBefore(londonDay(day)!, months));
    expect(back('2026-06-30', 24)).toBe('2024-06-30');
    expect(back('2026-06-30', 12)).toBe('2025-06-30');
    expect(back('2026-03-31', 1)).toBe('2026-02-28');
    expect(back('2028-02-29', 24)).toBe('2026-02-28');
    expect(back('2026-01-15', 12)).toBe('2025-01-15');
  });
});

describe('stepping care up or down', () => {
  const episode = {
    resourceType: 'EpisodeOfCare', id: 'eoc', status: 'active', period: { start: '2024-01-01' },
    type: [{ coding: [{ system: system.careIntensity, code: 'standard' }] }],
  };
  const entry = { intensity: 'intensive', reason: 'Two admissions this year and lost contact for six weeks.', decidedOn: '2026-06-29', decidedBy: { reference: 'Practitioner/kw', display: 'Kim Walker' } };

  it('changes the coding and adds one dated change with its reason, kept in order', () => {
    const up = changeCareIntensity(episode, entry, AS_OF);
    if (!up.ok) throw new Error('expected a change');
    expect(careIntensityOf(up.episode)).toBe('intensive');
    expect(up.episode.extension).toEqual([{
      url: extension.careIntensityChange,
      extension: [
        { url: 'from', valueCode: 'standard' }, { url: 'to', valueCode: 'intensive' }, { url: 'date', valueDate: '2026-06-29' },
        { url: 'reason', valueString: entry.reason }, { url: 'decidedBy', valueReference: entry.decidedBy },
      ],
    }]);
    const down = changeCareIntensity(up.episode, { ...entry, intensity: 'standard', reason: 'Settled for three months, engaging weekly.', decidedOn: AS_OF }, AS_OF);
    if (!down.ok) throw new Error('expected a change');
    expect(careIntensityChanges(down.episode).map((c) => [c.from, c.to, c.date])).toEqual([['standard', 'intensive', '2026-06-29'], ['intensive', 'standard', AS_OF]]);
  });

  it('refuses the same intensity, a short reason, a future or unreal date, naming each field', () => {
    const refused = changeCareIntensity(episode, { ...entry, intensity: 'standard', reason: 'too short', decidedOn: '2026-07-01' }, AS_OF);
    expect(refused).toEqual({
      ok: false, ended: false,
      problems: [
        { field: 'intensity', message: 'is already standard (core community care): choose a different intensity to step up or down' },
        { field: 'reason', message: `must say why, in at least ${intensiveReviewRules.stepReasonMinLength} characters` },
        { field: 'decidedOn', message: 'must not be in the future (today is 30 Jun)' },
      ],
    });
    expect(changeCareIntensity(episode, { ...entry, intensity: 'maximal' }, AS_OF)).toMatchObject({ ok: false, problems: [{ field: 'intensity' }] });
    expect(changeCareIntensity(episode, { ...entry, decidedOn: '2026-02-30' }, AS_OF)).toMatchObject({ ok: false, problems: [{ field: 'decidedOn', message: 'must be a real date as YYYY-MM-DD' }] });
    expect(changeCareIntensity(episode, { ...entry, decidedOn: '2023-12-31' }, AS_OF)).toMatchObject({ ok: false, problems: [{ field: 'decidedOn' }] });
  });

  it('refuses an episode that has ended', () => {
    expect(changeCareIntensity({ ...episode, status: 'finished', period: { start: '2024-01-01', end: '2026-01-01' } }, entry, AS_OF)).toMatchObject({ ok: false, ended: true });
  });
});
