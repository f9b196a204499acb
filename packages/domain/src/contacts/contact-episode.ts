import type { EpisodeFact } from '../engagement/engagement-facts.ts';
import { heldEpisodes } from '../engagement/held-episodes.ts';
import { londonDay } from '../engagement/london-calendar.ts';

/**
 * The episode of care a contact belongs to when the staff member did not choose one: the person's
 * one episode held, on the day of the contact, by one of the staff member's teams. None when there
 * is no such episode or more than one: a guess would file the contact under the wrong team.
 */
export function defaultContactEpisode(episodes: readonly EpisodeFact[], staffTeams: readonly string[], date: string): EpisodeFact | undefined {
  const day = londonDay(date);
  if (day === undefined) return undefined;
  const ours = heldEpisodes(episodes, day).filter((e) => e.teamId && staffTeams.includes(e.teamId));
  return ours.length === 1 ? ours[0] : undefined;
}

/**
 * The team that provided a contact (Encounter.serviceProvider): the episode's team when the staff
 * member works in it, otherwise the staff member's own team when they have exactly one.
 */
export function contactTeam(staffTeams: readonly string[], episodeTeam: string | null | undefined): string | undefined {
  if (episodeTeam && staffTeams.includes(episodeTeam)) return episodeTeam;
  return staffTeams.length === 1 ? staffTeams[0] : undefined;
}
