import { describe, expect, it } from 'vitest';
import { auditDischarge, checkDischarge, dischargeRules, ICD10, SNOMED, severeRelapsingIllness, type DiagnosisFact, type DischargeRecord } from '@continuity/domain';

const psychosis: DiagnosisFact = { id: 'c-scz', codings: [{ system: SNOMED, code: '58214004' }, { system: ICD10, code: 'F20.9' }] };
const depressionModerate: DiagnosisFact = { id: 'c-dep', codings: [{ system: ICD10, code: 'F32.1' }] };
const alcohol: DiagnosisFact = { id: 'c-alc', codings: [{ system: ICD10, code: 'F10.2' }] };

const complete: DischargeRecord = {
  episodeId: 'eoc-1',
  reason: 'recovered',
  mdtDecisionDate: '2026-03-02',
  relapseIndicators: 'Stops sleeping, then stops eating; believes neighbours are watching.',
  harmsIfMissed: 'Last relapse: evicted and admitted under section 3 after three weeks unnoticed.',
  routeBack: 'GP or mother calls the duty line for same-week review; no new referral needed for 2 years.',
};

describe('who the discharge guard protects', () => {
  it('covers psychosis, bipolar, severe depression and personality disorder, by SNOMED CT or ICD-10', () => {
    expect(severeRelapsingIllness([psychosis])).toEqual({ groups: ['psychosis'], evidence: ['Condition/c-scz'] });
    expect(severeRelapsingIllness([{ id: 'b', codings: [{ system: ICD10, code: 'F31.4' }] }])?.groups).toEqual(['bipolar']);
    expect(severeRelapsingIllness([{ id: 'd', codings: [{ system: ICD10, code: 'F33.2' }] }])?.groups).toEqual(['severe-depression']);
    expect(severeRelapsingIllness([{ id: 'p', codings: [{ system: SNOMED, code: '20010003' }] }])?.groups).toEqual(['personality-disorder']);
  });

  it('does not cover moderate depression or substance use alone, nor a refuted diagnosis', () => {
    expect(severeRelapsingIllness([depressionModerate, alcohol])).toBeUndefined();
    expect(severeRelapsingIllness([{ ...psychosis, verification: 'refuted' }])).toBeUndefined();
    expect(severeRelapsingIllness([{ ...psychosis, verification: 'entered-in-error' }])).toBeUndefined();
    // Remission is part of a relapsing illness: a diagnosis marked resolved still counts.
    expect(severeRelapsingIllness([{ ...psychosis, verification: 'confirmed' }])).toBeDefined();
  });

  it('matches codes only, never words', () => {
    expect(severeRelapsingIllness([{ id: 'x', codings: [{ system: 'http://example.org', code: 'F20.9' }] }])).toBeUndefined();
  });
});

describe('checking a proposed discharge', () => {
  it('allows a complete discharge', () => {
    expect(checkDischarge(complete, [psychosis], '2026-03-09')).toMatchObject({ allowed: true, problems: [] });
  });

  it('refuses non-attendance as the reason for a person with psychosis, saying why and what to do instead', () => {
    const check = checkDischarge({ ...complete, reason: 'non-attendance' }, [psychosis], '2026-03-09');
    expect(check.allowed).toBe(false);
    expect(check.problems).toEqual([{ field: 'reason', message: dischargeRules.refusedReason.message }]);
    expect(check.problems[0]!.message).toMatch(/^Non-attendance is never a reason to discharge someone with severe and relapsing illness\./);
    expect(check.problems[0]!.message).toMatch(/assertive engagement/);
  });

  it.each([
    ['mdtDecisionDate', /multidisciplinary team \(MDT\)/],
    ['relapseIndicators', /signs of relapse/],
    ['harmsIfMissed', /known harms/],
    ['routeBack', /route back in/],
  ] as const)('requires %s', (field, words) => {
    for (const blank of [undefined, null, '', '   ']) {
      const check = checkDischarge({ ...complete, [field]: blank }, [psychosis], '2026-03-09');
      expect(check.allowed).toBe(false);
      expect(check.problems.map((p) => p.field)).toEqual([field]);
      expect(check.problems[0]!.message).toMatch(words);
    }
  });

  it('names every missing field at once, the reason first', () => {
    const check = checkDischarge({ episodeId: 'eoc-1', reason: 'non-attendance' }, [psychosis]);
    expect(check.problems.map((p) => p.field)).toEqual(['reason', 'mdtDecisionDate', 'relapseIndicators', 'harmsIfMissed', 'routeBack']);
  });

  it('needs the MDT to have decided by the discharge date', () => {
    expect(checkDischarge({ ...complete, mdtDecisionDate: '2026-03-09' }, [psychosis], '2026-03-09').allowed).toBe(true);
    expect(checkDischarge({ ...complete, mdtDecisionDate: '2026-03-10' }, [psychosis], '2026-03-09').problems).toEqual([
      { field: 'mdtDecisionDate', message: 'must be on or before the discharge date: the MDT decides before the person is discharged.' },
    ]);
    expect(checkDischarge({ ...complete, mdtDecisionDate: 'last week' }, [psychosis], '2026-03-09').problems.map((p) => p.field)).toEqual(['mdtDecisionDate']);
  });

  it('asks nothing extra of people outside the group, but still needs a known reason', () => {
    expect(checkDischarge({ episodeId: 'e', reason: 'non-attendance' }, [depressionModerate]).allowed).toBe(true);
    expect(checkDischarge({ episodeId: 'e', reason: 'recovered' }, []).allowed).toBe(true);
    expect(checkDischarge({ episodeId: 'e', reason: 'bored' }, []).problems).toEqual([{ field: 'reason', message: 'must be one of: non-attendance, recovered, moved-away, transferred, died, person-chose' }]);
  });

  it('asks for no discharge plan when the person has died', () => {
    expect(checkDischarge({ episodeId: 'e', reason: 'died' }, [psychosis]).allowed).toBe(true);
  });
});

describe('auditing a recorded discharge', () => {
  it('finds nothing wrong with a complete discharge, or one of a person outside the group', () => {
    expect(auditDischarge({ ...complete, end: '2026-03-09' }, [psychosis])).toEqual([]);
    expect(auditDischarge({ episodeId: 'e', reason: 'non-attendance', end: '2026-03-09' }, [alcohol])).toEqual([]);
  });

  it('reports non-attendance and every missing record, citing the episode and the diagnosis', () => {
    const evidence = ['EpisodeOfCare/eoc-1', 'Condition/c-scz'];
    expect(auditDischarge({ episodeId: 'eoc-1', reason: 'non-attendance', end: '2026-03-09T16:00:00Z' }, [psychosis, alcohol])).toEqual([
      { code: 'discharged-for-non-attendance', text: 'Discharged on 9 Mar 2026 for non-attendance: a person with psychosis should never be discharged for not attending.', evidence },
      { code: 'no-mdt-decision', text: 'Discharged on 9 Mar 2026 with no MDT decision recorded, for a person with psychosis.', evidence },
      { code: 'no-relapse-indicators', text: 'Discharged on 9 Mar 2026 with no relapse indicators recorded, for a person with psychosis.', evidence },
      { code: 'no-harms-if-missed', text: 'Discharged on 9 Mar 2026 with no known harms if relapse is missed recorded, for a person with psychosis.', evidence },
      { code: 'no-route-back', text: 'Discharged on 9 Mar 2026 with no route back into the service recorded, for a person with psychosis.', evidence },
    ]);
  });

  it('reports a discharge with no reason at all by what it lacks', () => {
    const reasons = auditDischarge({ ...complete, reason: null, routeBack: undefined, end: '2026-03-09' }, [psychosis]);
    expect(reasons.map((r) => r.code)).toEqual(['no-route-back']);
  });
});
