import { extension, system } from '@continuity/domain';

/**
 * People with shared care agreements the shared-care worklist must judge exactly, as of 30 June
 * 2026 (a proposal is awaited for 14 days, listed on the 15th):
 * - ana (North, Riverside): lithium proposed 1 Jun, no answer: unanswered, 29 days.
 * - ben (North, Riverside): olanzapine proposed 16 Jun: 14 days, still awaited.
 * - cara (South, Riverside): clozapine proposed 1 Apr, declined 20 Apr, still prescribed: declined.
 * - dan (South, Hillside): lithium declined 1 Mar, a new proposal accepted 20 Mar: nothing.
 * - eve (North, Riverside): lithium proposed in January, but the lithium was stopped: nothing.
 * - fay (North, Hillside): risperidone accepted in January: nothing.
 * - gus (South, Hillside): aripiprazole proposed 15 May, unanswered; lithium declined 10 Jun: both.
 * - hal (North, Riverside): an imported agreement with only CarePlan.status `revoked` and
 *   `created` 1 May: declined.
 * - ida (North, Riverside): lithium accepted in February: nothing.
 * Riverside Surgery (gp-1) is asked about ana, ben and eve and holds ida's; Hillside (gp-2) holds
 * fay's and is asked about gus's aripiprazole.
 */
export const AS_OF = '2026-06-30';
export const SHARED_CARE_NHS = {
  ana: '9990003009', ben: '9990003017', cara: '9990003025', dan: '9990003033', eve: '9990003041', fay: '9990003068', gus: '9990003076', hal: '9990003084', ida: '9990003092',
} as const;
type Person = keyof typeof SHARED_CARE_NHS;

const pt = (id: string) => ({ reference: `Patient/${id}` });
const org = (id: string) => ({ reference: `Organization/${id}` });

const patient = (id: Person, family: string, given: string, practice: string) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: SHARED_CARE_NHS[id] }], name: [{ family, given: [given] }],
  gender: 'female', birthDate: '1980-01-01', generalPractitioner: [org(practice)],
});
const episode = (person: Person, team: string) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person), managingOrganization: org(team), period: { start: '2024-01-01' },
});
const prescription = (person: Person, medicine: string, atc: string, text: string, status = 'active') => ({
  resourceType: 'MedicationRequest', id: `${person}-${medicine}`, status, intent: 'order', subject: pt(person), authoredOn: '2025-06-01',
  medicationCodeableConcept: { text, coding: [{ system: system.atc, code: atc, display: text }] },
});

const statusCoding = (code: string) => ({ system: system.sharedCareStatus, code });
const carePlanStatus: Record<string, [string, string, string]> = {
  proposed: ['draft', 'proposal', 'not-started'], accepted: ['active', 'plan', 'in-progress'], declined: ['revoked', 'proposal', 'cancelled'], ended: ['completed', 'plan', 'stopped'],
};

/** An agreement written out as docs/fhir.md ("Shared care agreements") describes it, by hand. */
function agreement(id: string, person: Person, medicine: string, name: string, team: string, practice: string, history: Array<[string, string]>, tasks: Array<[string, 'practice' | 'team']>) {
  const [status, intent, activityStatus] = carePlanStatus[history.at(-1)![0]]!;
  return {
    resourceType: 'CarePlan', id, status, intent, subject: pt(person), created: history[0]![1], title: `Shared care: ${name}`,
    category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement' }] }],
    author: org(team), contributor: [org(practice)], supportingInfo: [{ reference: `MedicationRequest/${person}-${medicine}`, display: name }],
    extension: [
      { url: extension.sharedCareStatus, valueCoding: statusCoding(history.at(-1)![0]) },
      ...history.map(([s, date]) => ({ url: extension.sharedCareStatusChange, extension: [{ url: 'status', valueCoding: statusCoding(s) }, { url: 'date', valueDate: date }] })),
    ],
    activity: tasks.map(([task, holder]) => ({
      detail: { kind: task === 'prescribing' ? 'MedicationRequest' : 'ServiceRequest', code: { coding: [{ system: system.sharedCareTask, code: task }] }, status: activityStatus, performer: [org(holder === 'practice' ? practice : team)] },
    })),
  };
}

const lithiumTasks: Array<[string, 'practice' | 'team']> = [['prescribing', 'practice'], ['lithium-level', 'practice'], ['renal-function', 'team'], ['thyroid-function', 'practice']];
const antipsychoticTasks: Array<[string, 'practice' | 'team']> = [['prescribing', 'practice'], ['weight', 'practice'], ['blood-pressure', 'practice'], ['prolactin', 'team']];

export function sharedCareScenario(): Record<string, Array<Record<string, unknown>>> {
  const gpPractice = (id: string, name: string, ods: string) => ({
    resourceType: 'Organization', id, name, identifier: [{ system: system.odsOrganisation, value: ods }], type: [{ coding: [{ system: system.organisationType, code: 'gp-practice' }] }],
  });
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: org('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: org('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      gpPractice('gp-1', 'Riverside Surgery', 'Y01234'),
      gpPractice('gp-2', 'Hillside Medical Centre', 'Y05678'),
    ],
    Patient: [
      patient('ana', 'Ash', 'Ana', 'gp-1'), patient('ben', 'Birch', 'Ben', 'gp-1'), patient('cara', 'Cedar', 'Cara', 'gp-1'), patient('dan', 'Dogwood', 'Dan', 'gp-2'),
      patient('eve', 'Elm', 'Eve', 'gp-1'), patient('fay', 'Fir', 'Fay', 'gp-2'), patient('gus', 'Gum', 'Gus', 'gp-2'), patient('hal', 'Hazel', 'Hal', 'gp-1'), patient('ida', 'Ivy', 'Ida', 'gp-1'),
    ],
    EpisodeOfCare: [
      episode('ana', 'team-north'), episode('ben', 'team-north'), episode('cara', 'team-south'), episode('dan', 'team-south'), episode('eve', 'team-north'),
      episode('fay', 'team-north'), episode('gus', 'team-south'), episode('hal', 'team-north'), episode('ida', 'team-north'),
    ],
    MedicationRequest: [
      prescription('ana', 'lithium', 'N05AN01', 'Lithium carbonate'),
      prescription('ben', 'olanzapine', 'N05AH03', 'Olanzapine'),
      prescription('cara', 'clozapine', 'N05AH02', 'Clozapine'),
      prescription('dan', 'lithium', 'N05AN01', 'Lithium carbonate'),
      prescription('eve', 'lithium', 'N05AN01', 'Lithium carbonate', 'stopped'),
      prescription('fay', 'risperidone', 'N05AX08', 'Risperidone'),
      prescription('gus', 'aripiprazole', 'N05AX12', 'Aripiprazole'),
      prescription('gus', 'lithium', 'N05AN01', 'Lithium carbonate'),
      prescription('hal', 'quetiapine', 'N05AH04', 'Quetiapine'),
      prescription('ida', 'lithium', 'N05AN01', 'Lithium carbonate'),
    ],
    CarePlan: [
      agreement('ana-sca', 'ana', 'lithium', 'Lithium carbonate', 'team-north', 'gp-1', [['proposed', '2026-06-01']], lithiumTasks),
      agreement('ben-sca', 'ben', 'olanzapine', 'Olanzapine', 'team-north', 'gp-1', [['proposed', '2026-06-16']], antipsychoticTasks),
      agreement('cara-sca', 'cara', 'clozapine', 'Clozapine', 'team-south', 'gp-1', [['proposed', '2026-04-01'], ['declined', '2026-04-20']], antipsychoticTasks),
      agreement('dan-sca-1', 'dan', 'lithium', 'Lithium carbonate', 'team-south', 'gp-2', [['proposed', '2026-02-20'], ['declined', '2026-03-01']], lithiumTasks),
      agreement('dan-sca-2', 'dan', 'lithium', 'Lithium carbonate', 'team-south', 'gp-2', [['proposed', '2026-03-05'], ['accepted', '2026-03-20']], [['prescribing', 'practice'], ['lithium-level', 'team']]),
      agreement('eve-sca', 'eve', 'lithium', 'Lithium carbonate', 'team-north', 'gp-1', [['proposed', '2026-01-10']], lithiumTasks),
      agreement('fay-sca', 'fay', 'risperidone', 'Risperidone', 'team-north', 'gp-2', [['proposed', '2026-01-01'], ['accepted', '2026-01-10']], antipsychoticTasks),
      agreement('gus-sca-aripiprazole', 'gus', 'aripiprazole', 'Aripiprazole', 'team-south', 'gp-2', [['proposed', '2026-05-15']], antipsychoticTasks),
      agreement('gus-sca-lithium', 'gus', 'lithium', 'Lithium carbonate', 'team-south', 'gp-2', [['proposed', '2026-06-01'], ['declined', '2026-06-10']], lithiumTasks),
      {
        resourceType: 'CarePlan', id: 'hal-sca', status: 'revoked', intent: 'proposal', subject: pt('hal'), created: '2026-05-01',
        category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement' }] }],
        author: org('team-north'), contributor: [org('gp-1')], supportingInfo: [{ reference: 'MedicationRequest/hal-quetiapine', display: 'Quetiapine' }],
        activity: [{ detail: { status: 'cancelled', code: { coding: [{ system: system.sharedCareTask, code: 'prescribing' }] }, performer: [org('gp-1')] } }],
      },
      agreement('ida-sca', 'ida', 'lithium', 'Lithium carbonate', 'team-north', 'gp-1', [['proposed', '2026-01-20'], ['accepted', '2026-02-01']], lithiumTasks),
    ],
  };
}

/** The list as of 30 June 2026, exactly: longest waiting first. */
export const expectedItems = [
  {
    patient: { id: 'cara', nhsNumber: SHARED_CARE_NHS.cara },
    reasons: [
      {
        code: 'shared-care-declined',
        text: 'Riverside Surgery declined shared care of Clozapine on 20 Apr (proposed 1 Apr); it is still prescribed and no later agreement has been accepted, so prescribing and monitoring stay with the specialist team.',
        evidence: ['CarePlan/cara-sca', 'MedicationRequest/cara-clozapine'],
      },
    ],
  },
  {
    patient: { id: 'hal', nhsNumber: SHARED_CARE_NHS.hal },
    reasons: [
      {
        code: 'shared-care-declined',
        text: 'Riverside Surgery declined shared care of Quetiapine on 1 May; it is still prescribed and no later agreement has been accepted, so prescribing and monitoring stay with the specialist team.',
        evidence: ['CarePlan/hal-sca', 'MedicationRequest/hal-quetiapine'],
      },
    ],
  },
  {
    patient: { id: 'gus', nhsNumber: SHARED_CARE_NHS.gus },
    reasons: [
      {
        code: 'shared-care-declined',
        text: 'Hillside Medical Centre declined shared care of Lithium carbonate on 10 Jun (proposed 1 Jun); it is still prescribed and no later agreement has been accepted, so prescribing and monitoring stay with the specialist team.',
        evidence: ['CarePlan/gus-sca-lithium', 'MedicationRequest/gus-lithium'],
      },
      {
        code: 'shared-care-unanswered',
        text: 'Shared care of Aripiprazole proposed to Hillside Medical Centre on 15 May, 46 days ago, with no answer (expected within 14 days).',
        evidence: ['CarePlan/gus-sca-aripiprazole', 'MedicationRequest/gus-aripiprazole'],
      },
    ],
  },
  {
    patient: { id: 'ana', nhsNumber: SHARED_CARE_NHS.ana },
    reasons: [
      {
        code: 'shared-care-unanswered',
        text: 'Shared care of Lithium carbonate proposed to Riverside Surgery on 1 Jun, 29 days ago, with no answer (expected within 14 days).',
        evidence: ['CarePlan/ana-sca', 'MedicationRequest/ana-lithium'],
      },
    ],
  },
];
