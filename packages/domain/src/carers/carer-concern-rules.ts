import type { RuleSource } from '../engagement/engagement-rules.ts';
import { CONTINUITY_BASE } from '../fhir/systems.ts';

/**
 * The carers' concerns rules: how soon a concern from a carer or family member must be answered,
 * the ways a concern reaches the team, and the outcomes a response records. The `carer-concerns`
 * worklist, the forms, their texts and tests follow these figures; docs/carers.md has the same
 * rules for readers.
 */

export type CarerConcernReasonCode = 'carer-concern-unanswered';

export const carerConcernRules = {
  unanswered: {
    code: 'carer-concern-unanswered' as CarerConcernReasonCode,
    /**
     * A response is due this many hours after the concern was received: a concern answered at the
     * 72nd hour exactly is answered in time; a minute later it is overdue. An installation may set
     * another figure (`responseHoursSetting`); the default is this one.
     */
    responseWithinHours: 72,
    sources: [
      {
        source: 'Issue 5 part 4 (carers and families)',
        says: 'a carer’s concern is a red flag: a response is due within 72 hours of when it was received, and the concern is listed until it is answered',
      },
      {
        source: 'shared/seeds/003_* line ~385 (“Lack of, or poor involvement of carers or family members”)',
        says: 'if families are asking for help, this should be viewed as a potential red flag: services must listen and get involved',
      },
      {
        source: 'shared/seeds/000_* line ~245; SPEC principle 4',
        says: 'families and carers want to be involved and heard; every concern raised by a carer is logged, triaged and answered, and its handling is auditable',
      },
    ] satisfies RuleSource[],
  },
  /** The environment variable that sets responseWithinHours for one installation (docs/carers.md). */
  responseHoursSetting: 'CONTINUITY_CARER_RESPONSE_HOURS',
  /** A setting outside these is refused at start-up: an hour at least, four weeks at most. */
  responseHoursRange: { min: 1, max: 672 },
  /** The longest concern or response kept, in characters: a long phone call written down. */
  wordsMaxLength: 4000,
} as const;

/** Communication.medium for a concern (docs/fhir.md): the platform's channel code, and HL7's ParticipationMode where one fits. */
export const concernChannelSystem = `${CONTINUITY_BASE}/CodeSystem/carer-concern-channel`;
export const participationModeSystem = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode';

/** How a concern reached the team, as a list says it; `mode` is the HL7 v3 ParticipationMode code sent alongside, when there is one. */
export const concernChannels = {
  phone: { label: 'Phone call', says: 'by phone', mode: 'PHONE' },
  portal: { label: 'Carers’ portal (online message)', says: 'through the carers’ portal', mode: 'ONLINEWRIT' },
  partner: { label: 'Passed on by a partner agency', says: 'passed on by a partner agency', mode: undefined },
  'in-person': { label: 'In person', says: 'in person', mode: 'FACE' },
  email: { label: 'Email', says: 'by email', mode: 'EMAILWRIT' },
  letter: { label: 'Letter', says: 'by letter', mode: 'MAILWRIT' },
} as const;

export type ConcernChannel = keyof typeof concernChannels;

/** A response's outcome (extension SD/carer-concern-outcome, system CS/carer-concern-outcome). */
export const concernOutcomeSystem = `${CONTINUITY_BASE}/CodeSystem/carer-concern-outcome`;
export const concernOutcomeExtension = `${CONTINUITY_BASE}/StructureDefinition/carer-concern-outcome`;

export const concernOutcomes = {
  'advice-given': 'Listened and gave advice or information',
  'plan-changed': 'Care plan changed',
  'contact-arranged': 'Contact with the person arranged',
  escalated: 'Escalated (senior clinician, crisis team or safeguarding)',
  'no-action-needed': 'Listened; no change needed',
} as const;

export type ConcernOutcome = keyof typeof concernOutcomes;

/**
 * The hours a response is due within, from the installation's setting when it has one: a whole
 * number of hours in `responseHoursRange`. A setting that is not one is an error to fix, not a
 * figure to guess at, so it throws with the setting's name.
 */
export function responseHoursFrom(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return carerConcernRules.unanswered.responseWithinHours;
  const { min, max } = carerConcernRules.responseHoursRange;
  const hours = Number(setting.trim());
  if (!/^\d+$/.test(setting.trim()) || hours < min || hours > max) {
    throw new Error(`${carerConcernRules.responseHoursSetting} must be a whole number of hours from ${min} to ${max}, not "${setting}"`);
  }
  return hours;
}
