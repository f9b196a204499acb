/** GET /api/referrals/untriaged (type-only from the store, which builds the rows). */
import type { UntriagedReferral } from '@continuity/store';

export interface TriageQueueResponse {
  asOf: string;
  referrals: UntriagedReferral[];
  teams: Array<{ id: string; name: string }>;
}
