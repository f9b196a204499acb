/** What GET /api/worklists/<name> returns: the worklist contract plus who each person is. */
import type { DisengagedWorklist } from '@continuity/store';
import type { EscalationSummaryView, MdtDecisionView } from '../escalation/escalation-types.ts';

export type Worklist = DisengagedWorklist['list'];
export type WorklistItem = Worklist['items'][number];

/**
 * Every worklist the API serves: the contract plus who each person is. The disengaged list also
 * gives each person's escalation and the people a standing MDT decision keeps off it.
 */
export interface WorklistResponse extends Worklist {
  people: Record<string, { name: string | null; teams: Array<{ id: string; name: string }>; escalation?: EscalationSummaryView | null }>;
  /** Disengaged list only: people a standing MDT decision keeps off the list. */
  decided?: Array<WorklistItem & { decision: MdtDecisionView }>;
}
