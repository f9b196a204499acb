import { earliestListingDay, isoDay, londonDay, newestEventDay, type EngagementFacts } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadEngagementFacts, loadNewestEvents } from './engagement-facts.ts';

/** Record types the engagement rules read: a write to any of them changes what the worklist must say. */
export const engagementRecordTypes: ReadonlySet<string> = new Set([
  'Patient', 'EpisodeOfCare', 'CarePlan', 'Appointment', 'Encounter', 'MedicationRequest', 'MedicationStatement', 'MedicationAdministration',
]);

/**
 * Up to this many people, a write rebuilds their engagement state in its own transaction (a
 * clinician recording a contact sees the list change at once); a bulk write only marks them stale,
 * and the import, or the next worklist, rebuilds them in slices.
 */
const REBUILD_WITH_THE_WRITE = 50;

/**
 * People per slice when rebuilding many (about 2 KB of facts each). Small enough that a slice of a
 * large population is read by index range: at 100,000 people with the planner's statistics, slices
 * of 20,000 (a fifth of each table) were read by scanning whole tables, five times over; slices of
 * 5,000 took 13 s against 20, and 24 s of CPU against 38; just after a bulk import, before any
 * statistics, 12-13 s with the last slice read by key (rebuildStaleEngagementState).
 */
const REBUILD_SLICE = 5_000;

/** Episode states that never tie a person to a team's list. */
const NOT_A_TEAM = new Set(['cancelled', 'entered-in-error']);

/** A day before any record, for facts with no dated events: the bound is then worked out from the episodes alone. */
const BEFORE_ANY_RECORD = londonDay('1900-01-01')!;

/** Records after this instant are not read: with no as-of day, every record counts. */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

type Db = Kysely<Database>;

/** Call in the transaction that wrote records of `engagementRecordTypes` for these people. */
export async function engagementRecordsChanged(db: Db, personIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return;
  // Marking first takes each person's row lock, so two writers for one person rebuild one after the other.
  const generations = await markEngagementStale(db, ids);
  if (ids.length <= REBUILD_WITH_THE_WRITE) await rebuildEngagementState(db, ids, generations);
}

/** Returns each person's new generation. Ids are locked in sorted order, so concurrent writers cannot deadlock. */
export async function markEngagementStale(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  const marked = await sql<{ person_id: string; generation: string }>`
    INSERT INTO engagement_state AS s (person_id) SELECT unnest(${[...personIds].sort()}::text[])
    ON CONFLICT (person_id) DO UPDATE SET generation = s.generation + 1, facts = NULL
    RETURNING person_id, generation`.execute(db);
  return new Map(marked.rows.map((r) => [r.person_id, String(r.generation)]));
}

/**
 * Rebuilds everyone whose state is stale, a slice at a time, reporting people done. Returns how
 * many were rebuilt. Safe to run beside writers: see the generation check in storeStates.
 */
export async function rebuildStaleEngagementState(db: Db, options: { sliceSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
  const stale = (await sql<{ person_id: string }>`SELECT person_id FROM engagement_state WHERE facts IS NULL ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
  const size = options.sliceSize ?? REBUILD_SLICE;
  const rebuildSlice = async (i: number) => {
    const slice = stale.slice(i, i + size);
    const next = stale[i + size];
    // The last slice by key, which is bounded by its least and greatest ids: just after a bulk import,
    // with no statistics yet, the planner read an open-ended range by scanning whole tables.
    if (next === undefined) return rebuildEngagementState(db, slice);
    // A slice that is most of an id range is read as that range (index range scans), else by key.
    const range = { from: slice[0]!, to: next };
    const inRange = slice.length >= 1000 ? await countInRange(db, range) : Infinity;
    await rebuildEngagementState(db, inRange <= 2 * slice.length ? range : slice);
  };
  // Slices in pairs: the server reads one while this process works out the other's states.
  for (let i = 0; i < stale.length; i += 2 * size) {
    await Promise.all([rebuildSlice(i), ...(i + size < stale.length ? [rebuildSlice(i + size)] : [])]);
    options.onProgress?.(Math.min(i + 2 * size, stale.length), stale.length);
  }
  return stale.length;
}

/** People in [from, to); `to` undefined is open-ended. */
interface PersonRange {
  from: string;
  to?: string;
}

async function countInRange(db: Db, range: PersonRange): Promise<number> {
  const to = range.to === undefined ? sql`` : sql`AND person_id < ${range.to}`;
  const counted = await sql<{ people: string }>`SELECT count(*) AS people FROM engagement_state WHERE person_id >= ${range.from} ${to}`.execute(db);
  return Number(counted.rows[0]!.people);
}

/** Reads these people's records and stores their engagement state, unless a write made it stale again meanwhile. */
export async function rebuildEngagementState(db: Db, people: readonly string[] | PersonRange, known?: ReadonlyMap<string, string>): Promise<void> {
  const scope = Array.isArray(people) ? sql`person_id = ANY(${[...people]}::text[])` : rangeCondition(people as PersonRange);
  const generationOf = known ?? new Map((await sql<{ person_id: string; generation: string }>`SELECT person_id, generation FROM engagement_state WHERE ${scope}`.execute(db)).rows.map((r) => [r.person_id, String(r.generation)]));
  const personIds = Array.isArray(people) ? (people as readonly string[]) : [...generationOf.keys()];
  if (personIds.length === 0) return;
  const factsScope = Array.isArray(people) ? { personIds } : (people as PersonRange);
  const [facts, newest] = await Promise.all([loadEngagementFacts(db, { before: END_OF_TIME, ...factsScope }), loadNewestEvents(db, factsScope)]);
  const states = personIds.map((personId) => stateOf(facts.get(personId) ?? emptyFacts(personId), newest.get(personId), generationOf.get(personId) ?? '0'));
  await storeStates(db, states);
}

function rangeCondition(range: PersonRange) {
  return range.to === undefined ? sql`person_id >= ${range.from}` : sql`person_id >= ${range.from} AND person_id < ${range.to}`;
}

interface State {
  personId: string;
  generation: string;
  facts: string;
  validFrom: string | null;
  listableFrom: string | null;
  teamIds: string;
}

function stateOf(facts: EngagementFacts, newestEvent: Date | undefined, generation: string): State {
  // The later of what the queries bound by (occurred_at) and what the rules read (a statement's dates).
  const days = [newestEvent === undefined ? undefined : londonDay(newestEvent.toISOString()), newestEventDay(facts)].filter((d): d is number => d !== undefined);
  const validFrom = days.length ? Math.max(...days) : undefined;
  const listable = earliestListingDay(facts, validFrom ?? BEFORE_ANY_RECORD);
  const teams = new Set(facts.episodes.filter((e) => e.teamId && !NOT_A_TEAM.has(e.status)).map((e) => e.teamId!));
  return {
    personId: facts.personId,
    generation,
    facts: JSON.stringify(facts),
    validFrom: validFrom === undefined ? null : isoDay(validFrom),
    listableFrom: listable === null ? null : isoDay(listable),
    // Team ids are FHIR ids, which never contain a comma.
    teamIds: [...teams].sort().join(','),
  };
}

/**
 * Stores rebuilt states. A row whose generation moved on since it was read was made stale by a
 * write the rebuild may not have seen: it is left stale (PostgreSQL re-checks the WHERE against the
 * committed row when the writer's lock is released), to be rebuilt again.
 */
async function storeStates(db: Db, states: readonly State[]): Promise<void> {
  // One JSON document rather than six arrays: the facts are JSON already, and PostgreSQL parses it once.
  await sql`
    INSERT INTO engagement_state AS s (person_id, generation, facts, valid_from, listable_from, team_ids, refreshed_at)
    SELECT person_id, generation, facts, valid_from, listable_from, string_to_array(team_ids, ','), now()
    FROM jsonb_to_recordset(${`[${states.map(stateJson).join(',')}]`}::jsonb)
      AS t(person_id text, generation bigint, facts jsonb, valid_from date, listable_from date, team_ids text)
    ON CONFLICT (person_id) DO UPDATE SET facts = excluded.facts, valid_from = excluded.valid_from, listable_from = excluded.listable_from,
      team_ids = excluded.team_ids, refreshed_at = excluded.refreshed_at
    WHERE s.generation = excluded.generation`.execute(db);
}

function stateJson(s: State): string {
  return `{"person_id":${JSON.stringify(s.personId)},"generation":${s.generation},"facts":${s.facts},"valid_from":${JSON.stringify(s.validFrom)},"listable_from":${JSON.stringify(s.listableFrom)},"team_ids":${JSON.stringify(s.teamIds)}}`;
}

function emptyFacts(personId: string): EngagementFacts {
  return { personId, episodes: [], carePlans: [], appointments: [], encounters: [], medicationRequests: [], medicationStatements: [], administrations: [] };
}
