import type { Carer } from '../../../domain/src/carers/carer-record.ts';
import type { ConcernChannel, ConcernOutcome } from '../../../domain/src/carers/carer-concern-rules.ts';

/** A carer as GET /api/people/:id/carers gives them: the domain's reading of the RelatedPerson, and its version. */
export interface PersonCarer extends Carer {
  version: number;
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
