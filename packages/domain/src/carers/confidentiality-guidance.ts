import type { RuleSource } from '../engagement/engagement-rules.ts';

/**
 * What staff see next to a carer's concern about the limits of confidentiality: the one place this
 * text lives (the web shows it beside the concern, docs/carers.md quotes it). The seeds name a
 * misunderstanding of these limits as a barrier to listening to families (003_*), so it is short
 * and says first what is always allowed.
 */
export const confidentialityGuidance = {
  heading: 'Listening to carers and confidentiality',
  points: [
    'Listening to a carer is always allowed and never breaches confidentiality: hear and record their concern whatever the person has agreed may be shared.',
    'What you tell the carer about the person depends on what the person agrees to share with them (shown here). You can always give general information, such as how to reach the team or the crisis line.',
    'Sharing without the person’s consent, where there is a serious risk of harm to them or to others, is a professional judgement: discuss it with a senior colleague or the Caldicott Guardian, and record what you shared, with whom, and why.',
  ],
  sources: [
    {
      source: 'shared/seeds/003_* line ~385, citing Royal College of Psychiatrists, Good psychiatric practice: confidentiality and information sharing (CR209, 2nd edition, 2017)',
      says: 'respecting a person’s wishes about sharing information should not preclude services from gathering information and listening to families’ concerns; clinicians need to be clear about the limits of confidentiality',
    },
    {
      source: 'The Caldicott Principles (National Data Guardian, 2020), cited in shared/seeds/003_* line ~466',
      says: 'the duty to share information for individual care is as important as the duty to protect confidentiality (principle 7); share only what is needed and record the decision',
    },
  ] satisfies RuleSource[],
} as const;
