import { extension, system } from '../fhir/systems.ts';
import type { CodeableConcept } from '../fhir/datatypes.ts';

/**
 * The person-record projection of a FHIR Patient: what search, the record page and the equity
 * breakdowns read. Each characteristic is read from one documented place (docs/fhir.md).
 */
export interface Demographics {
  nhsNumber: string | null;
  familyName: string | null;
  givenNames: string | null;
  birthDate: string | null;
  gender: string | null;
  deceasedAt: string | null;
  postcode: string | null;
  ethnicCategory: string | null;
  sexualOrientation: string | null;
  genderIdentity: string | null;
  religion: string | null;
  disabilities: string[];
  firstLanguage: string | null;
  interpreterRequired: boolean | null;
  accommodationStatus: string | null;
  gpPracticeId: string | null;
  phone: string | null;
}

type R = Record<string, any>;

function extensionsOf(resource: R, url: string): R[] {
  return ((resource.extension as R[] | undefined) ?? []).filter((e) => e.url === url);
}

function codeFromExtension(resource: R, url: string, codeSystem?: string): string | null {
  const ext = extensionsOf(resource, url)[0];
  if (!ext) return null;
  const concept = ext.valueCodeableConcept as CodeableConcept | undefined;
  const coding = concept?.coding?.find((c) => !codeSystem || c.system === codeSystem) ?? concept?.coding?.[0];
  return coding?.code ?? ext.valueCode ?? null;
}

export function readDemographics(patient: R): Demographics {
  const nhs = (patient.identifier as R[] | undefined)?.find((i) => i.system === system.nhsNumber)?.value ?? null;
  const name = (patient.name as R[] | undefined)?.find((n) => n.use === 'official') ?? (patient.name as R[] | undefined)?.[0];
  const address = (patient.address as R[] | undefined)?.find((a) => a.use === 'home') ?? (patient.address as R[] | undefined)?.[0];
  const language = (patient.communication as R[] | undefined)?.find((c) => c.preferred) ?? (patient.communication as R[] | undefined)?.[0];
  const interpreter = extensionsOf(patient, extension.interpreterRequired)[0]?.valueBoolean;
  const gp = (patient.generalPractitioner as R[] | undefined)?.map((g) => g.reference as string | undefined).find((r) => r?.startsWith('Organization/'));
  const phone = (patient.telecom as R[] | undefined)?.find((t) => t.system === 'phone')?.value ?? null;

  return {
    nhsNumber: nhs ? String(nhs).replace(/[\s-]/g, '') : null,
    familyName: name?.family ?? null,
    givenNames: (name?.given as string[] | undefined)?.join(' ') ?? null,
    birthDate: patient.birthDate ?? null,
    gender: patient.gender ?? null,
    deceasedAt: patient.deceasedDateTime ?? null,
    postcode: address?.postalCode ?? null,
    ethnicCategory: codeFromExtension(patient, extension.ethnicCategory, system.ethnicCategory),
    sexualOrientation: codeFromExtension(patient, extension.sexualOrientation),
    genderIdentity: codeFromExtension(patient, extension.genderIdentity),
    religion: codeFromExtension(patient, extension.religion),
    disabilities: extensionsOf(patient, extension.disability)
      .map((e) => (e.valueCodeableConcept as CodeableConcept | undefined)?.coding?.[0]?.code)
      .filter((c): c is string => Boolean(c)),
    firstLanguage: language?.language?.coding?.[0]?.code ?? language?.language?.text ?? null,
    interpreterRequired: typeof interpreter === 'boolean' ? interpreter : null,
    accommodationStatus: codeFromExtension(patient, extension.accommodationStatus),
    gpPracticeId: gp ? gp.slice('Organization/'.length) : null,
    phone,
  };
}
