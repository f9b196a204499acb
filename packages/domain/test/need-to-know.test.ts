import { describe, expect, it } from 'vitest';
import { extension, needToKnowPlans, system, type HistoryEvent } from '../src/index.ts';

const category = (code: string) => [{ coding: [{ system: system.carePlanCategory, code }] }];
const section = (code: string, text: string, personsOwnWords?: boolean) => ({
  url: extension.planSection,
  extension: [{ url: 'section', valueCode: code }, { url: 'text', valueString: text }, ...(personsOwnWords === undefined ? [] : [{ url: 'personsOwnWords', valueBoolean: personsOwnWords }])],
});

const riskFormulation = {
  id: 'rf-2',
  status: 'active',
  category: category('risk-formulation'),
  created: '2026-05-01',
  extension: [section('protective-factors', 'Her sister.'), section('early-warning-signs', 'I stop sleeping and hear the radio talking about me.', true), section('triggers', 'Court dates.')],
};
const crisisPlans = [
  { id: 'cp-old', status: 'active', category: category('crisis-plan'), created: '2025-01-01', description: 'Old plan.' },
  { id: 'cp-new', status: 'active', category: category('crisis-plan'), created: '2025-02-01', description: 'Call the crisis line; ask for Grace.' },
  { id: 'cp-revoked', status: 'revoked', category: category('crisis-plan'), created: '2026-01-01', description: 'Withdrawn.' },
];
const episodes = [
  { id: 'e1', status: 'finished', period: { start: '2020-01-01', end: '2021-01-01' }, extension: [{ url: extension.relapseIndicators, valueString: 'Older signs.' }] },
  { id: 'e2', status: 'finished', period: { start: '2022-01-01', end: '2023-03-01' }, extension: [{ url: extension.relapseIndicators, valueString: 'Stops answering the door.' }] },
];

describe('the need-to-know page\'s plans', () => {
  it('reads the latest active plan of each kind, sections in order with the person\'s own words marked', () => {
    const page = needToKnowPlans([...crisisPlans, riskFormulation], episodes, [], []);
    expect(page.riskFormulation).toEqual({
      id: 'rf-2',
      kind: 'risk-formulation',
      title: null,
      date: '2026-05-01',
      description: null,
      sections: [
        { code: 'early-warning-signs', heading: 'Early warning signs (relapse signature)', text: 'I stop sleeping and hear the radio talking about me.', personsOwnWords: true },
        { code: 'triggers', heading: 'Triggers', text: 'Court dates.', personsOwnWords: false },
        { code: 'protective-factors', heading: 'Protective factors', text: 'Her sister.', personsOwnWords: false },
      ],
    });
    // Without sections, the plan is its description.
    expect(page.crisisPlan).toMatchObject({ id: 'cp-new', sections: [], description: 'Call the crisis line; ask for Grace.' });
    expect(page.relapseSignature).toEqual({ text: 'I stop sleeping and hear the radio talking about me.', personsOwnWords: true, source: 'risk-formulation', reference: 'CarePlan/rf-2', date: '2026-05-01' });
  });

  it('takes the relapse signature from the latest discharge when there is no risk formulation', () => {
    const page = needToKnowPlans(crisisPlans, episodes, [], []);
    expect(page.riskFormulation).toBeNull();
    expect(page.relapseSignature).toEqual({ text: 'Stops answering the door.', personsOwnWords: false, source: 'discharge', reference: 'EpisodeOfCare/e2', date: '2023-03-01' });
    expect(needToKnowPlans([], [], [], []).relapseSignature).toBeNull();
  });

  it('lists what must not be missed: active red flags, unanswered carers\' concerns and other active alerts', () => {
    const history: HistoryEvent[] = [
      { kind: 'red-flag', date: '2026-03-09', ongoing: true, title: 'Police contact', words: 'Section 136', reference: 'Flag/police' },
      { kind: 'red-flag', date: '2020-03-09', ongoing: false, title: 'Arrested', reference: 'Flag/old' },
      { kind: 'concern', date: '2026-03-01', title: 'Concern raised by a carer or family member', detail: 'not answered', words: 'Not sleeping.', reference: 'Communication/c1' },
      { kind: 'concern', date: '2026-02-01', title: 'Concern raised by a carer or family member', detail: 'answered', reference: 'Communication/c0' },
    ];
    const flags = [
      { id: 'allergy', status: 'active', code: { text: 'Allergic to penicillin' }, period: { start: '2020-01-01' } },
      { id: 'mha', status: 'active', category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }] },
      { id: 'ended', status: 'inactive', code: { text: 'Old alert' } },
    ];
    expect(needToKnowPlans([], [], flags, history).mustNotMiss).toEqual([
      { kind: 'red-flag', title: 'Police contact', words: 'Section 136', since: '2026-03-09', reference: 'Flag/police' },
      { kind: 'concern', title: 'Concern raised by a carer or family member', words: 'Not sleeping.', since: '2026-03-01', reference: 'Communication/c1' },
      { kind: 'alert', title: 'Allergic to penicillin', since: '2020-01-01', reference: 'Flag/allergy' },
    ]);
  });
});
