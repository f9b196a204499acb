import { describe, expect, it } from 'vitest';
import { checkStandingsOnDays, evaluatePhysicalHealth, isoDay, londonDay, system, type CheckResultFact, type PhysicalHealthFacts } from '../src/index.ts';

const AS_OF = '2026-11-25';
/** "YYYY-MM-DD" a number of days before the as-of day. */
const ago = (n: number) => isoDay(londonDay(AS_OF)! - n);

let next = 0;
const result = (loinc: string, at: string, more: Partial<CheckResultFact> = {}): CheckResultFact => ({ id: `obs-${++next}`, status: 'final', at, codes: [{ system: system.loinc, code: loinc }], ...more });
/** One result for each part: BMI, blood pressure, HbA1c, cholesterol, smoking status, AUDIT-C. */
const SIX = { bmi: '39156-5', bloodPressure: '85354-9', glucose: '59261-8', lipids: '2093-3', smoking: '72166-2', alcohol: '75626-2' } as const;
const fullCheck = (at: string, except: readonly (keyof typeof SIX)[] = []) => Object.entries(SIX).filter(([k]) => !except.includes(k as never)).map(([, code]) => result(code, at));

const schizophrenia = { id: 'dx-1', codings: [{ system: system.snomed, code: '58214004' }] };
function facts(more: Partial<PhysicalHealthFacts> = {}): PhysicalHealthFacts {
  return {
    personId: 'p',
    episodes: [{ id: 'ep-1', status: 'active', start: '2020-01-01', teamId: 'team-a' }],
    diagnoses: [schizophrenia],
    results: [],
    invitations: [],
    ...more,
  };
}
const check = (f: PhysicalHealthFacts, asOf = AS_OF) => evaluatePhysicalHealth(f, asOf);

describe('who the annual check is asked of (NHS England SMI register; NICE CG178, CG185)', () => {
  it('asks it of people held by a team with a psychosis or bipolar diagnosis, citing the Conditions', () => {
    expect(check(facts()).eligible).toEqual({ groups: ['psychosis'], evidence: ['Condition/dx-1'], teamIds: ['team-a'] });
    const bipolarIcd = { id: 'dx-2', codings: [{ system: system.icd10, code: 'F31.1' }] };
    expect(check(facts({ diagnoses: [bipolarIcd, schizophrenia] })).eligible?.groups).toEqual(['psychosis', 'bipolar']);
  });

  it('does not ask it without an SMI diagnosis, with the diagnosis refuted, off caseload, or after death', () => {
    const depression = { id: 'dx-3', codings: [{ system: system.snomed, code: '76441001' }] };
    expect(check(facts({ diagnoses: [depression] })).reason).toBeUndefined();
    expect(check(facts({ diagnoses: [{ ...schizophrenia, verification: 'refuted' }] })).reason).toBeUndefined();
    expect(check(facts({ episodes: [{ id: 'ep-1', status: 'finished', start: '2020-01-01', end: ago(10), teamId: 'team-a' }] })).reason).toBeUndefined();
    expect(check(facts({ deceasedAt: ago(3) })).reason).toBeUndefined();
    // Remission is part of the illness: the check is still due.
    expect(check(facts({ diagnoses: [{ ...schizophrenia, verification: 'confirmed' }] })).reason?.code).toBe('physical-health-check-overdue');
  });
});

describe('the 12-month window', () => {
  it('counts a part done 364 and 365 days ago, and not one done 366 days ago', () => {
    expect(check(facts({ results: fullCheck(ago(364)) })).completion).toBe('complete');
    expect(check(facts({ results: fullCheck(ago(365)) })).completion).toBe('complete');
    const late = check(facts({ results: fullCheck(ago(366)) }));
    expect(late.completion).toBe('none');
    expect(late.reason?.code).toBe('physical-health-check-overdue');
    expect(late.daysOverdue).toBe(1);
  });

  it('ignores results after the day, and results not counted (cancelled, entered in error)', () => {
    expect(check(facts({ results: fullCheck(ago(-1)) })).completion).toBe('none');
    const cancelled = fullCheck(ago(10)).map((r) => ({ ...r, status: 'cancelled' }));
    expect(check(facts({ results: cancelled })).completion).toBe('none');
  });
});

describe('each part on its own', () => {
  const names = { bmi: 'BMI', bloodPressure: 'blood pressure', glucose: 'glucose or HbA1c', lipids: 'lipids', smoking: 'smoking status', alcohol: 'alcohol use' } as const;
  for (const part of Object.keys(SIX) as (keyof typeof SIX)[]) {
    it(`lists the check as incomplete when only ${names[part]} is missing, naming it alone`, () => {
      const c = check(facts({ results: fullCheck(ago(30), [part]) }));
      expect(c.completion).toBe('partial');
      expect(c.components.filter((x) => !x.done).map((x) => x.key)).toEqual([part]);
      expect(c.reason?.text).toContain(`incomplete: ${names[part]} (none on record) not done in the last 12 months.`);
    });
  }

  it('takes HbA1c or fasting glucose for the glucose part, and either alone is enough', () => {
    const withGlucose = [...fullCheck(ago(30), ['glucose']), result('1558-6', ago(30))];
    expect(check(facts({ results: withGlucose })).completion).toBe('complete');
    const withHba1cPercent = [...fullCheck(ago(30), ['glucose']), result('4548-4', ago(30))];
    expect(check(facts({ results: withHba1cPercent })).completion).toBe('complete');
    expect(check(facts({ results: fullCheck(ago(30)) })).completion).toBe('complete');
  });

  it('takes a weight for BMI only with a height on record on or before it', () => {
    const weightOnly = [...fullCheck(ago(30), ['bmi']), result('29463-7', ago(30))];
    expect(check(facts({ results: weightOnly })).components[0]!.done).toBe(false);
    const withHeight = [...weightOnly, result('8302-2', '2021-03-01')];
    expect(check(facts({ results: withHeight })).completion).toBe('complete');
    const heightAfter = [...weightOnly, result('8302-2', ago(5))];
    expect(check(facts({ results: heightAfter })).components[0]!.done).toBe(false);
  });

  it('counts a blood pressure panel by its systolic component code', () => {
    const bySystolic = [...fullCheck(ago(30), ['bloodPressure']), result('85354-9', ago(30), { codes: [{ system: system.loinc, code: '8480-6' }] })];
    expect(check(facts({ results: bySystolic })).completion).toBe('complete');
  });
});

describe('the reason', () => {
  it('names the missing parts with their last dates, the last complete check, and cites the Condition and the last results', () => {
    next = 0;
    const lastYear = fullCheck('2025-03-12');
    const thisYear = [result(SIX.bmi, '2026-06-01'), result(SIX.bloodPressure, '2026-06-01')];
    const c = check(facts({ results: [...lastYear, ...thisYear] }));
    expect(c.completion).toBe('partial');
    expect(c.lastCompleteCheck).toBe('2025-03-12');
    expect(c.reason).toEqual({
      code: 'physical-health-check-overdue',
      text:
        'Psychosis on record. Annual physical health check incomplete: glucose or HbA1c (last on 12 Mar 2025), lipids (last on 12 Mar 2025), smoking status (last on 12 Mar 2025) and alcohol use (last on 12 Mar 2025) not done in the last 12 months. Check last complete on 12 Mar 2025 (every part done in the year to then).',
      evidence: ['Condition/dx-1', 'Observation/obs-7', 'Observation/obs-8', 'Observation/obs-3', 'Observation/obs-4', 'Observation/obs-5', 'Observation/obs-6'],
    });
    // Due a year after the last: 12 Mar 2026, so 258 days overdue on 25 Nov 2026.
    expect(c.daysOverdue).toBe(258);
  });

  it('says no complete check is recorded, and counts days overdue from the start of care when nothing was ever done', () => {
    const c = check(facts({ episodes: [{ id: 'ep-1', status: 'active', start: ago(40), teamId: 'team-a' }] }));
    expect(c.reason?.text).toBe(
      'Psychosis on record. Annual physical health check incomplete: BMI (none on record), blood pressure (none on record), glucose or HbA1c (none on record), lipids (none on record), smoking status (none on record) and alcohol use (none on record) not done in the last 12 months. No complete check recorded.',
    );
    expect(c.reason?.evidence).toEqual(['Condition/dx-1']);
    expect(c.daysOverdue).toBe(40);
  });

  it('has no reason once all six are done, and gives each part its last result and due day', () => {
    next = 0;
    const c = check(facts({ results: fullCheck(ago(100)) }));
    expect(c.reason).toBeUndefined();
    expect(c.components[0]).toEqual({ key: 'bmi', name: 'BMI', last: { id: 'obs-1', date: ago(100), value: undefined }, done: true, dueDate: ago(100 - 365) });
  });
});

describe('following up people who did not respond (shared/seeds/002_* line ~213)', () => {
  const invitation = (sent: string, id = 'inv-1', status = 'completed') => ({ id, status, sent });

  it('says an invitation more than 28 days ago was not responded to, citing it', () => {
    const c = check(facts({ invitations: [invitation(ago(29))] }));
    expect(c.invitation).toEqual({ id: 'inv-1', date: ago(29), daysAgo: 29, notResponded: true });
    expect(c.reason?.text).toMatch(/No complete check recorded\. Invited on 27 Oct \(29 days ago\) and not responded: follow up\.$/);
    expect(c.reason?.evidence).toEqual(['Condition/dx-1', 'Communication/inv-1']);
  });

  it('waits 28 days after an invitation before calling it not responded', () => {
    const c = check(facts({ invitations: [invitation(ago(28))] }));
    expect(c.invitation?.notResponded).toBe(false);
    expect(c.reason?.text).toMatch(/Invited on 28 Oct \(28 days ago\)\.$/);
  });

  it('takes the latest invitation, ignores ones not sent or after the day, and ones answered by a complete check', () => {
    const c = check(facts({ invitations: [invitation(ago(60), 'inv-old'), invitation(ago(35), 'inv-new'), invitation(ago(5), 'inv-draft', 'preparation'), invitation(ago(-2), 'inv-future')] }));
    expect(c.invitation?.id).toBe('inv-new');
    const answered = check(facts({ results: fullCheck(ago(400)), invitations: [invitation(ago(420))] }));
    expect(answered.invitation).toBeUndefined();
  });

  it('has a complete check answer the invitation', () => {
    const c = check(facts({ results: fullCheck(ago(10)), invitations: [invitation(ago(40))] }));
    expect(c.reason).toBeUndefined();
    expect(c.invitation).toBeUndefined();
  });
});

describe('where the check stands on many days (a board trend keeps every day)', () => {
  it('gives days held by the same teams one list of them, and a day held by others its own', () => {
    const moved = facts({ episodes: [
      { id: 'ep-1', status: 'finished', start: '2020-01-01', end: ago(10), teamId: 'team-a' },
      { id: 'ep-2', status: 'active', start: ago(9), teamId: 'team-b' },
    ] });
    const days = [ago(30), ago(20), ago(5), AS_OF];
    const [a1, a2, b1, b2] = checkStandingsOnDays(days.map(() => moved), days);
    expect([a1!.teamIds, b1!.teamIds]).toEqual([['team-a'], ['team-b']]);
    expect(a2!.teamIds).toBe(a1!.teamIds);
    expect(b2!.teamIds).toBe(b1!.teamIds);
    expect(b1!.teamIds).not.toBe(a1!.teamIds);
  });
});
