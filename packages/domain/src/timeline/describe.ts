import { contactModes } from '../fhir/codes.ts';
import { medicationReviewCode } from '../fhir/clinical-codes.ts';
import { conceptText, type CodeableConcept } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { readAgreement } from '../shared-care/agreement.ts';

/** What a timeline row says about one record, in words a clinician would use. */
export interface TimelineText {
  category: TimelineCategory;
  title: string;
  detail?: string;
}

export type TimelineCategory =
  | 'contact'
  | 'admission'
  | 'referral'
  | 'episode'
  | 'diagnosis'
  | 'medicine'
  | 'result'
  | 'plan'
  | 'flag'
  | 'communication'
  | 'family'
  | 'other';

/** Looks up a display name for a reference ("Organization/t1" → "North CMHT"). */
export type NameOf = (reference: string | undefined) => string | undefined;

type R = Record<string, any>;

const medicine = (r: R) => conceptText(r.medicationCodeableConcept) ?? r.medicationReference?.display ?? 'a medicine';
const joinDetail = (...parts: Array<string | undefined | false>) => parts.filter(Boolean).join(' · ') || undefined;
const codeIn = (concepts: CodeableConcept[] | undefined, codeSystem: string) =>
  concepts?.flatMap((c) => c.coding ?? []).find((c) => c.system === codeSystem)?.code;

function appointment(r: R, nameOf: NameOf): TimelineText {
  const mode = codeIn(r.appointmentType ? [r.appointmentType] : undefined, system.contactMode) as keyof typeof contactModes | undefined;
  const staff = (r.participant as R[] | undefined)?.map((p) => p.actor?.reference as string | undefined).find((a) => a?.startsWith('Practitioner/'));
  const detail = joinDetail(mode && contactModes[mode], nameOf(staff));
  const cancelledBy = codeIn(r.cancelationReason ? [r.cancelationReason] : undefined, system.appointmentCancellationReason);
  const titles: Record<string, string> = {
    fulfilled: 'Appointment attended',
    noshow: 'Did not attend appointment',
    booked: 'Appointment booked',
    cancelled: cancelledBy === 'pat' ? 'Appointment cancelled by the person' : cancelledBy === 'prov' ? 'Appointment cancelled by the service' : 'Appointment cancelled',
  };
  return { category: 'contact', title: titles[r.status] ?? `Appointment ${r.status}`, detail };
}

function encounter(r: R, nameOf: NameOf): TimelineText {
  if (r.class?.code === 'IMP') {
    const discharged = r.period?.end ? `discharged ${String(r.period.end).slice(0, 10)}` : 'still in hospital';
    return { category: 'admission', title: 'Admitted to hospital', detail: joinDetail(nameOf(r.serviceProvider?.reference), discharged) };
  }
  const classes: Record<string, string> = { AMB: 'clinic or community', HH: 'home visit', FLD: 'community outreach', VR: 'phone or video', EMER: 'emergency' };
  const staff = (r.participant as R[] | undefined)?.map((p) => p.individual?.reference as string | undefined).find(Boolean);
  const mode = codeIn(r.type, system.contactMode) as keyof typeof contactModes | undefined;
  const isMedicationReview = (r.type as R[] | undefined)?.some((t) => (t.coding as R[] | undefined)?.some((c) => c.system === medicationReviewCode.system && c.code === medicationReviewCode.code));
  const what = isMedicationReview ? 'Medication review' : 'Contact';
  return {
    category: 'contact',
    title: r.status === 'finished' ? what : `${what} ${r.status}`,
    detail: joinDetail(mode && contactModes[mode] ? contactModes[mode] : classes[r.class?.code], nameOf(staff)),
  };
}

const describers: Record<string, (r: R, nameOf: NameOf) => TimelineText> = {
  Appointment: appointment,
  Encounter: encounter,
  EpisodeOfCare: (r, nameOf) => ({
    category: 'episode',
    title: `Episode of care ${r.status === 'finished' ? 'ended' : r.status === 'active' ? 'opened' : r.status}`,
    detail: joinDetail(nameOf(r.managingOrganization?.reference), r.careManager && `key worker ${nameOf(r.careManager.reference) ?? ''}`.trim()),
  }),
  ServiceRequest: (r, nameOf) => ({
    category: 'referral',
    title: `Referral ${({ active: 'waiting', completed: 'seen', revoked: 'declined' } as R)[r.status] ?? r.status}`,
    detail: joinDetail(nameOf(r.performer?.[0]?.reference) && `to ${nameOf(r.performer?.[0]?.reference)}`, nameOf(r.requester?.reference) && `from ${nameOf(r.requester?.reference)}`),
  }),
  Condition: (r) => {
    const coding = r.code?.coding?.find((c: R) => c.system === system.icd10) ?? r.code?.coding?.[0];
    return { category: 'diagnosis', title: `Diagnosis: ${conceptText(r.code) ?? 'not coded'}`, detail: coding?.code };
  },
  MedicationRequest: (r) => ({ category: 'medicine', title: `Prescribed ${medicine(r)}`, detail: r.status === 'active' ? undefined : r.status }),
  MedicationStatement: (r) => {
    const reason = conceptText(r.statusReason?.[0]);
    return { category: 'medicine', title: `${medicine(r)}: ${r.status}`, detail: reason };
  },
  MedicationAdministration: (r) => ({
    category: 'medicine',
    title: r.status === 'not-done' ? `Not given: ${medicine(r)}` : `Given ${medicine(r)}`,
  }),
  Observation: (r) => {
    const q = r.valueQuantity;
    const value = q ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : (r.valueString ?? conceptText(r.valueCodeableConcept) ?? r.valueInteger);
    return { category: 'result', title: conceptText(r.code) ?? 'Observation', detail: value === undefined ? undefined : String(value) };
  },
  QuestionnaireResponse: (r) => ({
    category: 'result',
    title: `Questionnaire completed: ${String(r.questionnaire ?? 'unnamed').split('/').pop()}`,
  }),
  CarePlan: (r, nameOf) => {
    const category = codeIn(r.category, system.carePlanCategory) ?? 'care-plan';
    const agreement = category === 'shared-care-agreement' ? readAgreement(r) : undefined;
    if (agreement) {
      const practice = nameOf(`Organization/${agreement.practiceId}`) ?? 'the GP practice';
      return { category: 'plan', title: `Shared care agreement ${agreement.status}`, detail: `${agreement.medicine} · with ${practice}` };
    }
    return { category: 'plan', title: `${category.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())} ${r.status}`, detail: r.title };
  },
  Goal: (r) => ({ category: 'plan', title: `Goal: ${conceptText(r.description) ?? ''}`, detail: r.lifecycleStatus }),
  Flag: (r) => ({ category: 'flag', title: conceptText(r.code) ?? 'Flag', detail: r.status === 'active' ? undefined : r.status }),
  Communication: (r) => {
    const category = codeIn(r.category, system.communicationCategory);
    const text = (r.payload as R[] | undefined)?.find((p) => p.contentString)?.contentString as string | undefined;
    const title = category === 'carer-concern' ? 'Concern raised by carer or family' : category === 'carer-concern-response' ? 'Response to carer concern' : 'Communication';
    return { category: 'communication', title, detail: text && (text.length > 160 ? `${text.slice(0, 157)}...` : text) };
  },
  Consent: (r) => ({ category: 'other', title: `Consent ${r.status}`, detail: conceptText(r.scope) }),
  RelatedPerson: (r) => {
    const name = r.name?.[0];
    return {
      category: 'family',
      title: `Carer or family member recorded: ${[name?.given?.join(' '), name?.family].filter(Boolean).join(' ') || 'unnamed'}`,
      detail: conceptText(r.relationship?.[0]),
    };
  },
  CareTeam: (r) => ({ category: 'other', title: 'Care team', detail: r.name }),
  // A summary sent to the GP (docs/gp-documents.md): what, and to which practice; the store adds where its delivery is.
  DocumentReference: (r, nameOf) => {
    const practice = (r.extension as R[] | undefined)?.find((x) => x.url === extension.gpDocumentRecipient)?.valueReference as R | undefined;
    return {
      category: 'communication',
      title: `Sent to the GP: ${r.description ?? conceptText(r.type) ?? 'a summary'}`,
      detail: `To ${nameOf(practice?.reference) ?? practice?.display ?? 'the GP practice'}`,
    };
  },
};

export function describeRecord(resourceType: string, resource: R, nameOf: NameOf = () => undefined): TimelineText {
  const describe = describers[resourceType];
  return describe ? describe(resource, nameOf) : { category: 'other', title: resourceType };
}
