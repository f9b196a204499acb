import { describe, expect, it } from 'vitest';
import { buildGpSummary, extension, gpSummaryRules, ICD10, LOINC, SNOMED, system, unresolvedReferences, type GpSummarySources } from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

const BASE = 'https://continuity.example/fhir';
const cara = { reference: 'Patient/cara' };
const names: Record<string, string> = { 'Organization/team-north': 'North CMHT', 'Practitioner/kw-1': 'Grace Okafor', 'Practitioner/dr-2': 'Dr Ahmed' };
const phones: Record<string, string> = { 'Organization/team-north': '0113 496 0000', 'Practitioner/kw-1': '07700 900123' };
const flag = (id: string, category: string, codeSystem: string, code: string, text?: string) => ({
  resourceType: 'Flag', id, status: 'active', subject: cara, period: { start: '2026-04-05' }, category: [{ coding: [{ system: system.flagCategory, code: category }] }], code: { coding: [{ system: codeSystem, code }], ...(text ? { text } : {}) },
});

const sources = (more: Partial<GpSummarySources> = {}): GpSummarySources => ({
  kind: 'discharge',
  documentId: '3f2c1d0e-7b6a-4c59-8e2f-1a2b3c4d5e6f',
  date: '2026-07-01T10:00:00Z',
  base: BASE,
  patient: { resourceType: 'Patient', id: 'cara', meta: { versionId: '3' }, identifier: [{ system: system.nhsNumber, value: '9990004005' }], name: [{ family: 'Okoro', given: ['Cara'] }], generalPractitioner: [{ reference: 'Organization/gp-1' }] },
  practice: { resourceType: 'Organization', id: 'gp-1', name: 'Riverside Surgery' },
  custodian: { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' } },
  author: { resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] },
  episode: {
    resourceType: 'EpisodeOfCare', id: 'cara-now', status: 'finished', patient: cara, managingOrganization: { reference: 'Organization/team-north' }, careManager: { reference: 'Practitioner/kw-1' },
    period: { start: '2025-09-01', end: '2026-06-30' },
    extension: [
      { url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: 'recovered' }] } },
      { url: extension.relapseIndicators, valueString: 'Stops sleeping; hears the radio talking about her' },
      { url: extension.routeBack, valueString: 'GP or Cara may ring the team directly within a year' },
    ],
  },
  reason: 'Recovered: care goals met.',
  followUp: 'Please continue clozapine blood monitoring reminders & review mood at each visit.',
  records: [
    { resourceType: 'Condition', id: 'dx-1', subject: cara, code: { coding: [{ system: ICD10, code: 'F20.0' }], text: 'Paranoid schizophrenia' }, recordedDate: '2024-03-03', recorder: { reference: 'Practitioner/dr-2' } },
    { resourceType: 'Condition', id: 'dx-old', subject: cara, clinicalStatus: { coding: [{ code: 'resolved' }] }, code: { text: 'Adjustment disorder' } },
    { resourceType: 'MedicationRequest', id: 'rx-1', status: 'active', intent: 'order', subject: cara, medicationCodeableConcept: { text: 'Clozapine 100mg tablets' }, dosageInstruction: [{ text: '200mg at night' }], authoredOn: '2026-04-01', requester: { reference: 'Practitioner/dr-2' } },
    { resourceType: 'MedicationRequest', id: 'rx-stopped', status: 'stopped', intent: 'order', subject: cara, medicationCodeableConcept: { text: 'Olanzapine' } },
    flag('cto', 'mha-legal-status', system.mhaLegalStatus, 'cto'),
    flag('s117', 's117-aftercare', system.mhaAftercare, 's117-aftercare'),
    flag('police', 'red-flag', system.redFlag, 'police-contact', 'Section 136 on the bridge'),
    flag('marac', 'red-flag', system.redFlag, 'marac', 'MARAC: address withheld'),
    { resourceType: 'CarePlan', id: 'risk', status: 'active', intent: 'plan', subject: cara, category: [{ coding: [{ system: system.carePlanCategory, code: 'risk-formulation' }] }], description: 'Risk formulation words' },
    { resourceType: 'CarePlan', id: 'crisis', status: 'active', intent: 'plan', subject: cara, created: '2026-05-01', category: [{ coding: [{ system: system.carePlanCategory, code: 'crisis-plan' }] }], description: 'Ring her sister Mia first.' },
  ],
  nameOf: (reference) => names[reference],
  phoneOf: (reference) => phones[reference],
  ...more,
});

const sectionOf = (bundle: Record<string, any>, code: string) => bundle.entry[0].resource.section.find((s: any) => s.code.coding[0].code === code);

describe('the summary to the GP as a FHIR document', () => {
  it('is a document Bundle whose first entry is the Composition, coded with LOINC and SNOMED CT', () => {
    const bundle = buildGpSummary(sources());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document', timestamp: '2026-07-01T10:00:00Z', identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:3f2c1d0e-7b6a-4c59-8e2f-1a2b3c4d5e6f' } });
    const composition = bundle.entry[0].resource;
    expect(composition).toMatchObject({ resourceType: 'Composition', status: 'final', subject: cara, author: [{ reference: 'Practitioner/kw-1' }], custodian: { reference: 'Organization/team-north' }, date: '2026-07-01T10:00:00Z' });
    expect(composition.type.coding).toEqual([{ system: LOINC, code: '18842-5', display: 'Discharge summary' }, { system: SNOMED, code: '373942005', display: 'Discharge summary' }]);
    expect(buildGpSummary(sources({ kind: 'transfer' })).entry[0].resource.type.coding[0]).toEqual({ system: LOINC, code: '18761-7', display: 'Transfer summary note' });
    expect(composition.section.map((s: any) => s.title)).toEqual(gpSummaryRules.sections.map((s) => s.title));
  });

  it('carries every resource it references, and every reference inside resolves within the Bundle', () => {
    const bundle = buildGpSummary(sources());
    expect(bundle.entry.map((e: any) => `${e.resource.resourceType}/${e.resource.id}`)).toEqual([
      'Composition/3f2c1d0e-7b6a-4c59-8e2f-1a2b3c4d5e6f', 'Patient/cara', 'Organization/gp-1', 'Organization/team-north', 'Practitioner/kw-1',
      'EpisodeOfCare/cara-now', 'Condition/dx-1', 'MedicationRequest/rx-1', 'Flag/cto', 'Flag/s117', 'CarePlan/crisis',
    ]);
    expect(bundle.entry.every((e: any) => e.fullUrl === `${BASE}/${e.resource.resourceType}/${e.resource.id}`)).toBe(true);
    expect(unresolvedReferences(bundle)).toEqual([]);
    // A reference to something not carried keeps only its words.
    const condition = bundle.entry.find((e: any) => e.resource.id === 'dx-1').resource;
    expect(condition.recorder).toEqual({ display: 'Dr Ahmed' });
    expect(bundle.entry.find((e: any) => e.resource.id === 'team-north').resource.partOf).toBeUndefined();
    expect(bundle.entry[1].resource.meta).toBeUndefined();
    for (const entry of bundle.entry) expect(fhirR4SchemaErrors(entry.resource), entry.fullUrl).toEqual([]);
    expect(fhirR4SchemaErrors(bundle)).toEqual([]);
  });

  it('finds a reference that does not resolve', () => {
    const bundle = buildGpSummary(sources());
    bundle.entry[6].resource.recorder = { reference: 'Practitioner/dr-2' };
    expect(unresolvedReferences(bundle)).toEqual(['entry[6].resource.recorder.reference: Practitioner/dr-2']);
  });

  it('says each section in words: diagnoses, medicines, legal status and s117, crisis plan, follow-up, contacts', () => {
    const bundle = buildGpSummary(sources());
    const words = (code: string) => sectionOf(bundle, code).text.div as string;
    expect(words('reason')).toContain('Recovered: care goals met.');
    expect(words('reason')).toContain('Care with North CMHT from 1 Sep 2025 to 30 Jun 2026');
    expect(words('diagnoses')).toContain('Paranoid schizophrenia (ICD-10 F20.0), recorded 3 Mar 2024');
    expect(words('diagnoses')).not.toContain('Adjustment disorder');
    expect(words('medications')).toContain('Clozapine 100mg tablets: 200mg at night. Prescribed and supplied by the mental health team since 1 Apr 2026.');
    expect(words('medications')).not.toContain('Olanzapine');
    expect(words('legal')).toContain('Mental Health Act: Section 17A (Community Treatment Order) since 5 Apr 2026.');
    expect(words('legal')).toContain('Entitled to section 117 aftercare since 5 Apr 2026');
    expect(words('crisis-plan')).toContain('Ring her sister Mia first.');
    expect(words('crisis-plan')).toContain('Early signs of relapse: Stops sleeping');
    expect(words('crisis-plan')).toContain('Route back into the service: GP or Cara may ring');
    expect(words('follow-up')).toContain('blood monitoring reminders &amp; review mood');
    expect(words('contacts')).toContain('Team: North CMHT, telephone 0113 496 0000');
    expect(words('contacts')).toContain('Key worker: Grace Okafor, telephone 07700 900123');
    expect(sectionOf(bundle, 'legal').entry).toEqual([{ reference: 'Flag/cto' }, { reference: 'Flag/s117' }]);
  });

  it('never carries red flags, MARAC or MAPPA, the risk formulation, or any risk level', () => {
    const text = JSON.stringify(buildGpSummary(sources()));
    expect(text).not.toMatch(/marac|mappa|Section 136|Risk formulation words/i);
    expect(text).not.toMatch(/risk (level|score)/i);
  });

  it('says so when a section has nothing on record', () => {
    const bundle = buildGpSummary(sources({ records: [] }));
    expect(sectionOf(bundle, 'diagnoses').text.div).toContain('No diagnosis recorded by the mental health service.');
    expect(sectionOf(bundle, 'legal').text.div).toContain('No Mental Health Act status in force');
    expect(sectionOf(bundle, 'diagnoses').entry).toBeUndefined();
    expect(unresolvedReferences(bundle)).toEqual([]);
  });
});
