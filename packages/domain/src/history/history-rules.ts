/**
 * What a person's longitudinal history gathers, in the order its summary reads (issue 5 part 2,
 * SPEC C3). Source: seed 003 (the SUI themes table: "lack of continuity of care and failure to
 * join-up presentation history", "missed 'red flags' of earlier minor offending", "if families are
 * asking for help, this should be viewed as a potential red flag"), and seed 001 appendix 4.3-4.4
 * (assessment and formulation draw on the whole history across services). Counts are facts about
 * the record, never a score: nothing here weighs one kind against another.
 */
export const historyKinds = {
  admission: { label: 'Admissions', one: 'admission', many: 'admissions' },
  'legal-status': { label: 'Detentions and CTOs', one: 'detention or CTO', many: 'detentions and CTOs' },
  crisis: { label: 'Crises', one: 'contact with a crisis team', many: 'contacts with crisis teams' },
  'red-flag': { label: 'Police contacts and red flags', one: 'red flag', many: 'red flags' },
  concern: { label: 'Concerns from carers and partners', one: 'concern', many: 'concerns' },
  medicine: { label: 'Medicines', one: 'medicine change', many: 'medicine changes' },
  'key-worker': { label: 'Key workers and teams', one: 'key worker', many: 'key workers' },
} as const;

export type HistoryKind = keyof typeof historyKinds;
export const historyKindOrder = Object.keys(historyKinds) as HistoryKind[];

/** The summary counts what happened within this many years before the day it is read (the example in issue 5: "3 admissions in the last 5 years"). */
export const HISTORY_SUMMARY_YEARS = 5;

/** Organisation types (CS/organisation-type) whose contacts and episodes are crises: the crisis and home treatment teams. */
export const crisisOrganisationTypes: readonly string[] = ['crisis'];
