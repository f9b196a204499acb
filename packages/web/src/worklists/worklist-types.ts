/** What GET /api/worklists/<name> returns: the worklist contract plus who each person is. */
import type { DisengagedWorklist } from '@continuity/store';

export type Worklist = DisengagedWorklist['list'];
export type WorklistItem = Worklist['items'][number];

export interface DisengagedWorklistResponse extends Worklist {
  people: Record<string, { name: string | null; teams: Array<{ id: string; name: string }> }>;
}

/** Every worklist the API serves has the disengaged list's shape. */
export type WorklistResponse = DisengagedWorklistResponse;
