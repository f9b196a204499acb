import { z } from 'zod';
import {
  codeableConcept,
  fhirDate,
  fhirDateTime,
  fhirId,
  identifier,
  period,
  reference,
  requiredReference,
} from './datatypes.ts';

/**
 * The resource types the platform holds, what each must contain to be accepted, and how each is tied
 * to a person. Required fields follow FHIR R4 cardinality (1..1, 1..*) plus the link to a person that
 * every person-scoped record needs. Unknown elements are kept as sent.
 */

const base = {
  id: fhirId,
  meta: z.looseObject({}).optional(),
};

const resourceSchemas = {
  Organization: z.looseObject({
    resourceType: z.literal('Organization'),
    ...base,
    identifier: z.array(identifier).optional(),
    type: z.array(codeableConcept).optional(),
    name: z.string().optional(),
    partOf: reference.optional(),
  }),
  Practitioner: z.looseObject({
    resourceType: z.literal('Practitioner'),
    ...base,
    name: z.array(z.looseObject({ family: z.string().optional(), given: z.array(z.string()).optional() })).optional(),
  }),
  PractitionerRole: z.looseObject({
    resourceType: z.literal('PractitionerRole'),
    ...base,
    practitioner: reference.optional(),
    organization: reference.optional(),
    code: z.array(codeableConcept).optional(),
    period: period.optional(),
  }),
  Patient: z.looseObject({
    resourceType: z.literal('Patient'),
    ...base,
    identifier: z.array(identifier).optional(),
    name: z
      .array(z.looseObject({ family: z.string().optional(), given: z.array(z.string()).optional(), use: z.string().optional() }))
      .optional(),
    birthDate: fhirDate.optional(),
    gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
    deceasedDateTime: fhirDateTime.optional(),
    generalPractitioner: z.array(reference).optional(),
  }),
  RelatedPerson: z.looseObject({
    resourceType: z.literal('RelatedPerson'),
    ...base,
    patient: requiredReference,
    relationship: z.array(codeableConcept).optional(),
  }),
  CareTeam: z.looseObject({
    resourceType: z.literal('CareTeam'),
    ...base,
    subject: requiredReference,
    managingOrganization: z.array(reference).optional(),
    participant: z.array(z.looseObject({ member: reference.optional(), role: z.array(codeableConcept).optional() })).optional(),
  }),
  EpisodeOfCare: z.looseObject({
    resourceType: z.literal('EpisodeOfCare'),
    ...base,
    status: z.enum(['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled', 'entered-in-error']),
    patient: requiredReference,
    managingOrganization: reference.optional(),
    careManager: reference.optional(),
    period: period.optional(),
    type: z.array(codeableConcept).optional(),
    referralRequest: z.array(reference).optional(),
    team: z.array(reference).optional(),
  }),
  ServiceRequest: z.looseObject({
    resourceType: z.literal('ServiceRequest'),
    ...base,
    status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
    intent: z.string().min(1),
    subject: requiredReference,
    authoredOn: fhirDateTime.optional(),
    performer: z.array(reference).optional(),
    requester: reference.optional(),
  }),
  Appointment: z.looseObject({
    resourceType: z.literal('Appointment'),
    ...base,
    status: z.enum([
      'proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist',
    ]),
    start: fhirDateTime.optional(),
    end: fhirDateTime.optional(),
    participant: z
      .array(z.looseObject({ actor: reference.optional(), status: z.string().optional() }))
      .min(1, 'must have at least one participant'),
  }),
  Encounter: z.looseObject({
    resourceType: z.literal('Encounter'),
    ...base,
    status: z.enum(['planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown']),
    class: z.looseObject({ system: z.string().optional(), code: z.string().optional() }),
    subject: requiredReference,
    period: period.optional(),
    episodeOfCare: z.array(reference).optional(),
    appointment: z.array(reference).optional(),
    participant: z.array(z.looseObject({ individual: reference.optional() })).optional(),
    serviceProvider: reference.optional(),
  }),
  Condition: z.looseObject({
    resourceType: z.literal('Condition'),
    ...base,
    subject: requiredReference,
    code: codeableConcept.optional(),
    onsetDateTime: fhirDateTime.optional(),
    recordedDate: fhirDateTime.optional(),
    abatementDateTime: fhirDateTime.optional(),
  }),
  MedicationRequest: z.looseObject({
    resourceType: z.literal('MedicationRequest'),
    ...base,
    status: z.enum(['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown']),
    intent: z.string().min(1),
    subject: requiredReference,
    medicationCodeableConcept: codeableConcept.optional(),
    medicationReference: reference.optional(),
    authoredOn: fhirDateTime.optional(),
    requester: reference.optional(),
  }),
  MedicationStatement: z.looseObject({
    resourceType: z.literal('MedicationStatement'),
    ...base,
    status: z.enum(['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken']),
    subject: requiredReference,
    medicationCodeableConcept: codeableConcept.optional(),
    medicationReference: reference.optional(),
    effectiveDateTime: fhirDateTime.optional(),
    effectivePeriod: period.optional(),
    dateAsserted: fhirDateTime.optional(),
  }),
  MedicationAdministration: z.looseObject({
    resourceType: z.literal('MedicationAdministration'),
    ...base,
    status: z.enum(['in-progress', 'not-done', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'unknown']),
    subject: requiredReference,
    medicationCodeableConcept: codeableConcept.optional(),
    medicationReference: reference.optional(),
    effectiveDateTime: fhirDateTime.optional(),
    effectivePeriod: period.optional(),
    request: reference.optional(),
  }),
  Observation: z.looseObject({
    resourceType: z.literal('Observation'),
    ...base,
    status: z.enum(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
    code: codeableConcept,
    subject: requiredReference,
    effectiveDateTime: fhirDateTime.optional(),
    effectivePeriod: period.optional(),
    issued: fhirDateTime.optional(),
  }),
  QuestionnaireResponse: z.looseObject({
    resourceType: z.literal('QuestionnaireResponse'),
    ...base,
    status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
    questionnaire: z.string().optional(),
    subject: requiredReference,
    authored: fhirDateTime.optional(),
  }),
  CarePlan: z.looseObject({
    resourceType: z.literal('CarePlan'),
    ...base,
    status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
    intent: z.string().min(1),
    subject: requiredReference,
    period: period.optional(),
    created: fhirDateTime.optional(),
    category: z.array(codeableConcept).optional(),
    careTeam: z.array(reference).optional(),
    author: reference.optional(),
    goal: z.array(reference).optional(),
  }),
  Goal: z.looseObject({
    resourceType: z.literal('Goal'),
    ...base,
    lifecycleStatus: z.enum(['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected']),
    description: codeableConcept,
    subject: requiredReference,
    startDate: fhirDate.optional(),
  }),
  Flag: z.looseObject({
    resourceType: z.literal('Flag'),
    ...base,
    status: z.enum(['active', 'inactive', 'entered-in-error']),
    code: codeableConcept,
    subject: requiredReference,
    period: period.optional(),
    category: z.array(codeableConcept).optional(),
    author: reference.optional(),
  }),
  Communication: z.looseObject({
    resourceType: z.literal('Communication'),
    ...base,
    status: z.enum(['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown']),
    subject: requiredReference,
    sent: fhirDateTime.optional(),
    received: fhirDateTime.optional(),
    category: z.array(codeableConcept).optional(),
    sender: reference.optional(),
    recipient: z.array(reference).optional(),
    inResponseTo: z.array(reference).optional(),
  }),
  Consent: z.looseObject({
    resourceType: z.literal('Consent'),
    ...base,
    status: z.enum(['draft', 'proposed', 'active', 'rejected', 'inactive', 'entered-in-error']),
    scope: codeableConcept,
    category: z.array(codeableConcept).min(1, 'must have at least one category'),
    patient: requiredReference,
    dateTime: fhirDateTime.optional(),
  }),
  DocumentReference: z.looseObject({
    resourceType: z.literal('DocumentReference'),
    ...base,
    status: z.enum(['current', 'superseded', 'entered-in-error']),
    type: codeableConcept.optional(),
    subject: requiredReference,
    date: fhirDateTime.optional(),
    custodian: reference.optional(),
    content: z.array(z.looseObject({ attachment: z.looseObject({ contentType: z.string().optional() }) })).min(1, 'must have at least one content'),
  }),
} as const;

export type ResourceType = keyof typeof resourceSchemas;
export type FhirResourceOf<T extends ResourceType> = z.infer<(typeof resourceSchemas)[T]>;
export type AnyResource = { resourceType: string; id: string; [key: string]: unknown };

export const resourceTypes = Object.keys(resourceSchemas) as ResourceType[];

export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === 'string' && Object.hasOwn(resourceSchemas, value);
}

export function schemaFor(type: ResourceType): z.ZodType<AnyResource> {
  return resourceSchemas[type] as unknown as z.ZodType<AnyResource>;
}
