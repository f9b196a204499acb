import { useApiResource } from '../api/use-api-resource.ts';
import type { PersonMeasure } from './outcome-types.ts';

/** A person's outcome measures from the API, oldest first. */
export function useOutcomes(personId: string) {
  return useApiResource<{ measures: PersonMeasure[] }>(`/api/people/${encodeURIComponent(personId)}/outcomes`);
}
