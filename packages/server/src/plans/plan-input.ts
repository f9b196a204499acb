import { fhirId } from '@continuity/domain';
import { z } from 'zod';

const words = z.string({ error: 'must be text' });

/**
 * The shape only; what the values may be is the domain's check (writePlan), field by field. Strict:
 * a field the plan does not have (a score, a level) is refused rather than ignored, and a section is
 * words, never a number.
 */
const planFields = {
  sections: z.array(z.strictObject({ section: words, text: words, personsOwnWords: z.boolean({ error: 'must be true or false' }).optional() }), { error: 'must list the sections' }).max(20, 'must list at most 20 sections'),
  madeWithPerson: z.boolean({ error: 'must be true or false' }),
  carers: z.array(fhirId, { error: 'must list carers by id' }).max(20, 'must list at most 20 carers').default([]),
  coProducedWith: words.nullish(),
  crisisContact: words.nullish(),
  contactFrequencyDays: z.union([z.string(), z.number()], { error: 'must be a number of days' }).nullish(),
  goals: z.array(words, { error: 'must list goals as text' }).max(20, 'must list at most 20 goals').nullish(),
};
export const createPlanBody = z.strictObject({
  /** Made by the form when it opens and used as the CarePlan id, so a second send records nothing new. */
  planId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  kind: words,
  ...planFields,
});
export const updatePlanBody = z.strictObject({
  /** The plan's version the clinician opened: a version saved since is never overwritten. */
  version: z.number({ error: 'must be the version of the plan you opened' }).int().positive('must be the version of the plan you opened'),
  ...planFields,
});
