import { attendedContacts, compareFindings, endOfLondonDay, evaluateEngagementOnDays, heldEpisodes, londonDay, type EngagementFacts, type EngagementFinding, type WorklistReason } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';
import { atMs, cohortOf, engagementRows, factsFromRows, type EngagementRows, type FactsScope, type Row } from './engagement-facts.ts';
import { escalationFrom } from './escalation-on-worklist.ts';
import { loadEscalationRecords } from './escalation-records.ts';
import { readAhead } from '../records/read-ahead.ts';

// A slice of people's facts at a time, so that memory stays bounded however many people there are
// (each is judged on every day while the next slice is read: readAhead). Small enough that
// PostgreSQL reads a slice by its range of the primary key, not by scanning the whole table once
// per slice (as it did for slices of 20,000 of 100,000 people), so the table is read about once.
const SLICE_SIZE = 5_000;

/** The disengaged worklist on one day, as the board reads it: who is listed and why, in the worklist's order. */
export interface EngagementOnDay {
  asOf: string;
  /** `reasons` only for the people `reasonsOf` asks about (everyone, unless it is given). */
  listed: Array<{ personId: string; reasons?: WorklistReason[]; teamIds: string[] }>;
  /** On the days `contactAfter.from`: the London day of the latest attended contact, `contactAfter.days` later, of each person found on this day, or null if none. */
  latestContact: Map<string, number | null>;
}

/**
 * The disengaged worklist (disengagedWorklist) on each of some days, from one read of everyone's
 * engagement facts bounded by the last day: each day is judged by the domain's evaluateEngagement
 * (evaluateEngagementOnDays, equal to it day by day) on the facts a read bounded by that day would
 * have found (loadEngagementFacts), and an MDT decision standing on that day keeps a person off it,
 * as on the worklist. Contacts are cut down in SQL as for one day, per stretch between two days: the
 * latest attended contact of each stretch, so each day takes the latest of the stretches before it;
 * and the missed appointments since the latest contact before the first day, which each day narrows
 * to those since its own latest contact. With `contactAfter`, the people found on each of its `from`
 * days (some of `days`) have their latest contact that many days later looked up too (the board's
 * contact re-established). With `people`, only they are judged: each person's answer is their own.
 */
export async function engagementOnDays(
  db: Kysely<Database>,
  days: readonly string[],
  options: { contactAfter?: { days: number; from: readonly string[] }; people?: readonly string[]; reasonsOf?: (personId: string) => boolean } = {},
): Promise<EngagementOnDay[]> {
  const reasonsOf = options.reasonsOf ?? (() => true);
  const endOf = (day: number) => endOfLondonDay(day).getTime();
  // Judged in order of day, so each person's facts for a day are the previous day's when nothing new was recorded between them.
  const order = days.map((_, i) => i).sort((a, b) => londonDay(days[a])! - londonDay(days[b])!);
  const ends = days.map((d) => endOf(londonDay(d)!));
  const contactOn = days.map((d) => (options.contactAfter?.from.includes(d) ? londonDay(d)! + options.contactAfter.days : undefined));
  const bounds = [...new Set([...ends, ...contactOn.filter((d) => d !== undefined).map(endOf)])].sort((a, b) => a - b);
  const stretchOf = (end: number) => bounds.indexOf(end) + 1;
  const findingsOn: EngagementFinding[][] = days.map(() => []);
  const teamsOn: Array<Map<string, string[]>> = days.map(() => new Map());
  const latestOn: Array<Map<string, number | null>> = days.map(() => new Map());

  const slices: Array<Omit<FactsScope, 'before'>> = options.people ? chunks(options.people) : await personSlices(db);
  for await (const rows of readAhead(slices, (slice) => engagementRows(db, { before: new Date(bounds.at(-1)!), ...slice }, contactsOnDaysQuery(bounds, cohortOf(slice))))) {
    const people = byPerson({ ...rows, contacts: contactRows(rows.contacts) });
    const judged = order.map((i) => days[i]!);
    for (const person of people.values()) {
      const factsOn = order.map((i) => person.on(ends[i]!, stretchOf(ends[i]!)));
      for (const [k, finding] of evaluateEngagementOnDays(factsOn, judged).entries()) {
        if (!finding) continue;
        const i = order[k]!;
        findingsOn[i]!.push(reasonsOf(finding.personId) ? finding : { ...finding, reasons: notKept(finding.reasons.length) });
        teamsOn[i]!.set(finding.personId, [...new Set(heldEpisodes(factsOn[k]!.episodes, londonDay(days[i])!).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort());
        // Contact since a day on the list (the board's contact re-established), for the people found on that day.
        const later = contactOn[i];
        if (later === undefined) continue;
        const contacts = attendedContacts(person.on(endOf(later), stretchOf(endOf(later))), later);
        latestOn[i]!.set(finding.personId, contacts.length ? Math.max(...contacts.map((c) => c.day)) : null);
      }
    }
  }

  const records = await loadEscalationRecords(db, [...new Set(findingsOn.flat().map((f) => f.personId))]);
  return days.map((asOf, i) => {
    const findings = findingsOn[i]!.sort(compareFindings);
    const escalation = escalationFrom(records, findings, asOf);
    return {
      asOf,
      listed: findings.filter(escalation.listed).map((f) => ({ personId: f.personId, ...(reasonsOf(f.personId) ? { reasons: f.reasons } : {}), teamIds: teamsOn[i]!.get(f.personId) ?? [] })),
      latestContact: latestOn[i]!,
    };
  });
}

/**
 * Stand-ins for reasons not kept, as many as there were: the worklist's order (compareFindings)
 * counts a finding's reasons, so the count is kept though the reasons are let go. One shared list
 * per count, never given out.
 */
const standIns: WorklistReason[][] = [];
function notKept(count: number): WorklistReason[] {
  return (standIns[count] ??= Array.from({ length: count }, () => ({ code: '', text: '', evidence: [] })));
}

/** Everyone on record in slices of person ids, so that memory stays bounded as for the worklist. */
async function personSlices(db: Kysely<Database>): Promise<Array<{ from?: string; to?: string }>> {
  const ids = (await sql<{ person_id: string }>`SELECT person_id FROM person ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
  const starts = ids.filter((_, i) => i > 0 && i % SLICE_SIZE === 0);
  return [undefined, ...starts].map((from, i) => ({ from, to: starts[i] }));
}

/** Some people, a slice at a time. */
function chunks(people: readonly string[]): Array<{ personIds: readonly string[] }> {
  const found: Array<{ personIds: readonly string[] }> = [];
  for (let i = 0; i < people.length; i += SLICE_SIZE) found.push({ personIds: people.slice(i, i + SLICE_SIZE) });
  return found;
}

/** One person's facts as read up to the last day, and what a read bounded by an earlier day would have found. */
interface PersonOnDays {
  on(end: number, stretch: number): EngagementFacts;
}

/**
 * Each person's facts from the rows read up to the last day, made once (factsFromRows keeps each
 * person's rows in order, so each fact lies beside its row's `at_ms` and `stretch`). A day ending at
 * `end` (its `stretch` the number of bounds up to and including it) takes the latest contact and
 * attended appointment of the stretches before it, the missed appointments since the later of
 * them, and the admissions, statements and doses before it, as loadEngagementFacts would for that day.
 */
function byPerson(rows: EngagementRows): Map<string, PersonOnDays> {
  const all = factsFromRows(rows);
  const rowsOf = (list: Row[], keep: (r: Row) => boolean = () => true) => {
    const found = new Map<string, Row[]>();
    for (const r of list) if (keep(r)) (found.get(r.person_id) ?? found.set(r.person_id, []).get(r.person_id)!).push(r);
    return found;
  };
  const encounterRows = rowsOf(rows.contacts, (r) => r.kind === 'contact' || r.kind === 'inpatient');
  const appointmentRows = rowsOf(rows.contacts, (r) => r.kind === 'attended' || r.kind === 'missed');
  const statementRows = rowsOf(rows.statements);
  const doseRows = rowsOf(rows.doses);
  const people = new Map<string, PersonOnDays>();
  for (const facts of all.values()) {
    people.set(facts.personId, cutDown(facts, encounterRows.get(facts.personId) ?? [], appointmentRows.get(facts.personId) ?? [], statementRows.get(facts.personId) ?? [], doseRows.get(facts.personId) ?? []));
  }
  return people;
}

/**
 * One person's facts as a read bounded by each day would have found them, from their facts and rows
 * read up to the last day. Two days' cut-downs are nested (a later day keeps all an earlier one
 * kept, given the same latest contacts), so when the latest contacts and the number of records
 * kept of each kind are a day's as for the day before, the facts are the same: the very object is
 * given again, which is what lets the domain (evaluateEngagementOnDays) skip days with nothing new.
 */
function cutDown(facts: EngagementFacts, encounters: Row[], appointments: Row[], statements: Row[], doses: Row[]): PersonOnDays {
  // Plain loops over each kind's rows, no arrays made per call: this runs for everyone on every day of a trend.
  const contacts = encounters.filter((r) => r.kind === 'contact');
  const stays = encounters.filter((r) => r.kind === 'inpatient');
  const attendances = appointments.filter((r) => r.kind === 'attended');
  const missed = appointments.filter((r) => r.kind === 'missed');
  let last: { contact: Row | undefined; attended: Row | undefined; stays: number; missed: number; said: number; given: number; facts: EngagementFacts } | undefined;
  return {
    on(end, stretch) {
      const contact = latestOfStretches(contacts, stretch);
      const attended = latestOfStretches(attendances, stretch);
      const seenAt = Math.max(contact?.at_ms ?? -Infinity, attended?.at_ms ?? -Infinity);
      let stayed = 0;
      for (const r of stays) if (r.at_ms < end) stayed += 1;
      let missedSince = 0;
      for (const r of missed) if (r.at_ms < end && r.at_ms >= seenAt) missedSince += 1;
      let said = 0;
      for (const r of statements) if (r.at_ms === null || r.at_ms < end) said += 1;
      let given = 0;
      for (const r of doses) if (r.at_ms < end) given += 1;
      if (last && last.contact === contact && last.attended === attended && last.stays === stayed && last.missed === missedSince && last.said === said && last.given === given) return last.facts;
      last = {
        contact,
        attended,
        stays: stayed,
        missed: missedSince,
        said,
        given,
        facts: {
          ...facts,
          encounters: facts.encounters.filter((_, j) => encounters[j] === contact || (encounters[j]!.kind === 'inpatient' && encounters[j]!.at_ms < end)),
          appointments: facts.appointments.filter((_, j) => appointments[j] === attended || (appointments[j]!.kind === 'missed' && appointments[j]!.at_ms < end && appointments[j]!.at_ms >= seenAt)),
          medicationStatements: facts.medicationStatements.filter((_, j) => statements[j]!.at_ms === null || statements[j]!.at_ms < end),
          administrations: facts.administrations.filter((_, j) => doses[j]!.at_ms < end),
        },
      };
      return last.facts;
    },
  };
}

/** The row from the latest stretch before `stretch` (a day's latest contact), if any. */
function latestOfStretches(rows: readonly Row[], stretch: number): Row | undefined {
  let found: Row | undefined;
  for (const r of rows) if (r.stretch < stretch && (found === undefined || r.stretch > found.stretch)) found = r;
  return found;
}

/**
 * Contacts as contactsQuery (engagement-facts.ts) reads them for one day, for every stretch between
 * the bounds at once (width_bucket: 0 before the first bound, n from the nth): the latest finished
 * contact (not an admission) and the latest attended appointment of each stretch, every inpatient
 * stay, and the missed appointments on or after the latest contact before the first bound. A
 * person's contacts come as one JSON array (contactRows makes them rows again): a trend's contacts
 * are a row per stretch, and Node took in rows of nine columns at about half the speed it parses JSON.
 */
function contactsOnDaysQuery(bounds: readonly number[], cohort: RawBuilder<unknown>): RawBuilder<Row> {
  const instants = sql`${bounds.map((b) => new Date(b).toISOString())}::timestamptz[]`;
  const last = sql`${new Date(bounds.at(-1)!).toISOString()}::timestamptz`;
  return sql`
    WITH encounters AS MATERIALIZED (
      SELECT person_id, id, status, occurred_at, coalesce(resource->'class'->>'code', '') = 'IMP' AS inpatient,
             resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end", resource->'appointment' AS appointments
      FROM record WHERE resource_type = 'Encounter' AND occurred_at < ${last} AND status IN ('finished', 'in-progress') ${cohort}
    ), appointments AS MATERIALIZED (
      -- One pass over appointments for both the attended and the missed: each slice reads the table's rows once.
      SELECT person_id, id, status, occurred_at, resource->>'start' AS start
      FROM record WHERE resource_type = 'Appointment' AND status IN ('fulfilled', 'arrived', 'checked-in', 'noshow') AND occurred_at < ${last} ${cohort}
    ), last_contact AS (
      SELECT DISTINCT ON (person_id, stretch) person_id, id, status, occurred_at, start, "end", appointments, stretch
      FROM (SELECT *, width_bucket(occurred_at, ${instants}) AS stretch FROM encounters WHERE status = 'finished' AND NOT inpatient) e
      ORDER BY person_id, stretch, occurred_at DESC, id
    ), last_attended AS (
      SELECT DISTINCT ON (person_id, stretch) person_id, id, status, occurred_at, start, stretch
      FROM (SELECT *, width_bucket(occurred_at, ${instants}) AS stretch FROM appointments WHERE status <> 'noshow') a
      ORDER BY person_id, stretch, occurred_at DESC, id
    ), missed AS (
      SELECT kind, person_id, id, status, start, occurred_at,
             max(occurred_at) FILTER (WHERE kind = 'seen') OVER (PARTITION BY person_id) AS seen_at
      FROM (
        SELECT 'missed' AS kind, person_id, id, status, start, occurred_at FROM appointments WHERE status = 'noshow'
        UNION ALL SELECT 'seen', person_id, id, NULL, NULL, occurred_at FROM last_contact WHERE stretch = 0
        UNION ALL SELECT 'seen', person_id, id, NULL, NULL, occurred_at FROM last_attended WHERE stretch = 0
      ) events
    )
    SELECT person_id, json_agg(json_build_array(kind, id, status, start, "end", appointments, stretch, at_ms)) AS contacts
    FROM (
      SELECT 'contact' AS kind, person_id, id, status, start, "end", appointments, stretch, ${atMs} AS at_ms FROM last_contact
      UNION ALL
      SELECT 'attended', person_id, id, status, start, NULL, NULL, stretch, ${atMs} FROM last_attended
      UNION ALL
      SELECT 'inpatient', person_id, id, status, start, "end", NULL, 0, ${atMs} FROM encounters WHERE inpatient
      UNION ALL
      SELECT 'missed', person_id, id, status, start, NULL, NULL, 0, ${atMs}
        FROM missed WHERE kind = 'missed' AND (seen_at IS NULL OR occurred_at >= seen_at)
    ) contacts
    GROUP BY person_id`;
}

/** A contact as contactsOnDaysQuery gives it, in a person's array: the columns of contactsQuery's rows, then the stretch and when it happened. */
type ContactOnDays = [kind: string, id: string, status: string, start: string | null, end: string | null, appointments: unknown, stretch: number, at_ms: number];

/** The contacts query's rows, from each person's array of them: the query's rows as contactsQuery gives them, with `stretch` and `at_ms`. */
function contactRows(people: readonly Row[]): Row[] {
  const rows: Row[] = [];
  for (const { person_id, contacts } of people) {
    for (const [kind, id, status, start, end, appointments, stretch, at_ms] of contacts as ContactOnDays[]) rows.push({ kind, person_id, id, status, start, end, appointments, stretch, at_ms });
  }
  return rows;
}
