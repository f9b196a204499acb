import { describe, expect, it } from 'vitest';
import {
  agreementResource,
  changeAgreementStatus,
  evaluateSharedCare,
  extension,
  proposeAgreement,
  readAgreement,
  sharedCareRules,
  suggestedTasks,
  system,
  tasksOf,
  validateResource,
  withAgreementStatus,
  type Proposal,
  type SharedCareAgreement,
  type SharedCareFacts,
} from '@continuity/domain';

const agreement = (id: string, history: SharedCareAgreement['history'], more: Partial<SharedCareAgreement> = {}): SharedCareAgreement => ({
  id,
  personId: 'p1',
  medicationRequestId: 'p1-lithium',
  medicine: 'Lithium carbonate',
  specialistTeamId: 'team-north',
  practiceId: 'gp-1',
  responsibilities: [
    { task: 'prescribing', performerId: 'gp-1' },
    { task: 'lithium-level', performerId: 'gp-1' },
    { task: 'renal-function', performerId: 'team-north' },
  ],
  history,
  status: history.at(-1)!.status,
  ...more,
});

const facts = (agreements: SharedCareAgreement[], prescriptionStatus = 'active', more: Partial<SharedCareFacts> = {}): SharedCareFacts => ({
  personId: 'p1',
  episodes: [],
  agreements,
  prescriptions: [{ id: 'p1-lithium', status: prescriptionStatus }],
  practiceNames: { 'gp-1': 'Riverside Surgery' },
  ...more,
});

const codes = (f: SharedCareFacts, asOf: string) => evaluateSharedCare(f, asOf).reasons.map((r) => r.code);

describe('an unanswered proposal', () => {
  const proposed = facts([agreement('a1', [{ status: 'proposed', date: '2026-06-01' }])]);

  it(`is awaited for ${sharedCareRules.unanswered.answerWithinDays} days and listed on the day after`, () => {
    expect(codes(proposed, '2026-06-15')).toEqual([]);
    expect(evaluateSharedCare(proposed, '2026-06-16')).toEqual({
      personId: 'p1',
      longestDays: 15,
      reasons: [
        {
          code: 'shared-care-unanswered',
          text: 'Shared care of Lithium carbonate proposed to Riverside Surgery on 1 Jun, 15 days ago, with no answer (expected within 14 days).',
          evidence: ['CarePlan/a1', 'MedicationRequest/p1-lithium'],
        },
      ],
    });
  });

  it('is not listed as of a day before it was proposed, nor once answered', () => {
    expect(codes(proposed, '2026-05-01')).toEqual([]);
    const answered = facts([agreement('a1', [{ status: 'proposed', date: '2026-06-01' }, { status: 'accepted', date: '2026-06-20' }])]);
    expect(codes(answered, '2026-06-19')).toEqual(['shared-care-unanswered']);
    expect(codes(answered, '2026-06-20')).toEqual([]);
  });

  it('is not listed when the medicine is no longer prescribed, or the person has died', () => {
    expect(codes(facts(proposed.agreements, 'stopped'), '2026-07-01')).toEqual([]);
    expect(codes(facts(proposed.agreements, 'on-hold'), '2026-07-01')).toEqual(['shared-care-unanswered']);
    expect(codes({ ...proposed, deceasedAt: '2026-06-30T10:00:00Z' }, '2026-07-01')).toEqual([]);
    expect(codes({ ...proposed, deceasedAt: '2026-07-02T10:00:00Z' }, '2026-07-01')).toEqual(['shared-care-unanswered']);
  });
});

describe('a declined proposal', () => {
  const declined = agreement('a1', [{ status: 'proposed', date: '2026-05-01' }, { status: 'declined', date: '2026-05-10' }]);

  it('is listed from the day it was declined while the medicine is prescribed', () => {
    expect(codes(facts([declined]), '2026-05-09')).toEqual([]);
    expect(evaluateSharedCare(facts([declined]), '2026-05-10').reasons).toEqual([
      {
        code: 'shared-care-declined',
        text: 'Riverside Surgery declined shared care of Lithium carbonate on 10 May (proposed 1 May); it is still prescribed and no later agreement has been accepted, so prescribing and monitoring stay with the specialist team.',
        evidence: ['CarePlan/a1', 'MedicationRequest/p1-lithium'],
      },
    ]);
    expect(codes(facts([declined], 'completed'), '2026-06-01')).toEqual([]);
  });

  it('clears once another agreement for the prescription is accepted on or after the day, not before', () => {
    const later = agreement('a2', [{ status: 'proposed', date: '2026-05-10' }, { status: 'accepted', date: '2026-06-01' }]);
    // The new proposal, unanswered after 14 days, is on the list too until it is accepted.
    expect(codes(facts([declined, later]), '2026-05-31')).toEqual(['shared-care-declined', 'shared-care-unanswered']);
    expect(codes(facts([declined, later]), '2026-06-01')).toEqual([]);
    const earlier = agreement('a0', [{ status: 'proposed', date: '2025-01-01' }, { status: 'accepted', date: '2025-01-05' }, { status: 'ended', date: '2026-04-30' }]);
    expect(codes(facts([declined, earlier]), '2026-06-01')).toEqual(['shared-care-declined']);
    const otherMedicine = agreement('a3', later.history, { medicationRequestId: 'p1-olanzapine' });
    expect(codes(facts([declined, otherMedicine]), '2026-06-01')).toEqual(['shared-care-declined']);
  });

  it('lists a refusal before a silence, one reason per code naming each agreement', () => {
    const waiting = agreement('a2', [{ status: 'proposed', date: '2026-05-01' }], { medicationRequestId: 'p1-olanzapine', medicine: 'Olanzapine' });
    const finding = evaluateSharedCare(facts([waiting, declined], 'active', { prescriptions: [{ id: 'p1-lithium', status: 'active' }, { id: 'p1-olanzapine', status: 'active' }] }), '2026-06-01');
    expect(finding.reasons.map((r) => [r.code, r.evidence])).toEqual([
      ['shared-care-declined', ['CarePlan/a1', 'MedicationRequest/p1-lithium']],
      ['shared-care-unanswered', ['CarePlan/a2', 'MedicationRequest/p1-olanzapine']],
    ]);
    expect(finding.longestDays).toBe(31);
  });
});

describe('accepted and ended agreements', () => {
  it('are never on the list', () => {
    expect(codes(facts([agreement('a1', [{ status: 'proposed', date: '2026-01-01' }, { status: 'accepted', date: '2026-01-05' }])]), '2026-07-01')).toEqual([]);
    expect(codes(facts([agreement('a1', [{ status: 'proposed', date: '2026-01-01' }, { status: 'ended', date: '2026-01-05' }])]), '2026-07-01')).toEqual([]);
  });
});

describe('the agreement in FHIR', () => {
  const a = agreement('a1', [{ status: 'proposed', date: '2026-05-01' }, { status: 'accepted', date: '2026-05-10' }]);

  it('is a valid CarePlan that reads back as the same agreement', () => {
    const resource = agreementResource(a);
    expect(resource).toMatchObject({ resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: 'Patient/p1' }, author: { reference: 'Organization/team-north' } });
    const valid = validateResource(resource);
    expect(valid.ok).toBe(true);
    expect(readAgreement(resource)).toEqual(a);
  });

  it('reads a minimal import by its CarePlan.status and created day', () => {
    const minimal = {
      resourceType: 'CarePlan', id: 'm1', status: 'revoked', intent: 'proposal', created: '2026-03-01', subject: { reference: 'Patient/p1' },
      category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement' }] }],
      author: { reference: 'Organization/team-north' }, contributor: [{ reference: 'Organization/gp-1' }],
      supportingInfo: [{ reference: 'MedicationRequest/p1-lithium' }],
      activity: [{ detail: { status: 'cancelled', code: { coding: [{ system: system.sharedCareTask, code: 'prescribing' }] }, performer: [{ reference: 'Organization/gp-1' }] } }],
    };
    expect(readAgreement(minimal)).toMatchObject({ status: 'declined', history: [{ status: 'declined', date: '2026-03-01' }], responsibilities: [{ task: 'prescribing', performerId: 'gp-1' }] });
    const stated = { ...minimal, extension: [{ url: extension.sharedCareStatus, valueCoding: { system: system.sharedCareStatus, code: 'proposed' } }] };
    expect(readAgreement(stated)?.status).toBe('proposed');
    expect(readAgreement({ ...minimal, category: [] })).toBeUndefined();
    expect(readAgreement({ ...minimal, contributor: [] })).toBeUndefined();
  });

  it('says exactly which tasks each side holds', () => {
    expect(tasksOf(a, 'gp-1')).toEqual(['prescribing', 'lithium-level']);
    expect(tasksOf(a, 'team-north')).toEqual(['renal-function']);
    expect(tasksOf(a, 'gp-2')).toEqual([]);
  });
});

describe('proposing and changing an agreement', () => {
  const base: Proposal = {
    id: 'new', personId: 'p1', prescription: { id: 'p1-lithium', status: 'active', medicine: 'Lithium carbonate' }, practiceId: 'gp-1', specialistTeamId: 'team-north',
    date: '2026-06-01', today: '2026-06-02', responsibilities: [{ task: 'prescribing', holder: 'practice' }, { task: 'lithium-level', holder: 'team' }], existing: [],
  };

  it('makes a proposed agreement with each task held by the practice or the team', () => {
    const checked = proposeAgreement(base);
    expect(checked).toEqual({
      ok: true,
      agreement: expect.objectContaining({ status: 'proposed', history: [{ status: 'proposed', date: '2026-06-01' }], responsibilities: [{ task: 'prescribing', performerId: 'gp-1' }, { task: 'lithium-level', performerId: 'team-north' }] }),
    });
  });

  it('refuses, field by field, what cannot be shared', () => {
    const fields = (over: Partial<Proposal>) => {
      const checked = proposeAgreement({ ...base, ...over });
      return checked.ok ? [] : checked.problems.map((p) => p.field);
    };
    expect(fields({ prescription: undefined })).toEqual(['medicationRequest']);
    expect(fields({ prescription: { id: 'p1-lithium', medicine: 'Lithium carbonate', status: 'stopped' } })).toEqual(['medicationRequest']);
    expect(fields({ existing: [agreement('old', [{ status: 'proposed', date: '2026-05-01' }])] })).toEqual(['medicationRequest']);
    expect(fields({ existing: [agreement('old', [{ status: 'proposed', date: '2026-05-01' }, { status: 'declined', date: '2026-05-02' }])] })).toEqual([]);
    expect(fields({ practiceId: null })).toEqual(['practice']);
    expect(fields({ date: '2026-06-03' })).toEqual(['date']);
    expect(fields({ date: '1 June' })).toEqual(['date']);
    expect(fields({ date: '2026-02-30' })).toEqual(['date']);
    expect(fields({ date: '2026-13-01' })).toEqual(['date']);
    expect(fields({ responsibilities: [{ task: 'lithium-level', holder: 'practice' }] })).toEqual(['responsibilities']);
    expect(fields({ responsibilities: [{ task: 'prescribing', holder: 'gp' }] })).toEqual(['responsibilities.0.holder']);
    expect(fields({ responsibilities: [{ task: 'prescribing', holder: 'team' }, { task: 'prescribing', holder: 'practice' }, { task: 'dancing', holder: 'team' }] })).toEqual(['responsibilities.1.task', 'responsibilities.2.task']);
  });

  it('moves only along the allowed steps, never back in time or into the future', () => {
    const proposed = agreement('a1', [{ status: 'proposed', date: '2026-06-01' }]);
    const accepted = changeAgreementStatus(proposed, { status: 'accepted', date: '2026-06-05', today: '2026-06-05' });
    expect(accepted).toMatchObject({ ok: true, agreement: { status: 'accepted', history: [{ status: 'proposed', date: '2026-06-01' }, { status: 'accepted', date: '2026-06-05' }] } });
    const problems = (a: SharedCareAgreement, status: string, date: string, allowed?: Parameters<typeof changeAgreementStatus>[2]) => {
      const checked = changeAgreementStatus(a, { status, date, today: '2026-06-10' }, allowed);
      return checked.ok ? [] : checked.problems.map((p) => `${p.field} ${p.message}`);
    };
    expect(problems(proposed, 'declined', '2026-05-31')).toEqual(['date must be on or after the last change (proposed on 2026-06-01)']);
    expect(problems(proposed, 'declined', '2026-06-11')).toEqual(['date must not be in the future']);
    expect(problems(proposed, 'ended', '2026-06-02', ['accepted', 'declined'])).toEqual(['status must be one of: accepted, declined (the agreement is proposed)']);
    if (!accepted.ok) throw new Error('accepted');
    expect(problems(accepted.agreement, 'declined', '2026-06-06')).toEqual(['status must be one of: ended (the agreement is accepted)']);
    expect(problems(accepted.agreement, 'ended', '2026-06-06')).toEqual([]);
    const declined = agreement('a1', [{ status: 'proposed', date: '2026-06-01' }, { status: 'declined', date: '2026-06-02' }]);
    expect(problems(declined, 'accepted', '2026-06-06')).toEqual(['status cannot change: the agreement is declined']);
  });
});

describe('the tasks a proposal offers', () => {
  it('follow the monitoring rules for the medicine, with prescribing and the medication review always', () => {
    expect(suggestedTasks([{ system: system.atc, code: 'N05AN01' }])).toEqual(['prescribing', 'lithium-level', 'renal-function', 'thyroid-function', 'medication-review']);
    expect(suggestedTasks([{ system: system.atc, code: 'N05AH02' }])).toEqual(['prescribing', 'full-blood-count', 'weight', 'blood-pressure', 'glucose', 'lipids', 'prolactin', 'medication-review']);
    expect(suggestedTasks([{ system: system.atc, code: 'N06AB06' }])).toEqual(['prescribing', 'medication-review']);
  });
});

describe('a change of status on a stored agreement', () => {
  it('rewrites the status, history and activities and keeps everything else as sent', () => {
    const stored = { ...agreementResource(agreement('a1', [{ status: 'proposed', date: '2026-06-01' }])), note: [{ text: 'Letter sent' }], extension: [{ url: 'https://example.org/other', valueString: 'kept' }] } as Record<string, unknown>;
    const read = readAgreement(stored)!;
    const changed = changeAgreementStatus(read, { status: 'declined', date: '2026-06-03', today: '2026-06-03' });
    if (!changed.ok) throw new Error('declined');
    const written = withAgreementStatus(stored, changed.agreement) as Record<string, any>;
    expect(written).toMatchObject({ status: 'revoked', intent: 'proposal', note: [{ text: 'Letter sent' }] });
    expect(written.extension[0]).toEqual({ url: 'https://example.org/other', valueString: 'kept' });
    expect(written.activity.map((a: any) => a.detail.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(readAgreement(written)).toMatchObject({ status: 'declined', history: [{ status: 'proposed', date: '2026-06-01' }, { status: 'declined', date: '2026-06-03' }] });
  });
});
