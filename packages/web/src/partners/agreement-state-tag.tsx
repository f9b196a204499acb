import type { SharingAgreement } from './partner-types.ts';

const states: Record<SharingAgreement['state'], { text: string; colour: string }> = {
  draft: { text: 'Draft: not sharing', colour: 'grey' },
  'not-started': { text: 'Not started', colour: 'grey' },
  live: { text: 'Live', colour: 'green' },
  'review-due': { text: 'Review due soon', colour: 'orange' },
  'review-overdue': { text: 'Review overdue: not sharing', colour: 'red' },
  ended: { text: 'Ended', colour: 'grey' },
};

/** Where an agreement stands today, as a tag: one past its review date shares nothing until reviewed. */
export function AgreementStateTag({ state }: { state: SharingAgreement['state'] }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${states[state].colour}`}>{states[state].text}</strong>;
}
