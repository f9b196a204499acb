import { fhirDate } from '@continuity/domain';
import { z } from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'is not a real date'));
const id = (what: string) => z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, `must be a ${what} id`);

export const asOfQuery = z.object({ asOf: day.optional() });
export const teamParams = z.object({ teamId: id('team') });

export const coverBody = z
  .object({
    absentPractitionerId: id('practitioner'),
    coveringPractitionerId: id('practitioner'),
    from: day,
    to: day,
    reason: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  })
  .strict()
  .refine((c) => c.from <= c.to, { message: 'must be on or after from', path: ['to'] })
  .refine((c) => c.absentPractitionerId !== c.coveringPractitionerId, { message: 'must be someone other than the person away', path: ['coveringPractitionerId'] });
