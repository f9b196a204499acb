/** The shapes the history and need-to-know API return: type-only imports from the store, which builds them. */
import type { NeedToKnow, PersonHistoryView } from '@continuity/store';

export type { PersonHistoryView };
export type HistoryEventView = PersonHistoryView['events'][number];

export interface NeedToKnowResponse extends NeedToKnow {
  access: { basis: 'key-worker' | 'team' | 'break-glass' | 'crisis-line' };
}
