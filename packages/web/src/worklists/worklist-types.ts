/** What GET /api/worklists/disengaged returns: the worklist contract plus who each person is. */
import type { DisengagedWorklist } from '@continuity/store';
import type { EscalationSummaryView, MdtDecisionView } from '../escalation/escalation-types.ts';

export type Worklist = DisengagedWorklist['list'];
export type WorklistItem = Worklist['items'][number];

export interface DisengagedWorklistResponse extends Worklist {
  people: Record<string, { name: string | null; teams: Array<{ id: string; name: string }>; escalation: EscalationSummaryView | null }>;
  /** People a standing MDT decision keeps off the list. */
  decided: Array<WorklistItem & { decision: MdtDecisionView }>;
}
