import { communicationCategories, flagCategories, redFlags } from '../fhir/clinical-codes.ts';
import { extension, system } from '../fhir/systems.ts';
import { sharingRules } from './sharing-rules.ts';

export interface PartnerConcern {
  /** Made by the form, so sending twice raises one concern; the Flag's id is derived from it. */
  id: string;
  personId: string;
  organisationId: string;
  organisationName: string;
  /** The teams holding the person, who receive it. */
  teamIds: string[];
  /** The partner's words, exactly as typed. */
  words: string;
  /** The instant it was raised (ISO). */
  at: string;
  /** The day in England it was raised, YYYY-MM-DD. */
  day: string;
}

export function partnerConcernWordsProblem(words: string): { field: 'words'; message: string } | undefined {
  if (words.trim() === '') return { field: 'words', message: 'is needed: the concern in your own words' };
  if (words.length > sharingRules.concernMaxLength) return { field: 'words', message: `must be at most ${sharingRules.concernMaxLength} characters` };
  return undefined;
}

/** The standard extension linking a Flag to the record that gives its detail. */
const FLAG_DETAIL = 'http://hl7.org/fhir/StructureDefinition/flag-detail';

/** The Flag's id for a concern: one Flag per concern, found again from the Communication. */
export const partnerConcernFlagId = (concernId: string) => `${concernId}-flag`.slice(0, 64);

/**
 * A partner's concern as two records written together: the Communication (category
 * `partner-concern`, in the partner's words, from its Organization to the teams holding the
 * person, as the synthetic police concerns) and an active red-flag Flag (code `partner-concern`)
 * authored by the Organization, so the key worker sees it wherever red flags show.
 */
export function partnerConcernRecords(concern: PartnerConcern): { communication: Record<string, unknown>; flag: Record<string, unknown> } {
  const from = { reference: `Organization/${concern.organisationId}`, display: concern.organisationName };
  const patient = { reference: `Patient/${concern.personId}` };
  return {
    communication: {
      resourceType: 'Communication',
      id: concern.id,
      status: 'completed',
      category: [{ coding: [{ system: system.communicationCategory, code: 'partner-concern', display: communicationCategories['partner-concern'] }] }],
      subject: patient,
      sent: concern.at,
      received: concern.at,
      recipient: concern.teamIds.map((id) => ({ reference: `Organization/${id}` })),
      sender: from,
      payload: [{ contentString: concern.words }],
    },
    flag: {
      resourceType: 'Flag',
      id: partnerConcernFlagId(concern.id),
      status: 'active',
      category: [{ coding: [{ system: system.flagCategory, code: 'red-flag', display: flagCategories['red-flag'] }] }],
      code: { coding: [{ system: system.redFlag, code: 'partner-concern', display: redFlags['partner-concern'] }], text: `Concern raised by ${concern.organisationName}` },
      subject: patient,
      period: { start: concern.day },
      author: from,
      extension: [{ url: FLAG_DETAIL, valueReference: { reference: `Communication/${concern.id}` } }],
    },
  };
}

export interface ConcernAcknowledgement {
  /** YYYY-MM-DD in England. */
  date: string;
  /** Who acknowledged it, by name. */
  by: string;
  /** What the team did or will do, in words. */
  response: string;
}

export function acknowledgementProblem(response: string): { field: 'response'; message: string } | undefined {
  if (response.trim() === '') return { field: 'response', message: 'is needed: what you did or will do about the concern' };
  if (response.length > sharingRules.concernMaxLength) return { field: 'response', message: `must be at most ${sharingRules.concernMaxLength} characters` };
  return undefined;
}

type R = Record<string, any>;

/**
 * The Flag with the key worker's acknowledgement added. The Flag stays active: a concern from a
 * partner is part of the person's history, like any red flag; acknowledging takes it off the
 * caseload's "to act on", not off the record.
 */
export function acknowledgedConcernFlag(flag: R, ack: ConcernAcknowledgement): R {
  const others = ((flag.extension as R[] | undefined) ?? []).filter((x) => x.url !== extension.partnerConcernAcknowledged);
  return {
    ...flag,
    extension: [
      ...others,
      { url: extension.partnerConcernAcknowledged, extension: [{ url: 'date', valueDate: ack.date }, { url: 'by', valueString: ack.by }, { url: 'response', valueString: ack.response.trim() }] },
    ],
  };
}

/** The acknowledgement on a partner-concern Flag, or null when it is still to act on. */
export function concernAcknowledgementOf(flag: R): ConcernAcknowledgement | null {
  const ack = (flag.extension as R[] | undefined)?.find((x) => x.url === extension.partnerConcernAcknowledged);
  if (!ack) return null;
  const part = (url: string) => (ack.extension as R[] | undefined)?.find((x) => x.url === url);
  return { date: part('date')?.valueDate ?? '', by: part('by')?.valueString ?? '', response: part('response')?.valueString ?? '' };
}

/** The Communication a partner-concern Flag points at (its flag-detail extension). */
export function concernCommunicationIdOf(flag: R): string | undefined {
  const ref = (flag.extension as R[] | undefined)?.find((x) => x.url === FLAG_DETAIL)?.valueReference?.reference as string | undefined;
  return ref?.startsWith('Communication/') ? ref.slice('Communication/'.length) : undefined;
}
