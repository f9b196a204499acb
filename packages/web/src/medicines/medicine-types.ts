/** The medicines the API returns (type-only from the store, which builds them). */
export type { PersonMedicine } from '@continuity/store';
