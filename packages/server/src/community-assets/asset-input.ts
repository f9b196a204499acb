import { fhirId } from '@continuity/domain';
import { z } from 'zod';

const words = z.string({ error: 'must be text' });
const list = z.array(words, { error: 'must be a list' }).max(30, 'must list at most 30');

/** The shape only; what the values may be is the domain's check (checkAsset), field by field. */
const assetFields = {
  name: words,
  kind: words,
  needs: list,
  eligibility: words.nullish(),
  address: words.nullish(),
  postcode: words,
  openingTimes: words.nullish(),
  phone: words.nullish(),
  email: words.nullish(),
  website: words.nullish(),
  accessibility: list.default([]),
  languages: list.default([]),
  /** The team or partner Organization that keeps the entry; a partner's own organisation when absent. */
  maintainerId: fhirId.optional(),
};

export const createAssetBody = z.strictObject({
  /** Made by the form when it opens and used as the entry's id, so a second send adds nothing. */
  assetId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  ...assetFields,
});

export const updateAssetBody = z.strictObject({
  version: z.number({ error: 'must be the version of the entry you opened' }).int().positive('must be the version of the entry you opened'),
  ...assetFields,
});

/** A CSV file sent as text in JSON: at most about a megabyte (the server's body limit). */
export const importBody = z.strictObject({ csv: z.string({ error: 'must be the CSV file as text' }).min(1, 'must not be empty') });

export const searchQuery = z.object({
  need: words.optional(),
  postcode: words.optional(),
  language: words.optional(),
  /** Accessibility features, comma separated: every one must be offered. */
  accessibility: words.optional(),
});
