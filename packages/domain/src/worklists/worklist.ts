import type { WorklistReason } from '../engagement/engagement-facts.ts';

/**
 * The one shape every worklist has, in the CLI (--json), the API and the FHIR API (SPEC, "Public
 * interfaces"). Ids are the ones the records were imported with.
 */
export interface Worklist {
  worklist: string;
  /** "YYYY-MM-DD": the day the list is as of, in England. */
  asOf: string;
  items: WorklistItem[];
}

export interface WorklistItem {
  patient: { id: string; nhsNumber: string | null };
  /** Never empty: a person is on a worklist only for a reason, and every reason cites its records. */
  reasons: WorklistReason[];
}
