import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { prepareRecord, writeRecords, type Store } from '@continuity/store';
import { ctoLegalStatus, extension, system } from '@continuity/domain';
import { signIn } from './signed-in-app.ts';
import { addPartnerAccounts, partnerOrganisations } from './partners-scenario.ts';

/**
 * A valid request for every write route over the foundation scenario, made by a user who may use
 * it, and the records the routes act on. The write fuzz mutates these; the authorization matrix
 * sends them as every role.
 */
/** One request each write route accepts over the foundation scenario, made by a user with access. */
export interface Example {
  user: 'keyworker' | 'manager' | 'prescriber' | 'admin' | 'gp' | 'police';
  params: Record<string, string>;
  body: Record<string, unknown>;
}

/** Write routes with nothing to fuzz, and why. Every other write route must have an example. */
export const NOT_FUZZED: Record<string, string> = {
  'DELETE /api/session': 'takes no input: signing out always succeeds',
  'DELETE /fhir/$export-status/:job': 'takes no input but the id of the caller’s own export, which it discards',
};

export const day = '2026-01-10';

/** Made before fuzzing (so the routes that act on them get past "not found"); ids filled in then. */
export const made = { taskId: '', transferId: '', agreementId: '', agreementVersion: 1, token: '', assetId: '', communityReferralId: '', actionId: '', incidentId: '', sharingAgreementId: '', sharingWishId: '', partnerConcernFlagId: '' };

/** A live agreement sharing Ada with the police (prepareWriteScenario makes it; the examples change or copy it). */
const sharingAgreement = {
  title: 'Police and mental health liaison', purpose: 'Welfare checks.', legalBasis: 'crime-and-disorder', partners: ['police-1'],
  categories: ['identity', 'key-worker-and-team', 'red-flags'], startDate: '2026-01-01', reviewDate: '2027-06-30', status: 'active',
};

export function examples(): Record<string, Example> {
  return {
    'POST /api/session': { user: 'admin', params: {}, body: { username: 'nobody-by-this-name', password: 'not-a-password' } },
    'POST /api/people/:id/contacts': { user: 'keyworker', params: { id: 'ada' }, body: { contactId: randomUUID(), date: day, time: '10:00', mode: 'face-to-face', outcome: 'attended', episode: 'ada-episode', note: 'Seen at home.' } },
    'POST /api/people/:id/results': { user: 'keyworker', params: { id: 'ada' }, body: { resultId: randomUUID(), test: '14334-7', date: day, value: 0.6 } },
    'POST /api/people/:id/discharge': { user: 'keyworker', params: { id: 'ada' }, body: { episode: 'ada-episode', version: 1, reason: 'recovered', mdtDecisionDate: day, relapseIndicators: 'Sleeping less.', harmsIfMissed: 'Self-neglect.', routeBack: 'Call the team.' } },
    // Ada's episode is still open in this scenario: the writers get past the gate to a 409 (not discharged).
    'POST /api/people/:id/gp-summary': { user: 'keyworker', params: { id: 'ada' }, body: { episode: 'ada-episode', followUp: 'Please review her mood at each visit.' } },
    // No such summary: the writers get past the gate to a 404.
    'POST /api/people/:id/gp-summary/:documentId/send-again': { user: 'keyworker', params: { id: 'ada', documentId: '0b7f6a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b' }, body: { version: 1 } },
    // Riverside Surgery as imported (version 1): the first valid change is stored, near-misses after it are stale (409).
    'PUT /api/gp-practices/:practiceId/document-endpoint': { user: 'admin', params: { practiceId: 'gp-1' }, body: { version: 1, endpoint: 'https://fhir.riverside.example/R4' } },
    'POST /api/people/:id/break-glass': { user: 'keyworker', params: { id: 'ben' }, body: { reason: 'Crisis call out of hours, known to be at risk' } },
    'POST /api/people/:id/medicines': { user: 'prescriber', params: { id: 'ada' }, body: { prescriptionId: randomUUID(), medicine: 'Lithium carbonate', dose: '400mg at night', date: day, intervalDays: null } },
    'POST /api/people/:id/medicines/:medicineId/stop': { user: 'prescriber', params: { id: 'ada', medicineId: 'ada-clozapine' }, body: { version: 1, date: day, reason: 'Neutropenia.' } },
    'POST /api/people/:id/medicines/:medicineId/statements': { user: 'keyworker', params: { id: 'ada', medicineId: 'ada-clozapine' }, body: { statementId: randomUUID(), kind: 'stopped-against-advice', date: day, note: 'Says it makes her tired.' } },
    'POST /api/people/:id/medicines/:medicineId/injections': { user: 'keyworker', params: { id: 'ada', medicineId: 'ada-clozapine' }, body: { administrationId: randomUUID(), outcome: 'given', date: day, time: '09:30' } },
    'POST /api/referrals': { user: 'manager', params: {}, body: { referralId: randomUUID(), personId: 'ben', source: 'gp', date: day, priority: 'routine', reason: 'Low mood for months; not sleeping.', referrer: 'Dr Patel' } },
    'POST /api/people/:id/referrals/:referralId/triage': { user: 'manager', params: { id: 'ada', referralId: 'ada-referral' }, body: { version: 1, outcome: 'accepted', date: day, teamId: 'team-north' } },
    'POST /api/people/:id/referrals/:referralId/check-ins': { user: 'keyworker', params: { id: 'ada', referralId: 'ada-referral' }, body: { checkInId: randomUUID(), date: day, note: 'Still waiting, coping.' } },
    'POST /api/people/:id/escalation/tasks': { user: 'keyworker', params: { id: 'ada' }, body: { step: 'home-visit', ownerId: 'demo-keyworker', due: day } },
    'POST /api/people/:id/escalation/tasks/:taskId/complete': { user: 'keyworker', params: { id: 'ada', taskId: made.taskId }, body: { version: 1, outcome: 'Visited; she is well.' } },
    'POST /api/people/:id/escalation/tasks/:taskId/cancel': { user: 'keyworker', params: { id: 'ada', taskId: made.taskId }, body: { version: 1, reason: 'Back in touch.' } },
    'POST /api/people/:id/escalation/decisions': { user: 'keyworker', params: { id: 'ada' }, body: { decidedOn: day, decision: 'Keep trying by letter.', reviewOn: '2026-02-10' } },
    'POST /api/people/:id/transfers': { user: 'keyworker', params: { id: 'ada' }, body: { episode: 'ada-episode', receivingTeam: 'team-south', reason: 'Moved to the south of the county.' } },
    'POST /api/people/:id/transfers/:transferId/accept': { user: 'keyworker', params: { id: 'ada', transferId: made.transferId }, body: { version: 1, keyWorker: 'kw-1' } },
    'POST /api/people/:id/transfers/:transferId/decline': { user: 'keyworker', params: { id: 'ada', transferId: made.transferId }, body: { version: 1, declineReason: 'We do not cover that address.' } },
    'POST /api/people/:id/transfers/:transferId/withdraw': { user: 'keyworker', params: { id: 'ada', transferId: made.transferId }, body: { version: 1 } },
    'POST /api/people/:id/physical-health/invitations': { user: 'keyworker', params: { id: 'ada' }, body: { invitationId: randomUUID(), date: day, method: 'letter', note: 'Posted.' } },
    'POST /api/people/:id/shared-care': { user: 'prescriber', params: { id: 'ada' }, body: { agreementId: randomUUID(), medicationRequest: 'ada-clozapine', date: day, responsibilities: [{ task: 'prescribing', holder: 'practice' }, { task: 'full-blood-count', holder: 'team' }] } },
    'POST /api/people/:id/shared-care/:agreementId/status': { user: 'prescriber', params: { id: 'ada', agreementId: made.agreementId }, body: { status: 'ended', date: day, version: made.agreementVersion } },
    'POST /api/shared-care/practice/:agreementId/answer': { user: 'gp', params: { agreementId: made.agreementId }, body: { status: 'accepted', date: day, version: made.agreementVersion } },
    'POST /api/people/:id/mha/ctos/:flag/events': { user: 'keyworker', params: { id: 'ada', flag: 'ada-cto' }, body: { version: 1, kind: 'renewal', date: day, expires: '2026-12-01' } },
    'POST /api/people/:id/outcomes': { user: 'keyworker', params: { id: 'ada' }, body: { measureId: randomUUID(), instrument: 'phq-9', date: day, answers: { 1: 1, 2: 1, 3: 0, 4: 2, 5: 1, 6: 0, 7: 1, 8: 0, 9: 0 } } },
    'POST /api/people/:id/measure-links': { user: 'keyworker', params: { id: 'ada' }, body: { instrument: 'dialog' } },
    'POST /api/measure-links/:token': { user: 'keyworker', params: { token: made.token }, body: { answers: { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4, 9: 4, 10: 4, 11: 4 } } },
    'POST /api/people/:id/carers': { user: 'keyworker', params: { id: 'ada' }, body: { carerId: randomUUID(), relationship: 'SIS', givenName: 'Ava', familyName: 'Lovelace', phone: '07700 900123', involvement: 'informed', sharing: 'limited', mainCarer: false } },
    'POST /api/people/:id/carers/:carerId/sharing': { user: 'keyworker', params: { id: 'ada', carerId: 'ada-mother' }, body: { version: 1, sharing: 'full' } },
    'POST /api/people/:id/carers/:carerId/main-carer': { user: 'keyworker', params: { id: 'ada', carerId: 'ada-mother' }, body: { version: 1 } },
    'POST /api/people/:id/carers/:carerId/end': { user: 'keyworker', params: { id: 'ada', carerId: 'ada-mother' }, body: { version: 1, date: day, reason: 'carer-asked' } },
    'POST /api/people/:id/carer-concerns': { user: 'keyworker', params: { id: 'ada' }, body: { concernId: randomUUID(), carerId: 'ada-mother', channel: 'phone', date: day, time: '10:00', words: 'She is not sleeping.' } },
    'POST /api/people/:id/carer-concerns/:concernId/responses': { user: 'keyworker', params: { id: 'ada', concernId: 'ada-carer-concern' }, body: { responseId: randomUUID(), outcome: 'advice-given', words: 'Called her back.', date: day, time: '11:00' } },
    'POST /api/people/:id/plans': { user: 'keyworker', params: { id: 'ada' }, body: { planId: randomUUID(), kind: 'crisis-plan', sections: [{ section: 'what-helps', text: 'Ring my mum first.', personsOwnWords: true }], madeWithPerson: true, carers: ['ada-mother'], coProducedWith: 'Her advocate', crisisContact: 'Crisis line 0800 123 4567' } },
    'POST /api/people/:id/plans/:planId': { user: 'keyworker', params: { id: 'ada', planId: 'ada-plan' }, body: { version: 1, sections: [{ section: 'what-matters', text: 'Keeping my flat.' }], madeWithPerson: true, carers: [], crisisContact: 'Crisis line', contactFrequencyDays: 14, goals: ['Back to part-time work'] } },
    'POST /api/people/:id/care-intensity': { user: 'keyworker', params: { id: 'ada' }, body: { episodeId: 'ada-episode', episodeVersion: 1, intensity: 'intensive', reason: 'Readmitted twice this year; needs weekly contact.', decidedOn: day } },
    'POST /api/community-assets': { user: 'keyworker', params: {}, body: { assetId: randomUUID(), name: 'Harbour Walking Group', kind: 'vcse', needs: ['physical-activity'], postcode: 'BS1 4DJ', languages: ['English'], maintainerId: 'team-north' } },
    'POST /api/community-assets/:assetId': { user: 'keyworker', params: { assetId: made.assetId }, body: { version: 1, name: 'Riverside Peer Support', kind: 'peer-support', needs: ['peer-support'], postcode: 'BS1 4DJ', maintainerId: 'gp-1' } },
    'POST /api/community-assets/import': { user: 'manager', params: {}, body: { csv: 'external_id,name,kind,needs,postcode,maintainer\nwalks-1,Walking group,vcse,physical-activity,BS2 0AA,team-north\n' } },
    'POST /api/community-assets/postcodes/import': { user: 'manager', params: {}, body: { csv: 'postcode,latitude,longitude\nBS2 0AA,51.463,-2.57\n' } },
    'POST /api/people/:id/community-referrals': { user: 'keyworker', params: { id: 'ada' }, body: { referralId: randomUUID(), assetId: made.assetId, need: 'peer-support', reason: 'Would like to meet others who hear voices.' } },
    'POST /api/community-assets/referrals/:referralId': { user: 'gp', params: { referralId: made.communityReferralId }, body: { status: 'accepted', version: 1 } },
    'POST /api/governance/self-assessment/:questionId': { user: 'manager', params: { questionId: '11.1' }, body: { version: 0, rating: 'action-in-hand', category: 'essential', comments: 'Policy in draft.' } },
    'POST /api/governance/actions': { user: 'manager', params: {}, body: { domain: 11, questionId: '11.1', finding: 'No written policy.', action: 'Write the DNA policy.', owner: 'Head of community services', due: day, status: 'open', evidence: null } },
    'POST /api/governance/actions/:actionId': { user: 'manager', params: { actionId: made.actionId }, body: { version: 1, domain: 11, action: 'Write the DNA policy.', owner: 'Head of community services', due: day, status: 'done', evidence: 'https://intranet.example/policies/dna' } },
    'POST /api/governance/incidents': { user: 'manager', params: {}, body: { kind: 'complaint', personId: 'ada', teamId: 'team-north', occurredOn: day, summary: 'Appointment cancelled with no new one offered.', themes: ['cmoc-4', 'cmoc-8'] } },
    'POST /api/governance/incidents/:incidentId': { user: 'manager', params: { incidentId: made.incidentId }, body: { version: 1, kind: 'serious-incident', personId: 'ada', teamId: 'team-north', occurredOn: day, summary: 'Readmitted in crisis.', themes: ['cmoc-2'], status: 'closed' } },
    'POST /api/teams/:teamId/cover': { user: 'manager', params: { teamId: 'team-north' }, body: { absentPractitionerId: 'kw-1', coveringPractitionerId: 'kw-2', from: day, to: '2026-01-20', reason: 'Leave.' } },
    'POST /api/sharing-agreements': { user: 'admin', params: {}, body: { agreementId: randomUUID(), ...sharingAgreement, title: 'Peer support', partners: ['vcse-1'], legalBasis: 'consent' } },
    'POST /api/sharing-agreements/:agreementId': { user: 'admin', params: { agreementId: made.sharingAgreementId }, body: { version: 1, ...sharingAgreement, reviewDate: '2027-12-31' } },
    'POST /api/people/:id/sharing': { user: 'keyworker', params: { id: 'ada' }, body: { consentId: randomUUID(), organisationId: 'vcse-1', decision: 'agreed', objections: ['contact'], date: day } },
    'POST /api/people/:id/sharing/:consentId': { user: 'keyworker', params: { id: 'ada', consentId: made.sharingWishId }, body: { version: 1, decision: 'declined', objections: [], date: day, linked: true } },
    'POST /api/partner/people/:id/concerns': { user: 'police', params: { id: 'ada' }, body: { concernId: randomUUID(), words: 'Found her at the bridge at 2am, distressed.' } },
    'POST /api/people/:id/partner-concerns/:flagId/acknowledge': { user: 'keyworker', params: { id: 'ada', flagId: made.partnerConcernFlagId }, body: { version: 1, response: 'Visited the next morning.' } },
    'POST /fhir/:type': { user: 'keyworker', params: { type: 'Observation' }, body: { resourceType: 'Observation', status: 'final', code: { coding: [{ system: system.loinc, code: '29463-7' }] }, subject: { reference: 'Patient/ada' }, effectiveDateTime: day, valueQuantity: { value: 70, unit: 'kg', system: system.ucum, code: 'kg' } } },
    // Sent without If-Match, as the fuzz sends no headers: refused (428) before the body is stored.
    'PUT /fhir/:type/:id': { user: 'keyworker', params: { type: 'Patient', id: 'ada' }, body: { resourceType: 'Patient', id: 'ada', name: [{ use: 'official', family: 'Lovelace', given: ['Ada'] }] } },
  };
}

/** The routes under /api and /fhir the app registers with these methods, as "METHOD /path", read from Fastify's route tree. */
export function registeredRoutes(app: FastifyInstance, methods: readonly string[]): string[] {
  const found: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    for (const method of match[3]!.split(', ')) {
      if (methods.includes(method) && (path.startsWith('/api/') || path.startsWith('/fhir/'))) found.push(`${method} ${path}`);
    }
  }
  return found.sort();
}

export const writeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * Signs in the users the examples use and makes what the routes act on: an escalation task, a
 * transfer, a shared care proposal, a Community Treatment Order, a measure link, a governance action and an incident, filling `made`.
 */
export async function prepareWriteScenario(app: FastifyInstance, store: Store, cookies: Record<string, string>): Promise<void> {
  // The demo GP answers for Ada's practice (the demo picks the practice with most proposals, and this scenario has none yet).
  await store.db.updateTable('app_user').set({ organisation_id: 'gp-1' }).where('username', '=', 'gp').execute();
  // Two partner organisations with an account each: the police, linked to Ada under a live agreement, and a VCSE service linked to nobody.
  await writeRecords(store.db, partnerOrganisations.map((resource) => prepareRecord({ type: 'Organization', id: resource.id, resource: resource as never })));
  await addPartnerAccounts(store);
  for (const user of ['keyworker', 'manager', 'prescriber', 'admin', 'gp', 'police']) cookies[user] = await signIn(app, user);
  const post = (user: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: { cookie: cookies[user]! }, payload });
  const task = await post('keyworker', '/api/people/ada/escalation/tasks', { step: 'home-visit', ownerId: 'demo-keyworker', due: day });
  made.taskId = String(task.json().id);
  const transfer = await post('keyworker', '/api/people/ada/transfers', { episode: 'ada-episode', receivingTeam: 'team-south', reason: 'Moved to the south of the county.' });
  made.transferId = String(transfer.json().id);
  // A proposal for the GP to answer, a Community Treatment Order to renew, and a person's own measure link.
  const agreementId = randomUUID();
  const proposal = await post('prescriber', '/api/people/ada/shared-care', { agreementId, medicationRequest: 'ada-clozapine', date: day, responsibilities: [{ task: 'prescribing', holder: 'practice' }, { task: 'full-blood-count', holder: 'team' }] });
  if (proposal.statusCode !== 201) throw new Error(`shared care proposal: ${proposal.statusCode} ${proposal.body}`);
  made.agreementId = agreementId;
  const cto = { resourceType: 'Flag', id: 'ada-cto', status: 'active', subject: { reference: 'Patient/ada' }, period: { start: '2025-12-01' },
    category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }], code: { coding: [{ system: system.mhaLegalStatus, code: ctoLegalStatus }] },
    extension: [{ url: extension.reviewDue, valueDate: '2026-05-31' }] };
  await writeRecords(store.db, [prepareRecord({ type: 'Flag', id: 'ada-cto', personId: 'ada', resource: cto as never })]);
  const link = await post('keyworker', '/api/people/ada/measure-links', { instrument: 'dialog' });
  made.token = String(link.json().link.path).replace('/measure/', '');
  // A community asset kept by the GP's organisation, and a referral to it for the partner to answer.
  made.assetId = randomUUID();
  const asset = await post('keyworker', '/api/community-assets', { assetId: made.assetId, name: 'Riverside Peer Support', kind: 'peer-support', needs: ['peer-support'], postcode: 'BS1 4DJ', maintainerId: 'gp-1' });
  if (asset.statusCode !== 201) throw new Error(`community asset: ${asset.statusCode} ${asset.body}`);
  made.communityReferralId = randomUUID();
  const referral = await post('keyworker', '/api/people/ada/community-referrals', { referralId: made.communityReferralId, assetId: made.assetId, need: 'peer-support', reason: 'Would like to meet others.' });
  if (referral.statusCode !== 201) throw new Error(`community referral: ${referral.statusCode} ${referral.body}`);
  const action = await post('manager', '/api/governance/actions', { domain: 11, action: 'Write the DNA policy.', owner: 'Head of community services', due: day });
  made.actionId = String(action.json().id);
  const incident = await post('manager', '/api/governance/incidents', { kind: 'serious-incident', teamId: 'team-north', occurredOn: day, summary: 'Readmitted in crisis.' });
  made.incidentId = String(incident.json().id);
  made.sharingAgreementId = randomUUID();
  const agreement = await post('admin', '/api/sharing-agreements', { agreementId: made.sharingAgreementId, ...sharingAgreement });
  if (agreement.statusCode !== 201) throw new Error(`sharing agreement: ${agreement.statusCode} ${agreement.body}`);
  made.sharingWishId = randomUUID();
  const wish = await post('keyworker', '/api/people/ada/sharing', { consentId: made.sharingWishId, organisationId: 'police-1', decision: 'agreed', date: day });
  if (wish.statusCode !== 201) throw new Error(`sharing wishes: ${wish.statusCode} ${wish.body}`);
  const concernId = randomUUID();
  const concern = await post('police', '/api/partner/people/ada/concerns', { concernId, words: 'Seen in distress at the station.' });
  if (concern.statusCode !== 201) throw new Error(`partner concern: ${concern.statusCode} ${concern.body}`);
  made.partnerConcernFlagId = String(concern.json().concern.flagId);
}
