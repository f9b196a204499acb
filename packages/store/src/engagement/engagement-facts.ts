import { engagementRules, extension, intramuscularRoute, system, type EngagementFacts } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { peopleByKeySql } from '../records/people-by-key.ts';
import type { Database } from '../schema.ts';

export type Row = Record<string, any>;

export interface FactsScope {
  /** The end of the as-of day: nothing from this instant on is read. */
  before: Date;
  /** Only people these teams (Organization ids) have held. */
  teams?: readonly string[];
  /** Only people with ids in [from, to): a slice of the population, so memory stays bounded. */
  from?: string;
  to?: string;
  /** Only these people (a caseload): read by key, so a clinician's list never reads the whole team. */
  personIds?: readonly string[];
}

/**
 * The engagement facts of everyone on record (or everyone a team has held), in a handful of
 * set-based queries over the record table, each reading only the fields the rules need.
 *
 * Contacts are cut down in SQL without changing the answer: the rules need only the most recent
 * attended contact, any inpatient stays, and the missed appointments since that contact (a run of
 * DNAs is broken by any attended contact). Everything is bounded by `before`, the end of the as-of
 * day, so later records are never read.
 */
export async function loadEngagementFacts(db: Kysely<Database>, options: FactsScope): Promise<Map<string, EngagementFacts>> {
  const before = sql`${options.before.toISOString()}::timestamptz`;
  return factsFromRows(await engagementRows(db, options, contactsQuery(before, cohortOf(options))));
}

/** The rows facts are made from; each bounded row carries `at_ms`, when it happened, so a caller can bound it by an earlier day. */
export interface EngagementRows {
  people: Row[];
  episodes: Row[];
  plans: Row[];
  contacts: Row[];
  requests: Row[];
  statements: Row[];
  doses: Row[];
}

/** The people a scope reads, as SQL conditions on person_id. */
export function cohortOf(options: Omit<FactsScope, 'before'>): RawBuilder<unknown> {
  // For some teams: everyone they have held. Whether one held them on the as-of day is the rules' decision.
  const byTeam = options.teams
    ? sql`AND person_id IN (SELECT person_id FROM record WHERE resource_type = 'EpisodeOfCare'
          AND resource->'managingOrganization'->>'reference' = ANY(${options.teams.map((t) => `Organization/${t}`)}::text[])
          AND status NOT IN ('cancelled', 'entered-in-error'))`
    : sql``;
  // person_id leads every primary key, so a slice is an index range on each table.
  const from = options.from === undefined ? sql`` : sql`AND person_id >= ${options.from}`;
  const to = options.to === undefined ? sql`` : sql`AND person_id < ${options.to}`;
  // By key, bounded by the least and greatest of them, so a run of people is read by its range of the primary key.
  const only = options.personIds === undefined ? sql`` : peopleByKeySql(options.personIds);
  return sql`${byTeam} ${from} ${to} ${only}`;
}

/** Every fact but contacts by one query per record type; contacts by the caller's query, which says how they are cut down. */
export async function engagementRows(db: Kysely<Database>, options: FactsScope, contactsSql: RawBuilder<unknown>): Promise<EngagementRows> {
  const before = sql`${options.before.toISOString()}::timestamptz`;
  const cohort = cohortOf(options);
  const [people, episodes, plans, contacts, requests, statements, doses] = await Promise.all([
    rows(db, sql`SELECT person_id, deceased_at FROM person WHERE deceased_at IS NOT NULL ${cohort}`),
    rows(
      db,
      sql`SELECT person_id, id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
            jsonb_path_query_first(resource, ${codeIn('type', system.careIntensity)}::jsonpath) #>> '{}' AS intensity,
            resource->'managingOrganization'->>'reference' AS team
          FROM record WHERE resource_type = 'EpisodeOfCare' ${cohort}`,
    ),
    rows(
      db,
      sql`SELECT person_id, id, status, coalesce(resource->'period'->>'start', resource->>'created') AS start, resource->'period'->>'end' AS "end",
            jsonb_path_query_first(resource, ${`$.extension[*] ? (@.url == "${extension.contactFrequency}").valueDuration`}::jsonpath) AS frequency
          FROM record WHERE resource_type = 'CarePlan'
            AND resource @> ${JSON.stringify({ category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }] })}::jsonb ${cohort}`,
    ),
    rows(db, contactsSql),
    rows(
      db,
      sql`SELECT person_id, id, status, resource->>'authoredOn' AS authored_on,
            coalesce(resource->'medicationCodeableConcept'->>'text', jsonb_path_query_first(resource, '$.medicationCodeableConcept.coding[*].display') #>> '{}') AS medicine,
            jsonb_path_query_first(resource, ${`$.medicationCodeableConcept.coding[*] ? (@.system == "${system.atc}").code`}::jsonpath) #>> '{}' AS atc,
            resource @> ${JSON.stringify({ dosageInstruction: [{ route: { coding: [{ system: intramuscularRoute.system, code: intramuscularRoute.code }] } }] })}::jsonb AS injection,
            resource->'dosageInstruction'->0->'timing'->'repeat'->>'period' AS period,
            resource->'dosageInstruction'->0->'timing'->'repeat'->>'periodUnit' AS period_unit
          FROM record WHERE resource_type = 'MedicationRequest' ${cohort}`,
    ),
    rows(
      db,
      sql`SELECT person_id, id, status,
            jsonb_path_query_array(resource, ${codeIn('statusReason', system.medicationStatusReason)}::jsonpath) AS reason_codes,
            resource->'statusReason'->0->>'text' AS reason_text,
            jsonb_path_query_first(resource, '$.basedOn[*].reference') #>> '{}' AS request,
            coalesce(resource->'medicationCodeableConcept'->>'text', jsonb_path_query_first(resource, '$.medicationCodeableConcept.coding[*].display') #>> '{}') AS medicine,
            resource->>'dateAsserted' AS asserted,
            coalesce(resource->'effectivePeriod'->>'end', resource->>'effectiveDateTime') AS stopped, ${atMs} AS at_ms
          FROM record WHERE resource_type = 'MedicationStatement' AND (occurred_at IS NULL OR occurred_at < ${before}) ${cohort}`,
    ),
    rows(
      db,
      sql`SELECT person_id, id, status, resource->>'effectiveDateTime' AS at, resource->'request'->>'reference' AS request, ${atMs} AS at_ms
          FROM record WHERE resource_type = 'MedicationAdministration' AND occurred_at < ${before} ${cohort}`,
    ),
  ]);
  return { people, episodes, plans, contacts, requests, statements, doses };
}

/** When a record happened, in milliseconds since 1970, to compare with the end of a day in Node. */
export const atMs = sql`(extract(epoch FROM occurred_at) * 1000)::float8`;

/** Each person's engagement facts from the rows read for them. */
export function factsFromRows({ people, episodes, plans, contacts, requests, statements, doses }: EngagementRows): Map<string, EngagementFacts> {
  const facts = new Map<string, EngagementFacts>();
  const of = (personId: string): EngagementFacts => {
    let f = facts.get(personId);
    if (!f) {
      f = { personId, episodes: [], carePlans: [], appointments: [], encounters: [], medicationRequests: [], medicationStatements: [], administrations: [] };
      facts.set(personId, f);
    }
    return f;
  };
  for (const r of episodes) of(r.person_id).episodes.push({ id: r.id, status: r.status, start: r.start, end: r.end, intensity: r.intensity, teamId: idOf('Organization', r.team) });
  for (const r of plans) of(r.person_id).carePlans.push({ id: r.id, status: r.status, start: r.start, end: r.end, contactFrequency: duration(r.frequency?.value, r.frequency?.code ?? r.frequency?.unit) });
  for (const r of contacts) {
    // A trend's read (engagement-on-days.ts) says which appointments were attended and which missed.
    if (r.kind === 'appointment' || r.kind === 'attended' || r.kind === 'missed') of(r.person_id).appointments.push({ id: r.id, status: r.status, start: r.start });
    else of(r.person_id).encounters.push({ id: r.id, status: r.status, start: r.start, end: r.end, inpatient: r.kind === 'inpatient', appointmentIds: ((r.appointments ?? []) as Row[]).map((a) => idOf('Appointment', a?.reference)).filter((id): id is string => id !== null) });
  }
  for (const r of requests) {
    of(r.person_id).medicationRequests.push({
      id: r.id, status: r.status, authoredOn: r.authored_on, medicine: r.medicine ?? 'A medicine', atc: r.atc, injection: r.injection === true, interval: duration(r.period, r.period_unit),
    });
  }
  for (const r of statements) {
    of(r.person_id).medicationStatements.push({
      id: r.id, status: r.status, reasonCodes: r.reason_codes ?? [], reasonText: r.reason_text, requestId: idOf('MedicationRequest', r.request), medicine: r.medicine ?? 'a medicine', asserted: r.asserted, stopped: r.stopped,
    });
  }
  for (const r of doses) of(r.person_id).administrations.push({ id: r.id, status: r.status, at: r.at, requestId: idOf('MedicationRequest', r.request) });
  // Deceased people with no other records need no entry; those with records carry the date of death.
  for (const r of people) {
    const f = facts.get(r.person_id);
    if (f) f.deceasedAt = new Date(r.deceased_at).toISOString();
  }
  return facts;
}

/**
 * Attended contacts and missed appointments, reduced per person to what the rules can use: the
 * latest finished contact (not an admission), the latest fulfilled appointment, every inpatient stay,
 * and the DNAs on or after the later of those two.
 */
export function contactsQuery(before: RawBuilder<unknown>, cohort: RawBuilder<unknown>): RawBuilder<Row> {
  return sql`
    WITH encounters AS MATERIALIZED (
      -- One pass over contacts: admissions are kept whole, other contacts only as candidates for the latest.
      SELECT person_id, id, status, occurred_at, coalesce(resource->'class'->>'code', '') = 'IMP' AS inpatient,
             resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end", resource->'appointment' AS appointments
      FROM record WHERE resource_type = 'Encounter' AND occurred_at < ${before} AND status IN ('finished', 'in-progress') ${cohort}
    ), last_contact AS (
      SELECT DISTINCT ON (person_id) person_id, id, status, occurred_at, start, "end", appointments
      FROM encounters WHERE status = 'finished' AND NOT inpatient
      ORDER BY person_id, occurred_at DESC, id
    ), last_attended AS (
      SELECT DISTINCT ON (person_id) person_id, id, status, occurred_at, resource->>'start' AS start
      FROM record WHERE resource_type = 'Appointment' AND status IN ('fulfilled', 'arrived', 'checked-in') AND occurred_at < ${before} ${cohort}
      ORDER BY person_id, occurred_at DESC, id
    ), missed AS (
      -- A window, not a join: it stays one pass however the planner estimates the tables.
      SELECT kind, person_id, id, status, start, occurred_at,
             max(occurred_at) FILTER (WHERE kind = 'seen') OVER (PARTITION BY person_id) AS seen_at
      FROM (
        SELECT 'missed' AS kind, person_id, id, status, resource->>'start' AS start, occurred_at
          FROM record WHERE resource_type = 'Appointment' AND status = 'noshow' AND occurred_at < ${before} ${cohort}
        UNION ALL SELECT 'seen', person_id, id, NULL, NULL, occurred_at FROM last_contact
        UNION ALL SELECT 'seen', person_id, id, NULL, NULL, occurred_at FROM last_attended
      ) events
    )
    SELECT 'contact' AS kind, person_id, id, status, start, "end", appointments FROM last_contact
    UNION ALL
    SELECT 'appointment', person_id, id, status, start, NULL, NULL FROM last_attended
    UNION ALL
    SELECT 'inpatient', person_id, id, status, start, "end", NULL FROM encounters WHERE inpatient
    UNION ALL
    SELECT 'appointment', person_id, id, status, start, NULL, NULL
      FROM missed WHERE kind = 'missed' AND (seen_at IS NULL OR occurred_at >= seen_at)`;
}

/**
 * When each person's latest event was: of the records the queries above bound by `before` (contacts
 * and admissions, attended and missed appointments, medicines statements and doses). Facts read with
 * no bound answer for any as-of day from that day on.
 */
export async function loadNewestEvents(db: Kysely<Database>, scope: Pick<FactsScope, 'personIds' | 'from' | 'to'>): Promise<Map<string, Date>> {
  const people = scope.personIds === undefined ? sql`` : peopleByKeySql(scope.personIds);
  const from = scope.from === undefined ? sql`` : sql`AND person_id >= ${scope.from}`;
  const to = scope.to === undefined ? sql`` : sql`AND person_id < ${scope.to}`;
  const found = await rows(
    db,
    sql`SELECT person_id, max(occurred_at) AS newest FROM record
        WHERE occurred_at IS NOT NULL ${people} ${from} ${to} AND (
          (resource_type = 'Encounter' AND status IN ('finished', 'in-progress'))
          OR (resource_type = 'Appointment' AND status IN ('fulfilled', 'arrived', 'checked-in', 'noshow'))
          OR resource_type IN ('MedicationStatement', 'MedicationAdministration'))
        GROUP BY person_id`,
  );
  return new Map(found.map((r) => [r.person_id as string, new Date(r.newest)]));
}

async function rows(db: Kysely<Database>, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await query.execute(db)).rows as Row[];
}

/** A JSONPath for the codes of one system in a CodeableConcept (or list of them) at `path`. */
function codeIn(path: string, codeSystem: string): string {
  return `$.${path}[*].coding[*] ? (@.system == "${codeSystem}").code`;
}

function duration(value: unknown, unit: unknown): { value: number; unit: string } | null {
  const n = typeof value === 'number' ? value : Number(value);
  return typeof unit === 'string' && Number.isFinite(n) && n > 0 && engagementRules.daysPerUnit[unit] !== undefined ? { value: n, unit } : null;
}

function idOf(type: string, reference: string | null | undefined): string | null {
  const prefix = `${type}/`;
  return reference?.startsWith(prefix) ? reference.slice(prefix.length) : null;
}
