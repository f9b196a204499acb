import { londonDay, londonToday } from '@continuity/domain';
import { sql, type RawBuilder } from 'kysely';

/** Which people a worklist is built for, and on which day: the same for every worklist. */
export interface WorklistScope {
  /** "YYYY-MM-DD", the day in England the list is as of; today when absent. */
  asOf?: string;
  /** Only people a team (Organization id) held on the as-of day. */
  team?: string;
  /** Only people held on the as-of day by one of these teams (a clinician's own teams). */
  teams?: readonly string[];
  /** Only these people (a caseload's): read by key instead of slices of the population. */
  people?: readonly string[];
  /** People per slice read from the database at once (tests make it small). */
  sliceSize?: number;
}

/** The day a list or report is for, as "YYYY-MM-DD" and as a day number: today in England when not given. */
export function scopeDay(asked?: string): { asOf: string; day: number } {
  const asOf = asked ?? londonToday();
  const day = londonDay(asOf);
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`as-of must be a date (YYYY-MM-DD), not "${asOf}"`);
  return { asOf, day };
}

/** The teams a list is kept to: the one asked for (if it is among the user's), else the user's own; none means everyone. */
export function scopeTeams(scope: Pick<WorklistScope, 'team' | 'teams'>): readonly string[] | undefined {
  return scope.team ? [scope.team].filter((t) => !scope.teams || scope.teams.includes(t)) : scope.teams;
}

/**
 * SQL keeping a query of person_id to people the teams have ever held (an episode not cancelled or
 * entered in error): the rules then check who was held on the day. Empty when there are no teams.
 */
export function heldByTeamsSql(teams: readonly string[] | undefined): RawBuilder<unknown> {
  return teams
    ? sql`AND person_id IN (SELECT person_id FROM record WHERE resource_type = 'EpisodeOfCare'
          AND resource->'managingOrganization'->>'reference' = ANY(${teams.map((t) => `Organization/${t}`)}::text[])
          AND status NOT IN ('cancelled', 'entered-in-error'))`
    : sql``;
}

/** SQL keeping a query of person_id to some people (a caseload's), when asked. */
export function onlyPeopleSql(people: readonly string[] | undefined): RawBuilder<unknown> {
  return people ? sql`AND person_id = ANY(${[...people]}::text[])` : sql``;
}
