/**
 * Entering medicines in the app (issue 6 part 1): which medicines can be prescribed here, the limits
 * on a long-acting injection's interval, and why an injection may not have been given. One place a
 * clinician can review; the checks are in prescribe-medicine.ts and record-injection.ts.
 *
 * Type imports only: the web app takes the labels from this file by path.
 */
import type { RuleSource } from '../engagement/engagement-rules.ts';

export const medicineEntry = {
  /** A dose instruction is a line of text ("800 mg modified-release tablets at night"), not a note. */
  doseMaxLength: 200,
  /** Why a prescriber stopped a medicine, or what the person said, in words: long enough to say it. */
  reasonMaxLength: 500,
  /**
   * A long-acting injection's prescribed interval may not be shorter than the product's licensed
   * maintenance interval (`injectionIntervalDays` in clinical-codes.ts) and not longer than this.
   */
  longestInjectionIntervalDays: 91,
  /** Why an injection due was not given (MedicationAdministration.statusReason, status not-done). */
  notGivenReasons: {
    declined: 'Declined by the person',
    'not-seen': 'Not seen: did not attend or could not be found',
    'not-available': 'Injection not available',
    'clinical-decision': 'Withheld on clinical advice',
  },
  sources: [
    { source: 'Issue 6 part 1', says: 'current and past medicines per person, entered in the UI; long-acting injections with due dates and administrations; "stopped against advice" recorded and fed to the engagement and intensive-review rules' },
    { source: '/work/shared/SPEC.md, "What the seeds found": 000_* line ~1152', says: 'long-acting injections were given more often than the licensed interval (19 of 30): a prescribed interval shorter than the licence is refused, and doses given sooner are shown' },
    { source: 'BNF monographs: paliperidone palmitate, aripiprazole prolonged-release, zuclopenthixol decanoate', says: 'licensed maintenance intervals of 28, 28 and 14 days (up to 4 weeks for zuclopenthixol); 3-monthly paliperidone is the longest licensed interval, hence 91 days' },
  ] satisfies RuleSource[],
} as const;

export type NotGivenReason = keyof typeof medicineEntry.notGivenReasons;
