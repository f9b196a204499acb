import {
  ICD10,
  SNOMED,
  checkResultValue,
  countedResultStatuses,
  diagnosisCodes,
  diagnosisIcd10Prefixes,
  physicalHealthResults,
  physicalHealthRules,
  type PhysicalHealthFacts,
} from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { loadDiagnoses } from '../discharge/diagnoses.ts';
import type { Database } from '../schema.ts';
import { loadPersonEpisodes, type HeldEpisodeFact } from '../records/person-episodes.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';
import { resultCodingsSql } from '../records/result-codings.ts';

type Row = Record<string, any>;

/** A result as the results query gives it, in a person's array: id, status, when recorded (milliseconds), when taken, the check's codes it carries, and its value when asked for. */
type ResultRow = [id: string, status: string, recorded: number, at: string | null, codes: Array<{ system: string; code: string }> | null, value?: Record<string, unknown> | null];

export interface PhysicalHealthFactsScope {
  /** The end of the as-of day: nothing from this instant on is read. */
  before: Date;
  /** The people to read: read by key. */
  personIds: readonly string[];
}

// Every code that meets a part of the check, or is the height that lets a weight stand for BMI.
const checkCodes = [
  ...physicalHealthRules.components.flatMap((c) => [...c.results, ...(c.weightWithHeight ? [c.weightWithHeight.weight, c.weightWithHeight.height] : [])]),
  physicalHealthResults.height,
].flatMap((kind) => kind.codes);

/**
 * People who may be on the SMI register: a Condition coded with a psychosis or bipolar SNOMED CT
 * concept or ICD-10 prefix (the rules then check refuted diagnoses and the day). Fed to a WHERE as
 * `person_id IN (...)`-style candidates, so a list reads only these people, not everyone. Given
 * `people`, only their diagnoses are read, by key (a board build of some people), not everyone's.
 */
export function smiCandidates(people?: readonly string[]): RawBuilder<unknown> {
  const groups = physicalHealthRules.eligibleGroups;
  const snomed = diagnosisCodes.filter((d) => groups.includes(d.group)).map((d) => d.snomed);
  const prefixes = groups.flatMap((g) => diagnosisIcd10Prefixes[g]).map((p) => `${p}%`);
  return sql`SELECT person_id FROM record WHERE resource_type = 'Condition' ${people ? peopleByKeySql(people) : sql``} AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(coalesce(resource->'code'->'coding', '[]'::jsonb)) AS c(coding)
      WHERE (c.coding->>'system' = ${SNOMED} AND c.coding->>'code' = ANY(${snomed}::text[]))
         OR (c.coding->>'system' = ${ICD10} AND upper(c.coding->>'code') LIKE ANY(${prefixes}::text[])))`;
}

/**
 * The physical health facts of some people, in five set-based queries over the record table: every
 * counted result that meets a part of the check (all of them, since the last complete check can be
 * years back), the invitations, diagnoses, episodes and death, all bounded by `before`.
 */
export async function loadPhysicalHealthFacts(db: Kysely<Database>, scope: PhysicalHealthFactsScope): Promise<Map<string, PhysicalHealthFacts>> {
  return (await loadPhysicalHealthFactsOnDays(db, { befores: [scope.before], personIds: scope.personIds }))[0]!;
}

/**
 * The same facts as they stood at each of some ends of days (a board trend), read once: results and
 * invitations up to the latest end, and each day keeps only those recorded before its own end, as a
 * read bounded by that day would.
 */
export async function loadPhysicalHealthFactsOnDays(
  db: Kysely<Database>,
  scope: {
    befores: readonly Date[];
    personIds: readonly string[];
    /** Each result's value in words, which only the panel shows: a population read (a report, a worklist, the board) leaves it out. */
    values?: boolean;
    /** The people's episodes, when the caller has read them already. */
    episodes?: Map<string, HeldEpisodeFact[]>;
  },
): Promise<Array<Map<string, PhysicalHealthFacts>>> {
  if (scope.personIds.length === 0) return scope.befores.map(() => new Map());
  const latest = new Date(Math.max(...scope.befores.map((b) => b.getTime())));
  const before = sql`${latest.toISOString()}::timestamptz`;
  const cohort = peopleByKeySql(scope.personIds);
  const invitation = JSON.stringify({ category: [{ coding: [{ system: physicalHealthRules.invitation.category.system, code: physicalHealthRules.invitation.category.code }] }] });

  const values = scope.values ?? true;
  const [people, episodes, results, invitations, diagnoses] = await Promise.all([
    rows(db, sql`SELECT person_id, deceased_at FROM person WHERE true ${cohort}`),
    scope.episodes ?? loadPersonEpisodes(db, scope.personIds),
    rows(
      db,
      // The codes are matched once, in a lateral join, and the value is made only for the rows they
      // match. A person's results come as one JSON array of ResultRow, parsed once by the driver, and
      // when each was recorded as milliseconds, not a timestamp: rows of seven columns, each recorded
      // time parsed into a Date, cost Node about twice as much to take in.
      sql`WITH known AS (SELECT * FROM unnest(${checkCodes.map((c) => c.system)}::text[], ${checkCodes.map((c) => c.code)}::text[]) AS k(system, code))
          SELECT o.person_id, json_agg(json_build_array(o.id, o.status, ${recordedMs('o')},
            coalesce(o.resource->>'effectiveDateTime', o.resource->'effectivePeriod'->>'start', o.resource->>'issued'),
            matched.codes${values ? sql`, jsonb_build_object('valueQuantity', o.resource->'valueQuantity', 'valueInteger', o.resource->'valueInteger',
              'valueCodeableConcept', o.resource->'valueCodeableConcept', 'component', o.resource->'component')` : sql``})) AS results
          FROM record o
          CROSS JOIN LATERAL (SELECT jsonb_agg(DISTINCT jsonb_build_object('system', k.system, 'code', k.code)) AS codes
            FROM jsonb_array_elements(${resultCodingsSql('o')}) AS c(coding)
            JOIN known k ON k.system = c.coding->>'system' AND k.code = c.coding->>'code') AS matched
          WHERE o.resource_type = 'Observation' AND o.occurred_at < ${before} AND o.status = ANY(${[...countedResultStatuses]}::text[])
            ${peopleByKeySql(scope.personIds, 'o.person_id')} AND matched.codes IS NOT NULL
          GROUP BY o.person_id`,
    ),
    rows(
      db,
      sql`SELECT person_id, id, status, ${recordedMs('record')} AS recorded, resource->>'sent' AS sent, resource->'medium'->0->'coding'->0->>'code' AS method
          FROM record WHERE resource_type = 'Communication' AND occurred_at < ${before} AND resource @> ${invitation}::jsonb ${cohort}`,
    ),
    loadDiagnoses(db, scope.personIds),
  ]);

  // Each row is read (and its value worked out) once, whichever days it stands on.
  const checked = new Map<string, Array<{ recorded: number; fact: PhysicalHealthFacts['results'][number] }>>();
  for (const person of results) {
    const own: Array<{ recorded: number; fact: PhysicalHealthFacts['results'][number] }> = [];
    for (const [id, status, recorded, at, codes, value] of person.results as ResultRow[]) {
      if (!codes?.length) continue;
      const fact: PhysicalHealthFacts['results'][number] = { id, status, at, codes: codes.map((c) => ({ system: c.system, code: c.code })) };
      if (values) fact.value = checkResultValue(value ?? {}) ?? null;
      own.push({ recorded: Math.trunc(recorded), fact });
    }
    if (own.length) checked.set(person.person_id, own);
  }
  const invited = new Map<string, Array<{ recorded: number; fact: PhysicalHealthFacts['invitations'][number] }>>();
  for (const r of invitations) {
    (invited.get(r.person_id) ?? invited.set(r.person_id, []).get(r.person_id)!).push({ recorded: Math.trunc(r.recorded), fact: { id: r.id, status: r.status, sent: r.sent, method: r.method } });
  }
  const deceased = new Map(people.filter((r) => r.deceased_at).map((r) => [r.person_id as string, new Date(r.deceased_at).toISOString()]));

  const ends = scope.befores.map((end) => end.getTime());
  const onDays = scope.befores.map(() => new Map<string, PhysicalHealthFacts>());
  for (const personId of scope.personIds) {
    // Days that see the same records share one set of facts: a day sees those recorded before its
    // end, so two days seeing as many results and invitations see the same ones.
    const seen = new Map<string, PhysicalHealthFacts>();
    const personResults = checked.get(personId) ?? [];
    const personInvitations = invited.get(personId) ?? [];
    for (const [i, until] of ends.entries()) {
      const key = `${countBefore(personResults, until)}|${countBefore(personInvitations, until)}`;
      let facts = seen.get(key);
      if (!facts) {
        const results = personResults.filter((r) => r.recorded < until).map((r) => r.fact);
        const invitations = personInvitations.filter((r) => r.recorded < until).map((r) => r.fact);
        facts = { personId, episodes: [...(episodes.get(personId) ?? [])], diagnoses: diagnoses.get(personId) ?? [], results, invitations };
        const died = deceased.get(personId);
        if (died) facts.deceasedAt = died;
        seen.set(key, facts);
      }
      onDays[i]!.set(personId, facts);
    }
  }
  return onDays;
}

/**
 * When a record was recorded, in milliseconds since 1970 as a number: compared in Node with the end
 * of each day, as a Date made from the timestamp would be once truncated to the millisecond.
 */
function recordedMs(alias: string): RawBuilder<unknown> {
  return sql`(extract(epoch FROM ${sql.ref(`${alias}.occurred_at`)}) * 1000)::float8`;
}

function countBefore(records: ReadonlyArray<{ recorded: number }>, until: number): number {
  let count = 0;
  for (const r of records) if (r.recorded < until) count++;
  return count;
}

async function rows(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}
