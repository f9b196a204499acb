import { isoDay, londonDay, londonToday, system } from '@continuity/domain';
import { scenario } from './scenario.ts';

/** The day `n` days before today in England. */
export const daysAgo = (n: number) => isoDay(londonDay(londonToday())! - n);

/**
 * The foundation scenario with Ada last seen 20 days ago: inside the standard 28-day interval, so
 * she is not on the disengaged list until her care plan asks for contact more often. Her imported
 * care plan has a goal and no sections; her mother is her carer. The demo key worker is hers.
 */
export function plansScenario(): Record<string, Array<Record<string, unknown>>> {
  const resources = scenario();
  resources.Encounter!.push({
    resourceType: 'Encounter', id: 'ada-contact-recent', status: 'finished', class: { system: system.v3ActCode, code: 'HH' }, subject: { reference: 'Patient/ada' },
    period: { start: `${daysAgo(20)}T10:00:00Z` }, episodeOfCare: [{ reference: 'EpisodeOfCare/ada-episode' }], serviceProvider: { reference: 'Organization/team-north' },
  });
  return resources;
}
