import { useApiResource } from '../api/use-api-resource.ts';
import type { PersonCarersResponse } from './carer-types.ts';

/** A person's carers and their concerns from the API; nothing is asked for until `personId` is given. */
export function useCarers(personId: string | null) {
  return useApiResource<PersonCarersResponse>(personId ? `/api/people/${encodeURIComponent(personId)}/carers` : null);
}
