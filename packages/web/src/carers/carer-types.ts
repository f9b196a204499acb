import type { CarerInvolvement, InformationSharing } from '../../../domain/src/carers/carer-codes.ts';
import type { ConcernChannel, ConcernOutcome } from '../../../domain/src/carers/carer-concern-rules.ts';

/** A carer as GET /api/people/:id/carers gives them (RelatedPerson, docs/fhir.md). */
export interface PersonCarer {
  id: string;
  version: number;
  relationship: { code: string | null; label: string };
  name: string;
  phone: string | null;
  involvement: CarerInvolvement | null;
  sharing: InformationSharing | null;
  mainCarer: boolean;
  active: boolean;
}

export interface ConcernResponse {
  id: string;
  sentAt: string | null;
  outcome: ConcernOutcome | null;
  words: string;
  by: string | null;
}

/** A carer's concern: open ones first, with when the response is or was due. */
export interface CarerConcern {
  id: string;
  carerId: string | null;
  receivedAt: string | null;
  channel: ConcernChannel | null;
  words: string;
  responses: ConcernResponse[];
  open: boolean;
  dueAt: string | null;
  overdue: boolean;
  answeredLate: boolean;
}

export interface PersonCarersResponse {
  carers: PersonCarer[];
  concerns: CarerConcern[];
  responseHours: number;
}
