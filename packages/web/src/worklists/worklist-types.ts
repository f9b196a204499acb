/** What GET /api/worklists/disengaged returns: the worklist contract plus who each person is. */
import type { DisengagedWorklist } from '@continuity/store';

export type Worklist = DisengagedWorklist['list'];
export type WorklistItem = Worklist['items'][number];

export interface DisengagedWorklistResponse extends Worklist {
  people: Record<string, { name: string | null; teams: Array<{ id: string; name: string }> }>;
}
