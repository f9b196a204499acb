import type { RuleSource } from './engagement-rules.ts';

/**
 * The assertive-engagement ladder: what the team does, in order, for a person on the disengaged
 * worklist, and by when. Each step is recorded as a task with an owner and a due date; the default
 * due date is counted in days from the day the person's current disengagement began (see
 * disengaged-since.ts). Change a step or a figure here and the worklist, the person's escalation
 * page and the MDT board follow.
 *
 * Non-attendance is never a reason to close the case (shared/seeds/003_* line ~455): the ladder
 * only ends when contact is re-established or the MDT records a decision (`leavingTheList`).
 */

export type EscalationStepCode = 'contact-another-way' | 'contact-family-carer' | 'home-visit' | 'mdt-review' | 'welfare-check' | 'multi-agency-meeting';

export interface EscalationStep {
  code: EscalationStepCode;
  /** Short name, as on a task list. */
  label: string;
  /** What doing the step means, in plain English. */
  description: string;
  /** Days after the disengagement began by which the step is due, unless its task sets another date. */
  dueAfterDays: number;
  sources: RuleSource[];
}

/** The figures are a local choice: the seeds say what assertive engagement is, not how many days each step takes. */
const LOCAL_TIMING: RuleSource = { source: 'Local choice', says: 'the seeds give no day counts; each step is due within the weekly MDT rhythm of intensive and assertive care. Change dueAfterDays here' };

export const escalationLadder: readonly EscalationStep[] = [
  {
    code: 'contact-another-way',
    label: 'Contact by another method',
    description: 'Try a way of reaching them other than the one that failed: phone, text, letter, or meeting somewhere they go, matched to what works for them.',
    dueAfterDays: 1,
    sources: [
      { source: 'shared/seeds/003_* line ~463', says: 'appointment reminders using different engagement techniques to match the person\'s needs, not limited to written or text reminders' },
      LOCAL_TIMING,
    ],
  },
  {
    code: 'contact-family-carer',
    label: 'Contact family or carer',
    description: 'Speak to their family, friends or carer (with the person\'s consent where it can be sought) about how they are and how to reach them.',
    dueAfterDays: 3,
    sources: [
      { source: 'shared/seeds/003_* lines ~463, 472', says: 'engagement with the individual\'s friends and family where possible, and their views taken into account' },
      LOCAL_TIMING,
    ],
  },
  {
    code: 'home-visit',
    label: 'Home visit',
    description: 'Visit them at home, or where they are known to be, rather than waiting for them to come to clinic.',
    dueAfterDays: 5,
    sources: [
      { source: 'shared/seeds/003_* line ~463', says: 'predominantly community-based outreach; appointments can take place in a public space or the individual\'s home' },
      LOCAL_TIMING,
    ],
  },
  {
    code: 'mdt-review',
    label: 'MDT review',
    description: 'Discuss them at the team\'s MDT: what has been tried, the risks if contact stays lost, and what to do next.',
    dueAfterDays: 7,
    sources: [
      { source: 'shared/seeds/003_* lines ~452, 467', says: 'at least weekly MDT reviews; the entire MDT has a live knowledge of the patient' },
      { source: 'shared/seeds/003_* line ~455', says: 'staff continue to proactively engage during periods where engagement is challenging; any discharge decision is clearly recorded' },
      LOCAL_TIMING,
    ],
  },
  {
    code: 'welfare-check',
    label: 'Welfare check',
    description: 'Ask for a check that they are safe and well when the team cannot reach them: through the police or a mental health response vehicle, under local policy.',
    dueAfterDays: 10,
    sources: [
      { source: 'shared/seeds/003_* line ~966 (ICB self-assessment)', says: 'policies describe links with emergency services such as the police and mental health response vehicles' },
      { source: 'shared/seeds/000_* line ~124', says: 'disengagement and not receiving treatment as planned stand out in NCISH studies of harm' },
      LOCAL_TIMING,
    ],
  },
  {
    code: 'multi-agency-meeting',
    label: 'Multi-agency meeting',
    description: 'Bring in the other agencies involved (housing, social care, substance use, police, MARAC or MAPPA where they apply) to share what is known and agree a plan.',
    dueAfterDays: 21,
    sources: [
      { source: 'shared/seeds/003_* line ~472', says: 'multiagency frameworks (MARAC, MAPPA) to be deployed as appropriate' },
      { source: 'shared/seeds/003_* line ~906 (ICB self-assessment)', says: 'a forum to discuss complex cases across organisational boundaries (police, housing, homeless services, ambulance, substance use)' },
      LOCAL_TIMING,
    ],
  },
];

/**
 * When a person leaves the disengaged worklist. Contact re-established needs nothing here: an
 * attended contact ends the finding in the engagement rules. An MDT decision takes the person off
 * the list only when it was made on or after the day the current disengagement began (a decision
 * about an earlier spell out of contact says nothing about this one), and only until its review
 * date: from the day after the review date, if there is still no contact, the person is back on
 * the list. Nobody is parked for ever.
 */
export const leavingTheList = {
  sources: [
    { source: 'Issue 4 (escalation ladder)', says: 'the item leaves the list only when contact is re-established or the MDT records a decision' },
    { source: 'shared/seeds/003_* line ~455', says: 'DNA should never be used as a reason for discharge; care is time-unlimited with a "no drop out" policy (line ~858)' },
    { source: 'Local choice', says: 'a decision carries a review date and stands through that day; the day after, with still no contact, the person returns to the list' },
  ] satisfies RuleSource[],
} as const;

export const escalationStepCodes = escalationLadder.map((s) => s.code) as readonly EscalationStepCode[];

export function escalationStep(code: string): EscalationStep | undefined {
  return escalationLadder.find((s) => s.code === code);
}
