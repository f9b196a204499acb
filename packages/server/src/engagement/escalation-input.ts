import { escalationStepCodes, fhirDate, fhirId, type EscalationStepCode } from '@continuity/domain';
import { z } from 'zod';

/** A whole day in England: steps fall due, and the MDT decides, on a day. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'));

const note = (what: string) => z.string().trim().min(1, `must say ${what}`).max(4000, 'must be at most 4000 characters');

export const personParams = z.object({ id: fhirId });
export const taskParams = z.object({ id: fhirId, taskId: z.string().regex(/^\d{1,18}$/, 'must be a task id') });
export const asOfQuery = z.object({ asOf: day.optional() });

export const newTaskBody = z.object({
  step: z.enum(escalationStepCodes as [EscalationStepCode, ...EscalationStepCode[]], { error: `must be one of: ${escalationStepCodes.join(', ')}` }),
  ownerId: z.string().trim().min(1, 'must name a member of staff').max(128, 'must be a member of staff id'),
  due: day,
});

/** The task's version the clinician was looking at: a change made since is not overwritten. */
const version = z.number({ error: 'must be the version of the task you read' }).int().positive('must be the version of the task you read');

export const completeTaskBody = z.object({ version, outcome: note('what happened') });
export const cancelTaskBody = z.object({ version, reason: z.string().trim().max(4000, 'must be at most 4000 characters').optional() });

export const decisionBody = z.object({
  decidedOn: day,
  decision: note('what the MDT decided'),
  reviewOn: day,
});
