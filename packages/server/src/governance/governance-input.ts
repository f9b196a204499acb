import { actionStatuses, fhirDate, fhirId, incidentKinds, incidentStatuses, incidentThemes, type IncidentKind, type IncidentStatus, type IncidentTheme, selfAssessmentCategories, selfAssessmentQuestions, selfAssessmentRatings, type ActionStatus, type SelfAssessmentCategory, type SelfAssessmentRating } from '@continuity/domain';
import { z } from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'));

const oneOf = <T extends string>(codes: Record<T, unknown>) => {
  const keys = Object.keys(codes) as [T, ...T[]];
  return z.enum(keys, { error: `must be one of: ${keys.join(', ')}` });
};

const words = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
/** Optional free text: blank is the same as not given. */
const optionalWords = (max: number) => words(max).nullish().transform((v) => (v ? v : null));

const questionId = z.string().refine((id) => selfAssessmentQuestions.has(id), 'is not a question of the self-assessment');

export const questionParams = z.object({ questionId });

export const answerBody = z.object({
  /** The version read: 0 for a question never answered. */
  version: z.number({ error: 'must be the version of the answer you read (0 if none)' }).int().min(0, 'must be the version of the answer you read (0 if none)'),
  rating: oneOf<SelfAssessmentRating>(selfAssessmentRatings).nullable(),
  category: oneOf<SelfAssessmentCategory>(selfAssessmentCategories).nullable(),
  comments: optionalWords(4000),
});

export const actionParams = z.object({ actionId: z.string().regex(/^\d{1,18}$/, 'must be an action id') });
const incidentId = z.string().regex(/^\d{1,18}$/, 'must be an incident id');

const actionContent = z
  .object({
    domain: z.number({ error: 'must be the number of a domain, 1 to 14' }).int().min(1, 'must be the number of a domain, 1 to 14').max(14, 'must be the number of a domain, 1 to 14').nullish().transform((v) => v ?? null),
    questionId: questionId.nullish().transform((v) => v ?? null),
    /** An incident's learning action: the incident it follows from. */
    incidentId: incidentId.nullish().transform((v) => v ?? null),
    finding: optionalWords(4000),
    action: words(4000).min(1, 'must say what will be done'),
    owner: words(200).min(1, 'must name who is responsible'),
    due: day,
    status: oneOf<ActionStatus>(actionStatuses).default('open'),
    evidence: optionalWords(4000),
  })
  .refine((a) => a.domain !== null || a.incidentId !== null, { message: 'must be given, unless the action is the learning from an incident', path: ['domain'] })
  .refine((a) => !a.questionId || selfAssessmentQuestions.get(a.questionId)?.domain === a.domain, { message: 'must be a question of the domain given', path: ['questionId'] })
  .refine((a) => a.status !== 'done' || a.evidence, { message: 'must say what shows the action is done (a note or a link)', path: ['evidence'] });

export const newActionBody = actionContent;
export const actionEditBody = z.intersection(z.object({ version: z.number({ error: 'must be the version of the action you read' }).int().positive('must be the version of the action you read') }), actionContent);

export const incidentParams = z.object({ incidentId });

const incidentContent = z.object({
  kind: oneOf<IncidentKind>(incidentKinds),
  /** The person it concerns, when it concerns one. */
  personId: fhirId.nullish().transform((v) => v ?? null),
  teamId: fhirId,
  occurredOn: day,
  summary: words(4000).min(1, 'must say what happened'),
  themes: z.array(oneOf<IncidentTheme>(incidentThemes)).max(26, 'must be at most 26 themes').default([]).transform((t) => [...new Set(t)]),
  status: oneOf<IncidentStatus>(incidentStatuses).default('open'),
});

export const newIncidentBody = incidentContent;
export const incidentEditBody = z.intersection(z.object({ version: z.number({ error: 'must be the version of the incident you read' }).int().positive('must be the version of the incident you read') }), incidentContent);
