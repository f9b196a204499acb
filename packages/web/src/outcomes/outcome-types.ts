/** The outcome measures the API returns (type-only from the store, which builds them). */
export type { PersonMeasure } from '@continuity/store';
