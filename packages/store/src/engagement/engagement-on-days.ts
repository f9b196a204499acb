import { attendedContacts, compareFindings, endOfLondonDay, evaluateEngagement, heldEpisodes, londonDay, type EngagementFinding, type WorklistReason } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';
import { atMs, cohortOf, engagementRows, factsFromRows, type EngagementRows, type Row } from './engagement-facts.ts';
import { escalationFrom } from './escalation-on-worklist.ts';
import { loadEscalationRecords } from './escalation-records.ts';

// As the disengaged worklist reads: about 2 KB of facts per person, a slice of people at a time.
const SLICE_SIZE = 100_000;

/** The disengaged worklist on one day, as the board reads it: who is listed and why, in the worklist's order. */
export interface EngagementOnDay {
  asOf: string;
  listed: Array<{ personId: string; reasons: WorklistReason[]; teamIds: string[] }>;
  /** The London day of each listed-on-some-day person's latest attended contact by this day, or null if none. */
  latestContact: Map<string, number | null>;
}

/**
 * The disengaged worklist (disengagedWorklist) on each of some days, from one read of everyone's
 * engagement facts bounded by the last day: each day is judged by the domain's evaluateEngagement
 * on the facts a read bounded by that day would have found (loadEngagementFacts), and an MDT
 * decision standing on that day keeps a person off it, as on the worklist. Contacts are cut down in
 * SQL as for one day, per stretch between two days: the latest attended contact of each stretch, so
 * each day takes the latest of the stretches before it; and the missed appointments since the latest
 * contact before the first day, which each day narrows to those since its own latest contact.
 */
export async function engagementOnDays(db: Kysely<Database>, days: readonly string[]): Promise<EngagementOnDay[]> {
  const ends = days.map((d) => endOfLondonDay(londonDay(d)!).getTime());
  const order = ends.map((_, i) => i).sort((a, b) => ends[a]! - ends[b]!);
  const bounds = [...new Set(order.map((i) => ends[i]!))];
  const findingsOn: EngagementFinding[][] = days.map(() => []);
  const teamsOn: Array<Map<string, string[]>> = days.map(() => new Map());
  const contactOn: Array<Map<string, number | null>> = days.map(() => new Map());

  for (const slice of await personSlices(db)) {
    const scope = { before: new Date(bounds.at(-1)!), ...slice };
    const rows = await engagementRows(db, scope, contactsOnDaysQuery(bounds, cohortOf(slice)));
    for (const [i, asOf] of days.entries()) {
      const day = londonDay(asOf)!;
      for (const facts of factsFromRows(boundedBy(rows, ends[i]!, bounds.indexOf(ends[i]!) + 1)).values()) {
        const finding = evaluateEngagement(facts, asOf);
        if (finding.reasons.length === 0) continue;
        findingsOn[i]!.push(finding);
        teamsOn[i]!.set(facts.personId, [...new Set(heldEpisodes(facts.episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort());
      }
    }
    // Contact after a day on the list (the board's contact re-established) is read for anyone listed on some day.
    const found = new Set(findingsOn.flatMap((f) => f.map((x) => x.personId)));
    for (const [i, asOf] of days.entries()) {
      const onDay = factsFromRows(boundedBy(rows, ends[i]!, bounds.indexOf(ends[i]!) + 1, found));
      for (const personId of found) {
        if (contactOn[i]!.has(personId)) continue;
        const facts = onDay.get(personId);
        const contacts = facts ? attendedContacts(facts, londonDay(asOf)!) : [];
        contactOn[i]!.set(personId, contacts.length ? Math.max(...contacts.map((c) => c.day)) : null);
      }
    }
  }

  const records = await loadEscalationRecords(db, [...new Set(findingsOn.flat().map((f) => f.personId))]);
  return days.map((asOf, i) => {
    const findings = findingsOn[i]!.sort(compareFindings);
    const escalation = escalationFrom(records, findings, asOf);
    return {
      asOf,
      listed: findings.filter(escalation.listed).map((f) => ({ personId: f.personId, reasons: f.reasons, teamIds: teamsOn[i]!.get(f.personId) ?? [] })),
      latestContact: contactOn[i]!,
    };
  });
}

/** Everyone on record in slices of person ids, so that memory stays bounded as for the worklist. */
async function personSlices(db: Kysely<Database>): Promise<Array<{ from?: string; to?: string }>> {
  const ids = (await sql<{ person_id: string }>`SELECT person_id FROM person ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
  const starts = ids.filter((_, i) => i > 0 && i % SLICE_SIZE === 0);
  return [undefined, ...starts].map((from, i) => ({ from, to: starts[i] }));
}

/**
 * The rows a read bounded by `end` would have found: contacts of the stretches before it (its
 * `stretch` is the number of bounds up to and including its own), the latest contact and attended
 * appointment of those, and only the missed appointments since them; statements and doses before it.
 */
function boundedBy(rows: EngagementRows, end: number, stretch: number, only?: ReadonlySet<string>): EngagementRows {
  const mine = (r: Row) => only === undefined || only.has(r.person_id);
  const before = (r: Row) => r.at_ms === null || r.at_ms < end;
  const latest = new Map<string, Row>();
  const seenAt = new Map<string, number>();
  for (const r of rows.contacts) {
    if (!mine(r) || r.stretch >= stretch || (r.kind !== 'contact' && r.kind !== 'attended')) continue;
    const key = `${r.kind}|${r.person_id}`;
    const found = latest.get(key);
    if (!found || r.stretch > found.stretch) latest.set(key, r);
  }
  for (const r of latest.values()) seenAt.set(r.person_id, Math.max(seenAt.get(r.person_id) ?? -Infinity, r.at_ms));
  const contacts = [
    ...[...latest.values()].map((r) => ({ ...r, kind: r.kind === 'attended' ? 'appointment' : r.kind })),
    ...rows.contacts.filter((r) => mine(r) && r.kind === 'inpatient' && r.at_ms < end),
    ...rows.contacts.filter((r) => mine(r) && r.kind === 'missed' && r.at_ms < end && r.at_ms >= (seenAt.get(r.person_id) ?? -Infinity)).map((r) => ({ ...r, kind: 'appointment' })),
  ];
  return {
    people: rows.people.filter(mine),
    episodes: rows.episodes.filter(mine),
    plans: rows.plans.filter(mine),
    contacts,
    requests: rows.requests.filter(mine),
    statements: rows.statements.filter((r) => mine(r) && before(r)),
    doses: rows.doses.filter((r) => mine(r) && r.at_ms < end),
  };
}

/**
 * Contacts as contactsQuery (engagement-facts.ts) reads them for one day, for every stretch between
 * the bounds at once (width_bucket: 0 before the first bound, n from the nth): the latest finished
 * contact (not an admission) and the latest attended appointment of each stretch, every inpatient
 * stay, and the missed appointments on or after the latest contact before the first bound.
 */
function contactsOnDaysQuery(bounds: readonly number[], cohort: RawBuilder<unknown>): RawBuilder<Row> {
  const instants = sql`${bounds.map((b) => new Date(b).toISOString())}::timestamptz[]`;
  const last = sql`${new Date(bounds.at(-1)!).toISOString()}::timestamptz`;
  return sql`
    WITH encounters AS MATERIALIZED (
      SELECT person_id, id, status, occurred_at, coalesce(resource->'class'->>'code', '') = 'IMP' AS inpatient,
             resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end", resource->'appointment' AS appointments
      FROM record WHERE resource_type = 'Encounter' AND occurred_at < ${last} AND status IN ('finished', 'in-progress') ${cohort}
    ), last_contact AS (
      SELECT DISTINCT ON (person_id, stretch) person_id, id, status, occurred_at, start, "end", appointments, stretch
      FROM (SELECT *, width_bucket(occurred_at, ${instants}) AS stretch FROM encounters WHERE status = 'finished' AND NOT inpatient) e
      ORDER BY person_id, stretch, occurred_at DESC, id
    ), last_attended AS (
      SELECT DISTINCT ON (person_id, stretch) person_id, id, status, occurred_at, start, stretch
      FROM (SELECT person_id, id, status, occurred_at, resource->>'start' AS start, width_bucket(occurred_at, ${instants}) AS stretch
            FROM record WHERE resource_type = 'Appointment' AND status IN ('fulfilled', 'arrived', 'checked-in') AND occurred_at < ${last} ${cohort}) a
      ORDER BY person_id, stretch, occurred_at DESC, id
    ), missed AS (
      SELECT kind, person_id, id, status, start, occurred_at,
             max(occurred_at) FILTER (WHERE kind = 'seen') OVER (PARTITION BY person_id) AS seen_at
      FROM (
        SELECT 'missed' AS kind, person_id, id, status, resource->>'start' AS start, occurred_at
          FROM record WHERE resource_type = 'Appointment' AND status = 'noshow' AND occurred_at < ${last} ${cohort}
        UNION ALL SELECT 'seen', person_id, id, NULL, NULL, occurred_at FROM last_contact WHERE stretch = 0
        UNION ALL SELECT 'seen', person_id, id, NULL, NULL, occurred_at FROM last_attended WHERE stretch = 0
      ) events
    )
    SELECT 'contact' AS kind, person_id, id, status, start, "end", appointments, stretch, ${atMs} AS at_ms FROM last_contact
    UNION ALL
    SELECT 'attended', person_id, id, status, start, NULL, NULL, stretch, ${atMs} FROM last_attended
    UNION ALL
    SELECT 'inpatient', person_id, id, status, start, "end", NULL, 0, ${atMs} FROM encounters WHERE inpatient
    UNION ALL
    SELECT 'missed', person_id, id, status, start, NULL, NULL, 0, ${atMs}
      FROM missed WHERE kind = 'missed' AND (seen_at IS NULL OR occurred_at >= seen_at)`;
}
