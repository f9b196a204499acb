import { describe, expect, it } from 'vitest';
import {
  auditDischarge,
  checkTransition,
  decideTransferRead,
  endedInAcceptedTransfer,
  extension,
  handoverPacket,
  ICD10,
  refuseTransferStep,
  restrictedFlagRules,
  system,
  transferEpisodes,
  transferRules,
  type PacketSource,
  type TransferAccessContext,
} from '@continuity/domain';

const pt = { reference: 'Patient/p1' };
const plan = (id: string, category: string, more: Record<string, unknown> = {}): PacketSource => ({
  resourceType: 'CarePlan',
  id,
  resource: { resourceType: 'CarePlan', id, status: 'active', intent: 'plan', subject: pt, category: [{ coding: [{ system: system.carePlanCategory, code: category }] }], ...more },
});
const flag = (id: string, category: string, codeSystem: string, code: string, more: Record<string, unknown> = {}): PacketSource => ({
  resourceType: 'Flag',
  id,
  resource: { resourceType: 'Flag', id, status: 'active', subject: pt, category: [{ coding: [{ system: system.flagCategory, code: category }] }], code: { coding: [{ system: codeSystem, code }] }, ...more },
});

const everything: PacketSource[] = [
  plan('cp1', 'care-plan', { title: 'My care plan', description: 'Weekly contact; help with housing.', created: '2026-01-10', author: { reference: 'Practitioner/kw-1' }, extension: [{ url: extension.lastReviewed, valueDate: '2026-05-01' }] }),
  plan('cp0', 'care-plan', { status: 'completed', created: '2024-01-10' }),
  plan('sp1', 'safety-plan', { description: 'Warning signs: not sleeping.', created: '2026-01-12' }),
  plan('cr1', 'crisis-plan', { description: 'Call the crisis team; mum has a key.', created: '2026-01-12' }),
  plan('rf1', 'risk-formulation', { description: 'Risk rises when he stops clozapine and uses cannabis.', created: '2026-02-01' }),
  { resourceType: 'Encounter', id: 'adm1', resource: { resourceType: 'Encounter', id: 'adm1', status: 'finished', class: { code: 'IMP' }, subject: pt, period: { start: '2025-03-01', end: '2025-04-02' }, serviceProvider: { reference: 'Organization/trust' } } },
  { resourceType: 'Encounter', id: 'con1', resource: { resourceType: 'Encounter', id: 'con1', status: 'finished', class: { code: 'AMB' }, subject: pt, period: { start: '2026-05-01' } } },
  flag('mha1', 'mha-legal-status', system.mhaLegalStatus, '03', { status: 'inactive', period: { start: '2025-03-01', end: '2025-04-02' } }),
  flag('rf-police', 'red-flag', system.redFlag, 'police-contact', { code: { coding: [{ system: system.redFlag, code: 'police-contact' }], text: 'Arrested for shoplifting, 2019' }, period: { start: '2019-06-01' } }),
  { resourceType: 'RelatedPerson', id: 'mum', resource: { resourceType: 'RelatedPerson', id: 'mum', patient: pt, name: [{ given: ['Ann'], family: 'Lee' }], relationship: [{ coding: [{ system: system.v3RoleCode, code: 'MTH' }] }], telecom: [{ system: 'phone', value: '07700 900123' }], extension: [{ url: extension.isMainCarer, valueBoolean: true }, { url: extension.informationSharing, valueCodeableConcept: { coding: [{ system: system.informationSharing, code: 'limited' }] } }] } },
  { resourceType: 'MedicationRequest', id: 'clz', resource: { resourceType: 'MedicationRequest', id: 'clz', status: 'active', intent: 'order', subject: pt, medicationCodeableConcept: { text: 'Clozapine 100mg tablets' }, authoredOn: '2025-04-01', dosageInstruction: [{ text: '300mg at night' }] } },
  { resourceType: 'MedicationRequest', id: 'old', resource: { resourceType: 'MedicationRequest', id: 'old', status: 'stopped', intent: 'order', subject: pt, medicationCodeableConcept: { text: 'Olanzapine' } } },
];

const names = (reference: string | undefined) => ({ 'Practitioner/kw-1': 'Grace Okafor', 'Organization/trust': 'Northshire Trust' })[reference ?? ''] as string | undefined;

describe('the handover packet', () => {
  it('lists each section from the records it came from, current plans and prescriptions only, with the whole history', () => {
    const packet = handoverPacket(everything, names);
    expect(packet.missing).toEqual([]);
    expect(packet.sections.map((s) => [s.code, s.items.map((i) => i.reference)])).toEqual([
      ['care-plan', ['CarePlan/cp1']],
      ['safety-plan', ['CarePlan/sp1']],
      ['crisis-plan', ['CarePlan/cr1']],
      ['risk-formulation', ['CarePlan/rf1']],
      ['history', ['Encounter/adm1', 'Flag/mha1', 'Flag/rf-police']],
      ['carers', ['RelatedPerson/mum']],
      ['medicines', ['MedicationRequest/clz']],
    ]);
    const section = (code: string) => packet.sections.find((s) => s.code === code)!;
    expect(section('care-plan').items[0]).toEqual({ reference: 'CarePlan/cp1', title: 'My care plan', detail: 'last reviewed 2026-05-01 · by Grace Okafor', text: 'Weekly contact; help with housing.', date: '2026-01-10' });
    expect(section('history').items).toEqual([
      { reference: 'Encounter/adm1', title: 'Admitted to hospital', detail: 'Northshire Trust · discharged 2025-04-02', date: '2025-03-01' },
      { reference: 'Flag/mha1', title: 'Mental Health Act: Section 3 (admission for treatment)', detail: 'ended 2025-04-02', date: '2025-03-01' },
      { reference: 'Flag/rf-police', title: 'Police contact', detail: 'current', text: 'Arrested for shoplifting, 2019', date: '2019-06-01' },
    ]);
    expect(section('carers').items).toEqual([{ reference: 'RelatedPerson/mum', title: 'Ann Lee', detail: 'Mother · main carer · phone 07700 900123 · limited information sharing agreed' }]);
    expect(section('medicines').items).toEqual([{ reference: 'MedicationRequest/clz', title: 'Prescribed Clozapine 100mg tablets', text: '300mg at night', date: '2025-04-01' }]);
  });

  it('says plainly which required sections are missing, and which others are empty', () => {
    const packet = handoverPacket([everything[0]!]);
    expect(packet.missing).toEqual([
      { section: 'safety-plan', message: transferRules.packetSections['safety-plan'].missing },
      { section: 'crisis-plan', message: transferRules.packetSections['crisis-plan'].missing },
      { section: 'risk-formulation', message: transferRules.packetSections['risk-formulation'].missing },
    ]);
    expect(packet.missing[0]!.message).toMatch(/^No safety plan on record/);
    const history = packet.sections.find((s) => s.code === 'history')!;
    expect(history).toMatchObject({ items: [], none: 'No hospital admissions, Mental Health Act detentions or red flags on record.' });
    expect(history.missing).toBeUndefined();
  });

  it('hands over a MARAC or MAPPA flag as the fact that one exists and whom to ask, never what it says', () => {
    const marac = flag('rf-marac', 'red-flag', system.redFlag, 'marac', {
      code: { coding: [{ system: system.redFlag, code: 'marac' }], text: 'Discussed at MARAC 3 March: partner is the alleged perpetrator' },
      period: { start: '2026-03-03' },
    });
    const packet = handoverPacket([...everything, marac], names);
    const history = packet.sections.find((s) => s.code === 'history')!.items;
    expect(history.find((i) => i.reference === 'Flag/rf-marac')).toEqual({ reference: 'Flag/rf-marac', title: restrictedFlagRules.withheldText, detail: 'current', date: '2026-03-03' });
    expect(JSON.stringify(packet)).not.toMatch(/MARAC|perpetrator/);
    expect(history.find((i) => i.reference === 'Flag/rf-police')?.text).toBe('Arrested for shoplifting, 2019');
  });

  it('does not count a plan that is no longer active', () => {
    const packet = handoverPacket([plan('sp-old', 'safety-plan', { status: 'completed' }), plan('cp', 'care-plan')]);
    expect(packet.missing.map((m) => m.section)).toEqual(['safety-plan', 'crisis-plan', 'risk-formulation']);
  });
});

describe('transfer transitions', () => {
  const proposed = { status: 'proposed' as const, outOfArea: false };
  it('moves a proposed transfer to accepted, declined or withdrawn', () => {
    expect(checkTransition(proposed, 'accept')).toEqual({ allowed: true, to: 'accepted' });
    expect(checkTransition(proposed, 'decline', { declineReason: 'Not in our area' })).toEqual({ allowed: true, to: 'declined' });
    expect(checkTransition(proposed, 'withdraw')).toEqual({ allowed: true, to: 'withdrawn' });
  });

  it('refuses any step on a settled transfer as a conflict', () => {
    for (const status of ['accepted', 'declined', 'withdrawn'] as const) {
      for (const action of ['accept', 'decline', 'withdraw'] as const) {
        const check = checkTransition({ status, outOfArea: false }, action, { declineReason: 'x' });
        expect(check).toMatchObject({ allowed: false, conflict: true });
      }
    }
  });

  it('needs a reason to decline, and the receiving service’s confirmation to accept out of area', () => {
    expect(checkTransition(proposed, 'decline', { declineReason: '   ' })).toMatchObject({ allowed: false, conflict: false, problems: [{ field: 'declineReason' }] });
    const outOfArea = { status: 'proposed' as const, outOfArea: true };
    expect(checkTransition(outOfArea, 'accept', {})).toMatchObject({ allowed: false, problems: [{ field: 'confirmedBy' }, { field: 'confirmedOn' }] });
    expect(checkTransition(outOfArea, 'accept', { confirmedBy: 'Dr Shah, Leeds CMHT', confirmedOn: '2026-06-01' })).toEqual({ allowed: true, to: 'accepted' });
  });
});

describe('who may read and decide a transfer', () => {
  const base: TransferAccessContext = { role: 'team-manager', userTeams: ['south'], receivingTeamId: 'south', pending: true, hasRecordAccess: false };
  it('lets the receiving team read the packet while the offer stands, and not after', () => {
    expect(decideTransferRead(base)).toEqual({ allowed: true, basis: 'transfer-offer' });
    expect(decideTransferRead({ ...base, role: 'key-worker' })).toEqual({ allowed: true, basis: 'transfer-offer' });
    expect(decideTransferRead({ ...base, pending: false }).allowed).toBe(false);
    expect(decideTransferRead({ ...base, userTeams: ['east'] }).allowed).toBe(false);
    expect(decideTransferRead({ ...base, role: 'crisis-line' }).allowed).toBe(false);
    expect(decideTransferRead({ ...base, userTeams: ['north'], hasRecordAccess: true })).toEqual({ allowed: true, basis: 'record' });
  });

  it('lets the receiving team manager decide, the sending team withdraw and confirm out of area', () => {
    expect(refuseTransferStep('accept', base)).toBeUndefined();
    expect(refuseTransferStep('decline', base)).toBeUndefined();
    expect(refuseTransferStep('accept', { ...base, role: 'key-worker' })).toMatch(/team manager of the receiving team decides/);
    expect(refuseTransferStep('withdraw', base)).toMatch(/sending team/);
    const sender = { ...base, userTeams: ['north'], hasRecordAccess: true, role: 'key-worker' as const };
    expect(refuseTransferStep('withdraw', sender)).toBeUndefined();
    expect(refuseTransferStep('accept', sender)).toMatch(/Only the receiving team/);
    expect(refuseTransferStep('accept', { ...sender, receivingTeamId: null })).toBeUndefined();
    expect(refuseTransferStep('decline', { ...sender, receivingTeamId: null })).toMatch(/out of area/);
  });
});

describe('the episodes an accepted transfer writes', () => {
  const sending = {
    resourceType: 'EpisodeOfCare', id: 'eoc-1', status: 'active', patient: pt, managingOrganization: { reference: 'Organization/north' }, careManager: { reference: 'Practitioner/kw-1' },
    type: [{ coding: [{ system: system.careIntensity, code: 'intensive' }] }], period: { start: '2024-05-01' },
  };
  it('finishes the sending episode as transferred and opens the receiving one with the same intensity', () => {
    const { finished, opened } = transferEpisodes(sending, { day: '2026-06-30', acceptedBy: 'Sam Manager', acceptedAt: '2026-06-30T10:00:00.000Z', receivingTeamId: 'south', newEpisodeId: 'toc-1-eoc', keyWorkerId: 'kw-9' });
    expect(finished).toMatchObject({ status: 'finished', period: { start: '2024-05-01', end: '2026-06-30' }, careManager: { reference: 'Practitioner/kw-1' } });
    expect(finished.extension).toEqual([
      { url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: 'transferred' }] } },
      { url: extension.transferOfCare, extension: [
        { url: 'receivingEpisode', valueReference: { reference: 'EpisodeOfCare/toc-1-eoc' } },
        { url: 'receivingTeam', valueReference: { reference: 'Organization/south' } },
        { url: 'acceptedBy', valueString: 'Sam Manager' },
        { url: 'accepted', valueDateTime: '2026-06-30T10:00:00.000Z' },
      ] },
    ]);
    expect(opened).toEqual({
      resourceType: 'EpisodeOfCare', id: 'toc-1-eoc', extension: [{ url: extension.transferredFrom, valueReference: { reference: 'EpisodeOfCare/eoc-1' } }], status: 'active',
      type: sending.type, patient: pt, managingOrganization: { reference: 'Organization/south' }, period: { start: '2026-06-30' }, careManager: { reference: 'Practitioner/kw-9' },
    });
    expect(endedInAcceptedTransfer(finished)).toBe(true);
    expect(endedInAcceptedTransfer({ ...sending, status: 'finished' })).toBe(false);
  });

  it('is not a discharge for the discharge audit; a transfer recorded as a discharge still is', () => {
    const psychosis = [{ id: 'c1', codings: [{ system: ICD10, code: 'F20.0' }] }];
    expect(auditDischarge({ episodeId: 'eoc-1', reason: 'transferred', end: '2026-06-30', acceptedTransfer: true }, psychosis)).toEqual([]);
    expect(auditDischarge({ episodeId: 'eoc-1', reason: 'transferred', end: '2026-06-30' }, psychosis).map((r) => r.code)).toEqual(['no-mdt-decision', 'no-relapse-indicators', 'no-harms-if-missed', 'no-route-back']);
  });

  it('out of area, names the receiving service and opens nothing here', () => {
    const { finished, opened } = transferEpisodes(sending, { day: '2026-06-30', acceptedBy: 'Dr Shah', acceptedAt: '2026-06-29', receivingService: 'Leeds East CMHT' });
    expect(opened).toBeUndefined();
    expect(endedInAcceptedTransfer(finished)).toBe(true);
  });
});
