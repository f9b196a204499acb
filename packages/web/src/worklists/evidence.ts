/** Record references ("Encounter/c1") in the words clinicians use for those records. */
const KINDS: Record<string, string> = {
  Appointment: 'Appointment',
  Encounter: 'Contact',
  EpisodeOfCare: 'Episode of care',
  ServiceRequest: 'Referral',
  CarePlan: 'Care plan',
  MedicationRequest: 'Prescription',
  MedicationStatement: 'Medicine statement',
  MedicationAdministration: 'Injection record',
  Condition: 'Diagnosis',
  EngagementTask: 'Escalation task',
  EngagementDecision: 'MDT decision',
  Observation: 'Result',
  Flag: 'Flag',
  Communication: 'Concern',
  Patient: 'Personal details',
};

export function evidenceLabel(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return reference;
  const type = reference.slice(0, slash);
  return `${KINDS[type] ?? type} ${reference.slice(slash + 1)}`;
}

/** The id a record's row has on the person's record (timeline.tsx), so evidence can link to it. */
export function evidenceAnchor(reference: string): string {
  return `record-${reference.replace('/', '-')}`;
}

/** Where a piece of evidence is shown: its row in the person's timeline (the Patient: the top of the record). */
export function evidencePath(personId: string, reference: string): string {
  const record = `/people/${encodeURIComponent(personId)}`;
  return reference.startsWith('Patient/') ? record : `${record}#${evidenceAnchor(reference)}`;
}
