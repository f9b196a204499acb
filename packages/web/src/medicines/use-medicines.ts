import { useApiResource } from '../api/use-api-resource.ts';
import type { PersonMedicine } from './medicine-types.ts';

/** A person's medicines from the API: reloaded when `refresh` changes. */
export function useMedicines(personId: string, refresh = 0) {
  return useApiResource<{ medicines: PersonMedicine[] }>(`/api/people/${encodeURIComponent(personId)}/medicines`, refresh);
}
