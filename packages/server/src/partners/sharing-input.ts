import { fhirId } from '@continuity/domain';
import { z } from 'zod';

const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const words = (max: number, error: string) => z.string({ error }).max(max, `must be at most ${max} characters`).regex(NO_CONTROL, 'must not contain control characters');
const codes = (error: string) => z.array(z.string({ error }), { error }).max(20, 'must list at most 20');
const version = (what: string) => z.number({ error: `must be the version of the ${what} you read` }).int().positive(`must be the version of the ${what} you read`);

export const agreementParams = z.object({ agreementId: fhirId });

/** An agreement as the admin page sends it; the rules (codes, dates, identity) are the domain's (checkAgreement). */
const agreementContent = {
  title: words(200, 'must be text'),
  purpose: words(4000, 'must be text'),
  legalBasis: z.string({ error: 'must be a legal basis code' }),
  partners: z.array(fhirId, { error: 'must list partner organisation ids' }).max(50, 'must list at most 50'),
  categories: codes('must list data category codes'),
  startDate: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  reviewDate: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  status: z.string({ error: 'must be draft, active or ended' }),
};

export const newAgreementBody = z.strictObject({ agreementId: z.uuid({ error: 'must be a UUID made by the form' }), ...agreementContent });
export const changeAgreementBody = z.strictObject({ version: version('agreement'), ...agreementContent });

export const wishParams = z.object({ id: fhirId, consentId: fhirId });

const wishContent = {
  decision: z.string({ error: 'must be agreed, declined or not-asked' }),
  objections: codes('must list data category codes').default([]),
  /** The day the person gave their wishes (or the link was made); today in England when absent. */
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }).optional(),
};

export const newWishBody = z.strictObject({ consentId: z.uuid({ error: 'must be a UUID made by the form' }), organisationId: fhirId, ...wishContent });
export const changeWishBody = z.strictObject({ version: version('sharing wishes'), linked: z.boolean({ error: 'must be true or false' }).default(true), ...wishContent });

export const partnerPersonParams = z.object({ id: fhirId });
export const concernBody = z.strictObject({ concernId: z.uuid({ error: 'must be a UUID made by the form' }), words: z.string({ error: 'must be text' }).regex(NO_CONTROL, 'must not contain control characters') });

export const acknowledgeParams = z.object({ id: fhirId, flagId: fhirId });
export const acknowledgeBody = z.strictObject({ version: version('concern'), response: z.string({ error: 'must be text' }).regex(NO_CONTROL, 'must not contain control characters') });
