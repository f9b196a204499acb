import { heldEpisodes, londonDay, system, type CoverArrangement } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { peopleByKeySql } from '../records/people-by-key.ts';
import type { Database } from '../schema.ts';

/** One person held by one team on the day, with their key worker (if any). */
export interface CaseloadEpisode {
  personId: string;
  episodeId: string;
  teamId: string;
  /** EpisodeOfCare.careManager: the key worker's Practitioner id. */
  keyWorkerId: string | null;
  /** CS/care-intensity code. */
  intensity: string | null;
}

export interface EpisodeScope {
  asOf: string;
  /** Episodes of these teams (Organization ids). */
  teams?: readonly string[];
  /** Episodes whose key worker is one of these (Practitioner ids). */
  keyWorkers?: readonly string[];
  /** Episodes of these people alone (sorted person ids): a board build of some people. */
  people?: readonly string[];
}

/**
 * Episodes of care a team holds on the as-of day (`active` or `onhold`, by their period), in one
 * query over the EpisodeOfCare records; whether each is held that day is the domain's decision
 * (heldEpisodes), the same as for the disengaged worklist.
 */
export async function loadCaseloadEpisodes(db: Kysely<Database>, scope: EpisodeScope): Promise<CaseloadEpisode[]> {
  return (await loadCaseloadEpisodesOnDays(db, [scope.asOf], scope))[0]!;
}

/** Episodes held on each of some days ("YYYY-MM-DD"), from one read of the episodes: for a trend. */
export async function loadCaseloadEpisodesOnDays(db: Kysely<Database>, days: readonly string[], scope: Omit<EpisodeScope, 'asOf'> = {}): Promise<CaseloadEpisode[][]> {
  const teams = scope.teams ? sql`AND resource->'managingOrganization'->>'reference' = ANY(${scope.teams.map((t) => `Organization/${t}`)}::text[])` : sql``;
  const keyWorkers = scope.keyWorkers ? sql`AND resource->'careManager'->>'reference' = ANY(${scope.keyWorkers.map((p) => `Practitioner/${p}`)}::text[])` : sql``;
  const people = scope.people ? peopleByKeySql(scope.people) : sql``;
  const result = await sql<Record<string, string | null>>`
    SELECT person_id, id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
           jsonb_path_query_first(resource, ${`$.type[*].coding[*] ? (@.system == "${system.careIntensity}").code`}::jsonpath) #>> '{}' AS intensity,
           resource->'managingOrganization'->>'reference' AS team, resource->'careManager'->>'reference' AS key_worker
    FROM record WHERE resource_type = 'EpisodeOfCare' AND status IN ('active', 'onhold', 'finished') ${teams} ${keyWorkers} ${people}
    ORDER BY person_id, id`.execute(db);
  // Each row is read once, and a day's list holds the same object as every other day it is held on:
  // a trend's 12 days held about a million copies at 100k people.
  const rows = result.rows.flatMap((r) => {
    const teamId = idOf('Organization', r.team);
    if (!teamId) return [];
    const episode: CaseloadEpisode = { personId: r.person_id!, episodeId: r.id!, teamId, keyWorkerId: idOf('Practitioner', r.key_worker), intensity: r.intensity ?? null };
    return [{ episode, period: [{ id: r.id!, status: r.status!, start: r.start, end: r.end }] }];
  });
  return days.map((asOf) => {
    const day = londonDay(asOf)!;
    return rows.filter((row) => heldEpisodes(row.period, day).length > 0).map((row) => row.episode);
  });
}

/** Practitioners whose people could come to `practitioner` through today's cover (a chain included). */
export function coveredBy(practitioner: string, covers: readonly CoverArrangement[]): string[] {
  const found = new Set<string>();
  let frontier = [practitioner];
  while (frontier.length) {
    const next = covers.filter((c) => frontier.includes(c.coveringPractitionerId) && !found.has(c.absentPractitionerId) && c.absentPractitionerId !== practitioner).map((c) => c.absentPractitionerId);
    next.forEach((p) => found.add(p));
    frontier = next;
  }
  return [...found];
}

/** The key workers named on a person's episodes, each once, in order. */
export function keyWorkersOf(episodes: readonly CaseloadEpisode[], personId: string): string[] {
  return [...new Set(episodes.filter((e) => e.personId === personId && e.keyWorkerId).map((e) => e.keyWorkerId!))].sort();
}

export function idOf(type: string, reference: string | null | undefined): string | null {
  const prefix = `${type}/`;
  return reference?.startsWith(prefix) ? reference.slice(prefix.length) : null;
}
