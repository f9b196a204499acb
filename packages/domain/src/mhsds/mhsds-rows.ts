import { isoDay, londonDay } from '../engagement/london-calendar.ts';
import { ctoLegalStatus } from '../fhir/clinical-codes.ts';
import { parseReference } from '../fhir/datatypes.ts';
import { extension, system } from '../fhir/systems.ts';
import { scoreQuestionnaireResponse } from '../outcomes/score-response.ts';
import {
  activityLocationCodes, assessmentToolCodes, attendanceCodes, clinicalResponsePriorityCodes, consultationMediumCodes,
  mhsdsTables, referralSourceCodes, statedGenderCodes, type MhsdsTableName,
} from './mhsds-mapping.ts';

type R = Record<string, any>;

/** A person as the person projection holds them, with their GP practice's ODS code looked up. */
export interface MhsdsPerson {
  personId: string;
  nhsNumber: string | null;
  birthDate: string | null;
  gender: string | null;
  genderIdentity: string | null;
  ethnicCategory: string | null;
  firstLanguage: string | null;
  postcode: string | null;
  deceasedAt: string | null;
  gpPracticeId: string | null;
  gpPracticeOdsCode: string | null;
}

/** The records of one person the export reads, by FHIR type. */
export interface MhsdsRecords {
  ServiceRequest: R[];
  EpisodeOfCare: R[];
  Appointment: R[];
  Encounter: R[];
  Flag: R[];
  QuestionnaireResponse: R[];
}

export const mhsdsRecordTypes = ['ServiceRequest', 'EpisodeOfCare', 'Appointment', 'Encounter', 'Flag', 'QuestionnaireResponse'] as const satisfies ReadonlyArray<keyof MhsdsRecords>;

type Row = Record<string, string | number | null | undefined>;
export type MhsdsRows = Record<MhsdsTableName, Array<Array<string | number | null | undefined>>>;

const day = (value: unknown): string | undefined => {
  const d = typeof value === 'string' ? londonDay(value) : undefined;
  return d === undefined ? undefined : isoDay(d);
};

const londonClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
/** The time of day in England of a dateTime; undefined for a date alone, which has no time to give. */
const time = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || !value.includes('T')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : londonClock.format(ms);
};

const idOf = (ref: unknown, type: string): string | undefined => {
  const parsed = parseReference((ref as R | undefined)?.reference);
  return parsed?.type === type ? parsed.id : undefined;
};
const codeIn = (concepts: unknown, codeSystem: string): string | undefined => {
  const list = (Array.isArray(concepts) ? concepts : concepts ? [concepts] : []) as R[];
  for (const concept of list) {
    const coding = (concept.coding as R[] | undefined)?.find((c) => c.system === codeSystem && c.code);
    if (coding) return coding.code as string;
  }
  return undefined;
};
const extensionOf = (resource: R, url: string): R | undefined => (resource.extension as R[] | undefined)?.find((e) => e.url === url);

function mpiRow(p: MhsdsPerson): Row {
  return {
    LocalPatientId: p.personId,
    NHSNumber: p.nhsNumber?.replace(/\s/g, ''),
    PersonBirthDate: p.birthDate,
    Gender: p.gender ? statedGenderCodes[p.gender] : undefined,
    GenderIDCode: p.genderIdentity,
    EthnicCategory: p.ethnicCategory,
    LanguageCodePreferred: p.firstLanguage?.split('-')[0]?.toLowerCase(),
    Postcode: p.postcode,
    PersDeathDate: day(p.deceasedAt),
  };
}

function referralRow(personId: string, referral: R, episodes: R[]): Row {
  const triage = extensionOf(referral, extension.triageOutcome);
  const triagePart = (url: string) => (triage?.extension as R[] | undefined)?.find((e) => e.url === url);
  const declined = triagePart('outcome')?.valueCoding?.code === 'declined';
  const ended = episodes.find((e) => e.status === 'finished' && idOf(e.referralRequest?.[0], 'ServiceRequest') === referral.id);
  const source = codeIn(extensionOf(referral, extension.referralSource)?.valueCodeableConcept, system.referralSource);
  return {
    LocalPatientId: personId,
    ServiceRequestId: referral.id,
    ReferralRequestReceivedDate: day(referral.authoredOn),
    ReferralRequestReceivedTime: time(referral.authoredOn),
    SourceOfReferralMH: source ? referralSourceCodes[source] : undefined,
    ClinRespPriorityType: clinicalResponsePriorityCodes[referral.priority as string],
    ReferRejectionDate: declined ? day(triagePart('date')?.valueDate) : undefined,
    ServDischDate: day(ended?.period?.end),
  };
}

function careCoordinatorRow(personId: string, episode: R): Row | undefined {
  const keyWorker = idOf(episode.careManager, 'Practitioner');
  if (!keyWorker || episode.status === 'entered-in-error') return undefined;
  return { LocalPatientId: personId, CareProfLocalId: keyWorker, StartDateAssCareCoord: day(episode.period?.start), EndDateAssCareCoord: day(episode.period?.end) };
}

function attendance(appointment: R | undefined): string | undefined {
  if (!appointment) return attendanceCodes.attended;
  switch (appointment.status) {
    case 'fulfilled':
    case 'arrived':
    case 'checked-in':
      return attendanceCodes.attended;
    case 'noshow':
      return attendanceCodes.didNotAttend;
    case 'cancelled':
      return codeIn(appointment.cancelationReason, system.appointmentCancellationReason) === 'pat' ? attendanceCodes.cancelledByPatient : attendanceCodes.cancelledByProvider;
    default:
      return undefined;
  }
}

function careContactRows(personId: string, records: MhsdsRecords): Row[] {
  const episodes = new Map(records.EpisodeOfCare.map((e) => [e.id as string, e]));
  const encounterOf = new Map<string, R>();
  const contacts: Array<{ appointment?: R; encounter?: R }> = [];
  for (const encounter of records.Encounter) {
    if (encounter.class?.code === 'IMP' || encounter.status === 'entered-in-error') continue;
    const appointmentId = idOf(encounter.appointment?.[0], 'Appointment');
    if (appointmentId) encounterOf.set(appointmentId, encounter);
    else contacts.push({ encounter });
  }
  for (const appointment of records.Appointment) {
    if (appointment.status === 'entered-in-error') continue;
    contacts.push({ appointment, encounter: encounterOf.get(appointment.id) });
  }
  return contacts.map(({ appointment, encounter }) => {
    const episode = episodes.get(idOf(encounter?.episodeOfCare?.[0], 'EpisodeOfCare') ?? idOf(appointment?.supportingInformation?.find((s: R) => idOf(s, 'EpisodeOfCare')), 'EpisodeOfCare') ?? '');
    const when = appointment?.start ?? encounter?.period?.start;
    const mode = codeIn(appointment?.appointmentType, system.contactMode) ?? codeIn(encounter?.type, system.contactMode);
    return {
      LocalPatientId: personId,
      CareContactId: appointment?.id ?? encounter?.id,
      ServiceRequestId: idOf(appointment?.basedOn?.[0], 'ServiceRequest') ?? idOf(episode?.referralRequest?.[0], 'ServiceRequest'),
      CareProfTeamLocalId: idOf(encounter?.serviceProvider, 'Organization') ?? idOf(episode?.managingOrganization, 'Organization'),
      CareContDate: day(when),
      CareContTime: time(when),
      ConsMechanismMH: mode ? consultationMediumCodes[mode] : undefined,
      ActLocTypeCode: mode ? activityLocationCodes[mode] : undefined,
      AttendOrDNACode: attendance(appointment),
    };
  });
}

function legalStatusRow(personId: string, flag: R): Row | undefined {
  if (codeIn(flag.category, system.flagCategory) !== 'mha-legal-status' || flag.status === 'entered-in-error') return undefined;
  return {
    LocalPatientId: personId,
    MHActLegalStatusClassPeriodId: flag.id,
    LegalStatusCode: mhsdsLegalStatus(codeIn(flag.code, system.mhaLegalStatus)),
    StartDateMHActLegalStatusClass: day(flag.period?.start),
    StartTimeMHActLegalStatusClass: time(flag.period?.start),
    ExpiryDateMHActLegalStatusClass: extensionOf(flag, extension.reviewDue)?.valueDate,
    EndDateMHActLegalStatusClass: day(flag.period?.end),
  };
}

/**
 * The record's legal status code as MHSDS reads it: a CTO is coded 17 in the record, which the NHS
 * Data Dictionary list gives to section 48 with section 49 restrictions, and MHSDS wants the section
 * the CTO suspends, which the record does not hold; so nothing rather than a wrong section.
 */
function mhsdsLegalStatus(code: string | undefined): string | undefined {
  return code === ctoLegalStatus ? undefined : code;
}

function assessmentRows(personId: string, response: R): Row[] {
  const scored = scoreQuestionnaireResponse(response);
  if (!scored?.ok) return [];
  return scored.scores.map((score) => {
    const key = `${scored.instrument}/${score.key}`;
    return {
      LocalPatientId: personId,
      CodedAssToolType: assessmentToolCodes[key],
      PersScore: score.value,
      AssToolCompTimestamp: response.authored,
      LocalScoreKey: key,
      LocalAssessmentId: response.id,
    };
  });
}

const byTable = new Map(mhsdsTables.map((t) => [t.table, t.columns.map((c) => c.column)]));
const inColumnOrder = (table: MhsdsTableName, rows: Row[]) => rows.map((row) => byTable.get(table)!.map((column) => row[column]));
const present = <T>(value: T | undefined): value is T => value !== undefined;

/** One person's rows in every MHSDS table, each row's values in the mapping's column order. */
export function mhsdsRows(person: MhsdsPerson, records: MhsdsRecords): MhsdsRows {
  const id = person.personId;
  return {
    MHS001MPI: inColumnOrder('MHS001MPI', [mpiRow(person)]),
    MHS002GP: inColumnOrder('MHS002GP', person.gpPracticeId ? [{ LocalPatientId: id, GMPCodeReg: person.gpPracticeOdsCode }] : []),
    MHS006MHCareCoord: inColumnOrder('MHS006MHCareCoord', records.EpisodeOfCare.map((e) => careCoordinatorRow(id, e)).filter(present)),
    MHS101Referral: inColumnOrder('MHS101Referral', records.ServiceRequest.filter((s) => s.status !== 'entered-in-error').map((s) => referralRow(id, s, records.EpisodeOfCare))),
    MHS201CareContact: inColumnOrder('MHS201CareContact', careContactRows(id, records)),
    MHS401MHActPeriod: inColumnOrder('MHS401MHActPeriod', records.Flag.map((f) => legalStatusRow(id, f)).filter(present)),
    MHS606CodedScoreAssessmentRefer: inColumnOrder('MHS606CodedScoreAssessmentRefer', records.QuestionnaireResponse.flatMap((q) => assessmentRows(id, q))),
  };
}
