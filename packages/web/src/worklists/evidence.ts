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
};

export function evidenceLabel(reference: string): string {
  const slash = reference.indexOf('/');
  if (slash < 0) return reference;
  const type = reference.slice(0, slash);
  return `${KINDS[type] ?? type} ${reference.slice(slash + 1)}`;
}
