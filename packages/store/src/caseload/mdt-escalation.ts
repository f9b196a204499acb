import { escalationOverdueReason, mdtReviewDueReason, type WorklistReason } from '@continuity/domain';
import type { DisengagedWorklist } from '../engagement/disengaged-worklist.ts';

/**
 * The MDT board's reasons from the assertive-engagement ladder: for people on the disengaged list,
 * steps overdue and an MDT review due; for people an MDT decision keeps off it, only the decision's
 * review date arriving. Steps nobody has taken on cite the records that put the person on the list.
 */
export function escalationReasons(disengaged: DisengagedWorklist, asOf: string): Array<{ personId: string; reason: WorklistReason }> {
  const found: Array<{ personId: string; reason: WorklistReason }> = [];
  for (const item of [...disengaged.list.items, ...disengaged.decided]) {
    const state = disengaged.people.get(item.patient.id)?.escalation;
    if (!state) continue;
    const listedFor = [...new Set(item.reasons.flatMap((r) => r.evidence))];
    // While an MDT decision stands, the MDT has set the plan: only its review date brings the person back to the board.
    const overdue = state.decisionStands ? null : escalationOverdueReason(state, listedFor, asOf);
    for (const reason of [overdue, mdtReviewDueReason(state, listedFor, asOf)]) {
      if (reason) found.push({ personId: item.patient.id, reason });
    }
  }
  return found;
}
