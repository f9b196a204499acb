import { ATC, SNOMED, countedResultStatuses, countedReviewStatuses, monitoredResults, monitoringRules, type MonitoringFacts } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';
import { loadPersonEpisodes, type HeldEpisodeFact } from '../records/person-episodes.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';
import { resultCodingsSql } from '../records/result-codings.ts';

type Row = Record<string, any>;

/** The latest result of a kind in a stretch, as the results query gives it in a person's array. */
type ResultRow = [id: string, status: string, system: string, code: string, kind: string, stretch: number, at: string | null];

export interface MonitoringFactsScope {
  /** The end of the as-of day: nothing from this instant on is read. */
  before: Date;
  /** The people to read (a slice of the population, or a caseload): read by key. */
  personIds: readonly string[];
}

// Every recognised result code with its kind, passed as three arrays so the list is one parameter each.
const recognised = Object.entries(monitoredResults).flatMap(([kind, r]) => r.codes.map((c) => ({ kind, system: c.system, code: c.code })));

/**
 * The monitoring facts of some people, in five set-based queries over the record table, each
 * reading only what the rules use. Results are cut down in SQL without changing the answer: the
 * rules need only the latest counted result of each kind (monitoredResults) and the latest finished
 * medication review, both bounded by `before`, so later records are never read. Ties at one instant
 * go to the smaller id in byte order, as the domain breaks them.
 */
export async function loadMonitoringFacts(db: Kysely<Database>, scope: MonitoringFactsScope): Promise<Map<string, MonitoringFacts>> {
  return (await loadMonitoringFactsOnDays(db, { befores: [scope.before], personIds: scope.personIds }))[0]!;
}

/**
 * The same facts as they stood at each of some ends of days (a board trend), read once. Results and
 * reviews are cut down per stretch between two ends (width_bucket: how many ends are at or before
 * the record), so each day takes, of each kind, the latest of the stretches before its own end:
 * the record a read bounded by that day would have found.
 */
export async function loadMonitoringFactsOnDays(
  db: Kysely<Database>,
  scope: {
    befores: readonly Date[];
    personIds: readonly string[];
    /** The people's episodes, when the caller has read them already. */
    episodes?: Map<string, HeldEpisodeFact[]>;
  },
): Promise<Array<Map<string, MonitoringFacts>>> {
  const ends = [...scope.befores].sort((a, b) => a.getTime() - b.getTime());
  const endsSql = sql`${ends.map((e) => e.toISOString())}::timestamptz[]`;
  const before = sql`${ends.at(-1)!.toISOString()}::timestamptz`;
  const cohort = peopleByKeySql(scope.personIds);
  const review = JSON.stringify({ type: [{ coding: [{ system: monitoringRules.reviewCode.system, code: monitoringRules.reviewCode.code }] }] });

  const [people, episodes, prescriptions, results, reviews] = await Promise.all([
    rows(db, sql`SELECT person_id, gender, birth_date, deceased_at FROM person WHERE true ${cohort}`),
    scope.episodes ?? loadPersonEpisodes(db, scope.personIds),
    rows(
      db,
      sql`SELECT person_id, id, status, resource->>'authoredOn' AS authored_on,
            coalesce(resource->'medicationCodeableConcept'->>'text', jsonb_path_query_first(resource, '$.medicationCodeableConcept.coding[*].display') #>> '{}') AS medicine,
            jsonb_path_query_array(resource, ${`$.medicationCodeableConcept.coding[*] ? (@.system == "${ATC}" || @.system == "${SNOMED}")`}::jsonpath) AS codes
          FROM record WHERE resource_type = 'MedicationRequest' ${cohort}`,
    ),
    rows(
      db,
      // A person's latest results come as one JSON array of ResultRow, by kind and then stretch (the
      // order the rows had): parsed once by the driver, not as a row of eight columns per result.
      sql`WITH recognised AS (
            SELECT * FROM unnest(${recognised.map((r) => r.system)}::text[], ${recognised.map((r) => r.code)}::text[], ${recognised.map((r) => r.kind)}::text[]) AS k(system, code, kind)
          ), latest AS (
            SELECT DISTINCT ON (o.person_id, k.kind, stretch) o.person_id, o.id, o.status, k.system, k.code, k.kind,
              width_bucket(o.occurred_at, ${endsSql}) AS stretch,
              coalesce(o.resource->>'effectiveDateTime', o.resource->'effectivePeriod'->>'start', o.resource->>'issued') AS at
            FROM record o
            CROSS JOIN LATERAL jsonb_array_elements(${resultCodingsSql('o')}) AS c(coding)
            JOIN recognised k ON k.system = c.coding->>'system' AND k.code = c.coding->>'code'
            WHERE o.resource_type = 'Observation' AND o.occurred_at < ${before} AND o.status = ANY(${[...countedResultStatuses]}::text[]) ${cohortOf('o', scope)}
            ORDER BY o.person_id, k.kind, stretch, o.occurred_at DESC, o.id COLLATE "C"
          )
          SELECT person_id, json_agg(json_build_array(id, status, system, code, kind, stretch, at) ORDER BY kind, stretch) AS results
          FROM latest GROUP BY person_id`,
    ),
    rows(
      db,
      sql`SELECT DISTINCT ON (person_id, stretch) person_id, id, status, resource->'period'->>'start' AS at, width_bucket(occurred_at, ${endsSql}) AS stretch
          FROM record WHERE resource_type = 'Encounter' AND occurred_at < ${before} AND status = ANY(${[...countedReviewStatuses]}::text[])
            AND resource @> ${review}::jsonb ${cohort}
          ORDER BY person_id, stretch, occurred_at DESC, id COLLATE "C"`,
    ),
  ]);

  // Each prescription is made once, whichever days it stands on, so that the rules work out a record once for all the days.
  const prescriptionsOf = new Map<string, MonitoringFacts['prescriptions']>();
  for (const r of prescriptions) {
    const held = prescriptionsOf.get(r.person_id) ?? prescriptionsOf.set(r.person_id, []).get(r.person_id)!;
    held.push({
      id: r.id, status: r.status, authoredOn: r.authored_on, medicine: r.medicine ?? 'A medicine',
      codes: ((typeof r.codes === 'string' ? JSON.parse(r.codes) : r.codes ?? []) as Row[]).filter((c) => typeof c?.code === 'string').map((c) => ({ system: c.system, code: c.code })),
    });
  }
  // Each person's rows by kind, each kind's in order of stretch (as the queries order them).
  const resultsOf = new Map<string, Map<string, Row[]>>();
  for (const person of results) {
    const kinds = new Map<string, Row[]>();
    for (const [id, status, system, code, kind, stretch, at] of person.results as ResultRow[]) (kinds.get(kind) ?? kinds.set(kind, []).get(kind)!).push({ id, status, system, code, kind, stretch, at });
    resultsOf.set(person.person_id, kinds);
  }
  const reviewsOf = new Map<string, Row[]>();
  for (const r of reviews) (reviewsOf.get(r.person_id) ?? reviewsOf.set(r.person_id, []).get(r.person_id)!).push(r);
  const personOf = new Map(people.map((r) => [r.person_id as string, r]));

  // Stretches 0..k lie wholly before the k-th end (in order).
  const lasts = scope.befores.map((end) => ends.findIndex((e) => e.getTime() === end.getTime()));
  const onDays = scope.befores.map(() => new Map<string, MonitoringFacts>());
  // Only people with prescriptions are judged; the rest of their record is read for them alone.
  for (const [personId, held] of prescriptionsOf) {
    const kinds = [...(resultsOf.get(personId)?.values() ?? [])];
    const personReviews = reviewsOf.get(personId) ?? [];
    // Days whose latest results and review are the same rows share one set of facts.
    const seen = new Map<string, MonitoringFacts>();
    const made = new Map<string, MonitoringFacts['results'][number]>();
    for (const [i, last] of lasts.entries()) {
      const chosen = kinds.map((rows) => latestUpTo(rows, last)).filter((r): r is Row => r !== undefined);
      const review = latestUpTo(personReviews, last);
      const key = `${chosen.map((r) => `${r.id}|${r.kind}`).join('|')}|${review?.id ?? ''}`;
      let facts = seen.get(key);
      if (!facts) {
        facts = { personId, episodes: episodes.get(personId) ?? [], prescriptions: held, results: resultsFrom(chosen, made), reviews: review ? [{ id: review.id, status: review.status, at: review.at }] : [] };
        const person = personOf.get(personId);
        if (person) {
          facts.gender = person.gender;
          facts.birthDate = person.birth_date;
          if (person.deceased_at) facts.deceasedAt = new Date(person.deceased_at).toISOString();
        }
        seen.set(key, facts);
      }
      onDays[i]!.set(personId, facts);
    }
  }
  return onDays;
}

/** Of one group's rows in order of stretch, the row of the last stretch up to `last`. */
function latestUpTo(rows: readonly Row[], last: number): Row | undefined {
  let found: Row | undefined;
  for (const r of rows) if (Number(r.stretch) <= last) found = r;
  return found;
}

/**
 * The results of the latest rows of each kind: one observation the latest of two kinds is one result
 * with both codes. A result with the same codes on another day is the one `made` then, so the rules
 * work it out once for all the days.
 */
function resultsFrom(chosen: readonly Row[], made: Map<string, MonitoringFacts['results'][number]>): MonitoringFacts['results'] {
  const byId = new Map<string, Row[]>();
  for (const r of chosen) (byId.get(r.id) ?? byId.set(r.id, []).get(r.id)!).push(r);
  return [...byId].map(([id, rows]) => {
    const key = `${id}|${rows.map((r) => `${r.system}|${r.code}`).join('|')}`;
    return made.get(key) ?? made.set(key, { id, status: rows[0]!.status, at: rows[0]!.at, codes: rows.map((r) => ({ system: r.system, code: r.code })) }).get(key)!;
  });
}

function cohortOf(alias: string, scope: Pick<MonitoringFactsScope, 'personIds'>): RawBuilder<unknown> {
  return peopleByKeySql(scope.personIds, `${alias}.person_id`);
}

async function rows(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}
