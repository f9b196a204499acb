/**
 * Themes an incident, complaint or compliment is filed under, so that learning can be seen across
 * them over time (SPEC C17). They are the 26 context-mechanism-outcome configurations (CMOCs) of
 * the CQC's rapid review of community mental health care: seed
 * `/work/shared/seeds/000_b83605d2d4dcf47e.txt`, Table 3 (lines 329-472), each the review's "related
 * theme" heading with its line. Codes are `cmoc-N` after the review's numbering, so a theme keeps its
 * code if its wording here is shortened.
 */
export const incidentThemes = {
  'cmoc-1': { line: 333, label: 'Lack of data around public safety risk' },
  'cmoc-2': { line: 338, label: 'Risks during transitions and integration points' },
  'cmoc-3': { line: 343, label: 'Patients falling through gaps due to narrow referral criteria' },
  'cmoc-4': { line: 349, label: 'Access and timeliness of care linked to patient safety' },
  'cmoc-5': { line: 355, label: 'Digital divide as a safety risk' },
  'cmoc-6': { line: 361, label: 'Perverse incentives leading to lack of patient involvement' },
  'cmoc-7': { line: 367, label: 'Diffuse accountability leading to abdication of responsibility' },
  'cmoc-8': { line: 373, label: 'Not actively listening: complaints and feedback not used to avoid harm' },
  'cmoc-9': { line: 378, label: 'Blame culture and fear of responsibility and backlash' },
  'cmoc-10': { line: 383, label: 'Risk assessment tools and standardisation processes becoming tick-box exercises' },
  'cmoc-11': { line: 389, label: 'Acceptance of safety risks as inevitable' },
  'cmoc-12': { line: 395, label: 'Coercion exacerbating mental health issues' },
  'cmoc-13': { line: 401, label: 'Tension between coercion and risk avoidance' },
  'cmoc-14': { line: 407, label: 'Need for personalised, contextualised care' },
  'cmoc-15': { line: 412, label: 'Medication risks to physical health' },
  'cmoc-16': { line: 417, label: 'Overlooking environmental risks around patients' },
  'cmoc-17': { line: 422, label: 'Inaccessible crisis care leading to immediate safety risks' },
  'cmoc-18': { line: 427, label: 'Prioritisation and gatekeeping when resources are scarce' },
  'cmoc-19': { line: 433, label: 'Services not meeting diverse access needs' },
  'cmoc-20': { line: 439, label: 'Fears and negative perceptions leading to delayed help-seeking' },
  'cmoc-21': { line: 443, label: 'Resource pressures affecting prescribing behaviours through (unconscious) bias' },
  'cmoc-22': { line: 448, label: 'Epistemic injustices leading to patient disengagement' },
  'cmoc-23': { line: 453, label: 'Lack of whole-system evaluation limits effectiveness of mental health crisis care' },
  'cmoc-24': { line: 458, label: 'Insufficient patient co-production and involvement' },
  'cmoc-25': { line: 463, label: 'Staff seeing little impact because of social determinants and resource pressures' },
  'cmoc-26': { line: 468, label: 'Smaller cost-neutral changes achievable locally' },
} as const satisfies Record<string, { line: number; label: string }>;
export type IncidentTheme = keyof typeof incidentThemes;

/** What is recorded: serious incidents, complaints and compliments (SPEC C17; 003_* domain 12, line 1037). */
export const incidentKinds = {
  'serious-incident': 'Serious incident',
  complaint: 'Complaint',
  compliment: 'Compliment',
} as const;
export type IncidentKind = keyof typeof incidentKinds;

export const incidentStatuses = {
  open: 'Open: learning under way',
  closed: 'Closed',
} as const;
export type IncidentStatus = keyof typeof incidentStatuses;
