import type { RuleSource } from '../engagement/engagement-rules.ts';
import { LOINC, SNOMED } from '../fhir/clinical-codes.ts';
import { CONTINUITY_BASE } from '../fhir/systems.ts';

/** The code system of the summary's sections, for the headings no international code names. */
export const gpSummarySectionSystem = `${CONTINUITY_BASE}/CodeSystem/gp-summary-section`;

/**
 * The summaries sent to a person's GP practice when they leave the service or move between teams
 * (issue 9, SPEC C12), as FHIR R4 documents: a Bundle of type `document` whose first entry is the
 * Composition. Headings follow the PRSB eDischarge Summary standard and the PRSB Mental Health
 * Discharge information standard where they fit (the GP's own headings: diagnoses, medications,
 * legal information, plan and requested actions, contacts); each section is written in words.
 * Nothing in it is a risk level or score, and no red flag is sent: a GP practice is a partner agency,
 * and MARAC and MAPPA flags never reach one (access/restricted-flags.ts).
 */
export const gpSummaryRules = {
  kinds: {
    discharge: {
      title: 'Discharge summary from the community mental health team',
      type: [
        { system: LOINC, code: '18842-5', display: 'Discharge summary' },
        { system: SNOMED, code: '373942005', display: 'Discharge summary' },
      ],
    },
    transfer: {
      title: 'Transfer of care summary from the community mental health service',
      type: [
        { system: LOINC, code: '18761-7', display: 'Transfer summary note' },
        { system: SNOMED, code: '371535009', display: 'Transfer summary report' },
      ],
    },
  },
  /** The sections, in this order; `loinc` where a LOINC section code means the same. */
  sections: [
    { code: 'reason', title: 'Reason for discharge or transfer', loinc: undefined },
    { code: 'diagnoses', title: 'Diagnoses', loinc: { code: '11450-4', display: 'Problem list - Reported' } },
    { code: 'medications', title: 'Medications, including those supplied by the specialist team', loinc: { code: '10183-2', display: 'Hospital discharge medications Narrative' } },
    { code: 'legal', title: 'Mental Health Act status and section 117 aftercare', loinc: undefined },
    { code: 'crisis-plan', title: 'Crisis and relapse plan', loinc: { code: '18776-5', display: 'Plan of care note' } },
    { code: 'follow-up', title: 'Follow-up asked of the GP', loinc: { code: '8653-8', display: 'Hospital Discharge instructions' } },
    { code: 'contacts', title: 'Key contacts', loinc: { code: '85847-2', display: 'Patient Care team information' } },
  ],
  /** The Flags a summary carries: legal status and s117 only (never red flags or social needs). */
  flagCategories: ['mha-legal-status', 's117-aftercare'] as readonly string[],
  /** Prescription statuses counted as current medicines. */
  currentMedicineStatuses: ['active', 'on-hold'] as readonly string[],
  /**
   * Delivery to the practice's FHIR endpoint: tried at once, then again after each wait in turn;
   * after the last the document stays `failed` with its reason until a clinician sends it again.
   */
  delivery: {
    retryAfterMinutes: [1, 5, 30, 120, 720] as readonly number[],
    timeoutSeconds: 10,
  },
  sources: [
    { source: 'issue 9', says: 'Discharge and transfer summaries can be sent to the GP as FHIR documents' },
    { source: 'FHIR R4 Bundle, "Document" (http://hl7.org/fhir/R4/documents.html)', says: 'the first entry is the Composition; the bundle holds every resource the document references' },
    { source: 'HL7 C-CDA on FHIR Discharge Summary (LOINC 18842-5) and LOINC 18761-7 Transfer summary note', says: 'the document type codes' },
    { source: 'PRSB eDischarge Summary standard; PRSB Mental Health Discharge information standard', says: 'headings: diagnoses, medications and medical devices, legal information (Mental Health Act, s117), plan and requested actions, person completing the record' },
    { source: 'shared/seeds (SPEC C12)', says: 'information sharing between mental health services and GPs fails again and again' },
  ] satisfies RuleSource[],
} as const;

export type GpSummaryKind = keyof typeof gpSummaryRules.kinds;
export type GpSummarySectionCode = (typeof gpSummaryRules.sections)[number]['code'];
