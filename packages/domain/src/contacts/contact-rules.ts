/**
 * Recording a contact in the app: how each way of meeting and each outcome is written as FHIR, and
 * the limits on what is entered. The conventions are the ones imported contacts already follow
 * (docs/fhir.md, "Appointment and Encounter (contacts)"), so the engagement rules, the timeline and
 * the caseload read a contact recorded here exactly as one sent by another system.
 *
 * Type imports only: the web app takes the labels from this file by path.
 */
import type { RuleSource } from '../engagement/engagement-rules.ts';

/** CS/contact-mode codes (codes.ts contactModes), each with the Encounter class docs/fhir.md gives it. */
export const contactModeClasses = {
  clinic: 'AMB',
  'home-visit': 'HH',
  outreach: 'FLD',
  phone: 'VR',
  video: 'VR',
} as const;
export type ContactMode = keyof typeof contactModeClasses;

/**
 * What happened (issue 4, part 2: attended / did not attend / cancelled by person / cancelled by
 * service). An attended contact is a finished Encounter; the others are Appointments that did not
 * become contacts, with the status and cancellation reason docs/fhir.md gives them.
 */
export const contactOutcomes = {
  attended: { label: 'Attended: the contact happened', recorded: 'Attended contact', appointmentStatus: undefined, cancelationReason: undefined },
  'did-not-attend': { label: 'Did not attend (DNA)', recorded: 'Missed appointment (did not attend)', appointmentStatus: 'noshow', cancelationReason: undefined },
  'cancelled-by-person': { label: 'Cancelled by the person', recorded: 'Appointment cancelled by the person', appointmentStatus: 'cancelled', cancelationReason: 'pat' },
  'cancelled-by-service': { label: 'Cancelled by the service', recorded: 'Appointment cancelled by the service', appointmentStatus: 'cancelled', cancelationReason: 'prov' },
} as const;
export type ContactOutcome = keyof typeof contactOutcomes;

export const contactRecording = {
  /**
   * A short note on the contact, not the clinical record of it: long enough for "seen at his
   * sister's, says he is sleeping better", short enough to stay a note.
   */
  noteMaxLength: 1000,
  sources: [
    { source: 'Issue 4, part 2 (contacts)', says: 'appointments and contacts (clinic, home visit, community outreach, phone, video), attended / DNA / cancelled by person / cancelled by service, imported from FHIR and entered in the UI' },
    { source: 'docs/fhir.md, "Appointment and Encounter (contacts)"', says: 'noshow is a DNA; cancelled with cancelationReason pat or prov; a finished Encounter is an attended contact, class AMB/HH/FLD/VR, the contact mode in type[]' },
  ] satisfies RuleSource[],
} as const;
