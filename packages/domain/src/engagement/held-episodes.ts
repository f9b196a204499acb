import type { EpisodeFact } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import { londonDay } from './london-calendar.ts';

const NEVER_HELD = new Set(['planned', 'waitlist', 'cancelled', 'entered-in-error']);

/**
 * Episodes in which a team held the person on the as-of day. An episode discharged later still
 * counts for an earlier as-of date (its period says so); one discharged on the as-of day does not.
 */
export function heldEpisodes(episodes: readonly EpisodeFact[], asOf: number): EpisodeFact[] {
  return episodes.filter((episode) => {
    if (NEVER_HELD.has(episode.status)) return false;
    const start = londonDay(episode.start);
    if (start !== undefined && start > asOf) return false;
    const end = londonDay(episode.end);
    if (end === undefined) return engagementRules.heldEpisodeStatuses.includes(episode.status);
    return end > asOf;
  });
}
