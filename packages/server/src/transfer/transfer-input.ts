import { fhirDate, fhirId, transferRules } from '@continuity/domain';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'must not be blank').max(max, `must be at most ${max} characters`);
const version = z.number().int().positive('must be the version of the transfer you read');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').pipe(fhirDate);

export const personParams = z.object({ id: fhirId });
export const transferParams = z.object({ id: fhirId, transferId: z.string().regex(/^\d{1,18}$/, 'must be a transfer id') });
export const previewQuery = z.object({ episode: fhirId });

/** A receiving team in the system, or (out of area) a named receiving service: one, not both. */
export const proposeBody = z
  .object({
    episode: fhirId,
    receivingTeam: fhirId.optional(),
    receivingService: text(200).optional(),
    reason: text(transferRules.maxText),
  })
  .strict()
  .refine((b) => (b.receivingTeam === undefined) !== (b.receivingService === undefined), {
    message: 'choose a receiving team, or name the receiving service for a transfer out of area (one, not both)',
    path: ['receivingTeam'],
  });

export const acceptBody = z
  .object({
    version,
    /** The receiving team's key worker for the person (Practitioner id). */
    keyWorker: fhirId.optional(),
    /** Out of area: who at the receiving service confirmed, and the day they did. */
    confirmedBy: text(200).optional(),
    confirmedOn: day.optional(),
  })
  .strict();

export const declineBody = z.object({ version, declineReason: z.string().max(transferRules.maxText, `must be at most ${transferRules.maxText} characters`).optional() }).strict();
export const withdrawBody = z.object({ version }).strict();
