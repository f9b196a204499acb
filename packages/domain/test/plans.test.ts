import { describe, expect, it } from 'vitest';
import {
  carePlanCategories,
  extension,
  goalTakenOffPlan,
  handoverPacket,
  onlyABand,
  planChanges,
  planKinds,
  planKindCodes,
  readPlan,
  savedSinceMessage,
  system,
  validateResource,
  writePlan,
  type PlanContext,
  type PlanEntry,
} from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

const ID = '0f8e2c1a-6b7d-4e3f-9a2b-1c4d5e6f7a80';
const context = (more: Partial<PlanContext> = {}): PlanContext => ({
  id: ID,
  personId: 'ada',
  today: '2026-11-25',
  author: { practitionerId: 'kw-1', name: 'Grace Okafor' },
  keyWorker: { id: 'kw-1', name: 'Grace Okafor' },
  carers: [{ id: 'ada-mother', name: 'Anne Lovelace' }],
  ...more,
});
const crisis = (more: Partial<PlanEntry> = {}): PlanEntry => ({
  kind: 'crisis-plan',
  sections: [
    { section: 'in-a-crisis', text: ' I stop sleeping and hear the neighbours talking about me. ', personsOwnWords: true },
    { section: 'what-helps', text: 'Ring my mum first.' },
    { section: 'practical', text: '' },
  ],
  madeWithPerson: true,
  carers: ['ada-mother'],
  crisisContact: 'Crisis line 0800 000 0000',
  ...more,
});
const written = (entry: PlanEntry, ctx: PlanContext = context()) => {
  const outcome = writePlan(entry, ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome;
};
const problemsOf = (entry: PlanEntry, ctx: PlanContext = context()) => {
  const outcome = writePlan(entry, ctx);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};

describe('the plan kinds (plans/plan-kinds.ts)', () => {
  it('names every kind as a care plan category, each with its sources and sections written once', () => {
    expect(planKindCodes.sort()).toEqual(['advance-choice', 'care-plan', 'crisis-plan', 'formulation', 'risk-formulation', 'safety-plan']);
    for (const code of planKindCodes) {
      const kind = planKinds[code];
      expect(Object.keys(carePlanCategories)).toContain(code);
      expect(kind.sources.length).toBeGreaterThan(0);
      const codes = kind.sections.map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const section of codes) expect(section).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    expect(planKinds['risk-formulation'].sections.map((s) => s.code)).toEqual(['situations', 'triggers', 'early-warning-signs', 'protective-factors', 'what-helps', 'harm-from-others', 'environment']);
    expect(planKinds['crisis-plan'].sections.map((s) => s.code)).toEqual(['in-a-crisis', 'who-to-contact', 'what-helps', 'what-does-not-help', 'practical']);
    expect(planKinds.formulation.sections.map((s) => s.code)).toEqual(['presenting', 'predisposing', 'precipitating', 'perpetuating', 'protective']);
  });

  it('has no section that is a level, band, score or rating', () => {
    for (const code of planKindCodes) for (const s of planKinds[code].sections) expect(`${s.code} ${s.label}`).not.toMatch(/level|band|score|rating|tier/i);
  });
});

describe('writing a plan (writePlan)', () => {
  it('writes a crisis plan as an R4 CarePlan with its sections in words, the person’s own words marked, and who it was made with', () => {
    const { plan, goals } = written(crisis());
    expect(goals).toEqual([]);
    expect(fhirR4SchemaErrors(plan)).toEqual([]);
    expect(validateResource(plan, 'CarePlan').ok).toBe(true);
    const r = plan as Record<string, any>;
    expect(r).toMatchObject({
      status: 'active',
      intent: 'plan',
      category: [{ coding: [{ system: system.carePlanCategory, code: 'crisis-plan' }] }],
      subject: { reference: 'Patient/ada' },
      period: { start: '2026-11-25' },
      created: '2026-11-25',
      author: { reference: 'Practitioner/kw-1', display: 'Grace Okafor' },
      contributor: [{ reference: 'Patient/ada' }, { reference: 'RelatedPerson/ada-mother', display: 'Anne Lovelace' }, { reference: 'Practitioner/kw-1' }],
    });
    const sections = r.extension.filter((x: any) => x.url === extension.planSection);
    expect(sections).toEqual([
      { url: extension.planSection, extension: [{ url: 'section', valueCode: 'in-a-crisis' }, { url: 'text', valueString: 'I stop sleeping and hear the neighbours talking about me.' }, { url: 'personsOwnWords', valueBoolean: true }] },
      { url: extension.planSection, extension: [{ url: 'section', valueCode: 'what-helps' }, { url: 'text', valueString: 'Ring my mum first.' }, { url: 'personsOwnWords', valueBoolean: false }] },
    ]);
    expect(r.extension).toContainEqual({ url: extension.keyWorker, valueReference: { reference: 'Practitioner/kw-1', display: 'Grace Okafor' } });
    expect(r.extension).toContainEqual({ url: extension.crisisContact, valueString: 'Crisis line 0800 000 0000' });
    expect(r.extension).toContainEqual({ url: extension.lastReviewed, valueDate: '2026-11-25' });
  });

  it('refuses a section the kind does not have, a level or a number instead of words, and names each field', () => {
    expect(problemsOf(crisis({ sections: [{ section: 'risk-level', text: 'high' }] }))).toEqual(['sections.0.section']);
    expect(problemsOf(crisis({ sections: [{ section: 'what-helps', text: 'High' }, { section: 'in-a-crisis', text: '7/10' }, { section: 'practical', text: 'Risk level: low.' }] }))).toEqual(['sections.0.text', 'sections.1.text', 'sections.2.text']);
    expect(problemsOf(crisis({ sections: [{ section: 'what-helps', text: '  ' }] }))).toEqual(['sections']);
    expect(problemsOf(crisis({ sections: [{ section: 'what-helps', text: 'Tea' }, { section: 'what-helps', text: 'Walks' }] }))).toEqual(['sections.1.section']);
    expect(problemsOf(crisis({ sections: [{ section: 'what-helps', text: 'x'.repeat(4001) }] }))).toEqual(['sections.0.text']);
  });

  it('keeps words that mention a level: only a bare level is refused', () => {
    expect(onlyABand('High')).toBe(true);
    expect(onlyABand(' medium risk. ')).toBe(true);
    expect(onlyABand('3')).toBe(true);
    expect(onlyABand('High when he stops sleeping and the voices return')).toBe(false);
    expect(onlyABand('Low mood in winter')).toBe(false);
  });

  it('needs the key worker and a crisis contact named on plans people act on, not on a formulation', () => {
    expect(problemsOf(crisis({ crisisContact: '  ' }), context({ keyWorker: null }))).toEqual(['keyWorker', 'crisisContact']);
    expect(problemsOf({ kind: 'formulation', sections: [{ section: 'presenting', text: 'Low mood since losing her job' }], madeWithPerson: true, carers: [] }, context({ keyWorker: null }))).toEqual([]);
  });

  it('refuses a carer who is not the person’s', () => {
    expect(problemsOf(crisis({ carers: ['someone-else'] }))).toEqual(['carers.0']);
  });

  it('sets the contact frequency only in the care plan, in whole days within the limits', () => {
    const care = (more: Partial<PlanEntry>): PlanEntry => ({ kind: 'care-plan', sections: [{ section: 'what-matters', text: 'Keeping my flat' }], madeWithPerson: true, carers: [], crisisContact: 'Crisis line', contactFrequencyDays: 14, ...more });
    const plan = written(care({})).plan as Record<string, any>;
    expect(plan.extension).toContainEqual({ url: extension.contactFrequency, valueDuration: { value: 14, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' } });
    expect(problemsOf(care({ contactFrequencyDays: null }))).toEqual(['contactFrequencyDays']);
    expect(problemsOf(care({ contactFrequencyDays: '2.5' }))).toEqual(['contactFrequencyDays']);
    expect(problemsOf(care({ contactFrequencyDays: 183 }))).toEqual(['contactFrequencyDays']);
    expect(problemsOf(care({ contactFrequencyDays: '28' }))).toEqual([]);
    expect(problemsOf(crisis({ contactFrequencyDays: 14 }))).toEqual(['contactFrequencyDays']);
    expect(problemsOf(crisis({ goals: ['Stay well'] }))).toEqual(['goals']);
  });

  it('writes new goals as Goals in the person’s words, and keeps a goal whose words are unchanged', () => {
    const entry: PlanEntry = { kind: 'care-plan', sections: [], madeWithPerson: true, carers: [], crisisContact: 'Crisis line', contactFrequencyDays: 28, goals: ['Back to part-time work', ' Join a choir '] };
    const previous = { resourceType: 'CarePlan', id: 'ada-plan', status: 'active', description: 'Agreed at my review.', category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }, { coding: [{ system: system.careIntensity, code: 'standard' }] }], period: { start: '2024-02-15' }, extension: [{ url: 'https://example.org/other', valueString: 'kept' }] };
    const { plan, goals, removedGoals } = written(entry, context({ id: 'ada-plan', previous, previousGoals: [{ id: 'ada-goal', text: 'Back to part-time work' }, { id: 'old-goal', text: 'Move flat' }] }));
    expect(removedGoals).toEqual(['old-goal']);
    expect(goalTakenOffPlan({ resourceType: 'Goal', id: 'old-goal', lifecycleStatus: 'active' })).toEqual({ resourceType: 'Goal', id: 'old-goal', lifecycleStatus: 'cancelled' });
    expect(goalTakenOffPlan({ resourceType: 'Goal', id: 'done', lifecycleStatus: 'completed' })).toBeUndefined();
    const r = plan as Record<string, any>;
    expect(r.goal).toEqual([{ reference: 'Goal/ada-goal', display: 'Back to part-time work' }, { reference: 'Goal/ada-plan-goal-1', display: 'Join a choir' }]);
    expect(goals).toEqual([expect.objectContaining({ resourceType: 'Goal', id: 'ada-plan-goal-1', lifecycleStatus: 'active', description: { text: 'Join a choir' }, subject: { reference: 'Patient/ada' }, startDate: '2026-11-25' })]);
    expect(fhirR4SchemaErrors(goals[0])).toEqual([]);
    // An imported plan keeps what the app does not write: its description, start, other categories and extensions.
    expect(r).toMatchObject({ description: 'Agreed at my review.', period: { start: '2024-02-15' } });
    expect(r.category[1]).toEqual({ coding: [{ system: system.careIntensity, code: 'standard' }] });
    expect(r.extension).toContainEqual({ url: 'https://example.org/other', valueString: 'kept' });
    expect(problemsOf({ ...entry, kind: 'crisis-plan', goals: [], contactFrequencyDays: null }, context({ previous }))).toEqual(['kind']);
  });
});

describe('reading a plan and what changed', () => {
  it('reads back what was written, and shows an imported plan by its description', () => {
    const view = readPlan(written(crisis()).plan)!;
    expect(view).toMatchObject({
      kind: 'crisis-plan',
      label: 'Crisis plan',
      sections: [
        { section: 'in-a-crisis', label: 'What happens in a crisis', personsOwnWords: true },
        { section: 'what-helps', label: 'What helps', text: 'Ring my mum first.', personsOwnWords: false },
      ],
      madeWithPerson: true,
      carers: [{ id: 'ada-mother', name: 'Anne Lovelace' }],
      keyWorker: { id: 'kw-1', name: 'Grace Okafor' },
      crisisContact: 'Crisis line 0800 000 0000',
      lastReviewed: '2026-11-25',
    });
    const imported = readPlan({ resourceType: 'CarePlan', id: 'p1', status: 'active', category: [{ coding: [{ system: system.carePlanCategory, code: 'safety-plan' }] }], description: 'Warning signs: not sleeping.' })!;
    expect(imported).toMatchObject({ kind: 'safety-plan', sections: [], description: 'Warning signs: not sleeping.' });
    expect(readPlan({ resourceType: 'CarePlan', category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement' }] }] })).toBeUndefined();
  });

  it('says which sections changed between versions', () => {
    const first = readPlan(written(crisis()).plan)!;
    expect(planChanges(undefined, first)).toEqual(['First version']);
    const second = readPlan(written(crisis({ sections: [{ section: 'in-a-crisis', text: 'I stop sleeping and hear the neighbours talking about me.', personsOwnWords: true }, { section: 'what-does-not-help', text: 'Police at the door.' }], carers: [] })).plan)!;
    expect(planChanges(first, second)).toEqual(['What helps removed', 'What does not help added', 'Who it was made with changed']);
    expect(planChanges(first, first)).toEqual(['Reviewed with no change']);
  });

  it('hands a plan written in sections over at a transfer of care, the person’s words in quotation marks', () => {
    const packet = handoverPacket([{ resourceType: 'CarePlan', id: ID, resource: written(crisis()).plan }]);
    const items = packet.sections.find((s) => s.code === 'crisis-plan')!.items;
    expect(items.map((i) => i.text)).toEqual(['What happens in a crisis: “I stop sleeping and hear the neighbours talking about me.”\nWhat helps: Ring my mum first.']);
    const imported = handoverPacket([{ resourceType: 'CarePlan', id: 'p1', resource: { resourceType: 'CarePlan', id: 'p1', status: 'active', category: [{ coding: [{ system: system.carePlanCategory, code: 'crisis-plan' }] }], description: 'Call my sister.' } }]);
    expect(imported.sections.find((s) => s.code === 'crisis-plan')!.items.map((i) => i.text)).toEqual(['Call my sister.']);
  });

  it('names who saved since, and when in UK time', () => {
    expect(savedSinceMessage('Crisis plan', 'Grace Okafor', '2026-07-01T13:05:00Z')).toMatch(/^Grace Okafor saved a new version of this crisis plan at 14:05 on 1 July 2026, after the version you opened/);
  });
});
