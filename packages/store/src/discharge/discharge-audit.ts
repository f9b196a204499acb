import { auditDischarge, endedInAcceptedTransfer, extension, isoDay, londonDay, londonToday, system, type WorklistItem } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { peopleByKeySql } from '../records/people-by-key.ts';
import type { Database } from '../schema.ts';
import { loadDiagnoses } from './diagnoses.ts';

export interface DischargeAuditOptions {
  /** "YYYY-MM-DD": discharges on or after this day in England; from the first on record when absent. */
  from?: string;
  /** "YYYY-MM-DD": discharges on or before this day in England; today when absent. */
  to?: string;
}

/** The discharge-audit report: the worklist item shape, one item per discharge that falls short. */
export interface DischargeAudit {
  report: 'discharge-audit';
  from: string | null;
  to: string;
  items: WorklistItem[];
}

type Row = Record<string, any>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string, name: string): number {
  const d = londonDay(value);
  if (d === undefined || !DATE.test(value) || isoDay(d) !== value) throw new Error(`${name} must be a date (YYYY-MM-DD), not "${value}"`);
  return d;
}

/** A JSONPath for one extension's value on the episode. */
const valueOf = (url: string, path: string) => `$.extension[*] ? (@.url == "${url}").${path}`;

/** One discharge in range and what the audit found of it (no reasons: it meets the rules). */
export interface JudgedDischarge {
  day: number;
  personId: string;
  episodeId: string;
  /** The team that discharged (Organization id). */
  teamId: string | null;
  reasons: WorklistItem['reasons'];
}

/**
 * Every discharge in range judged by the audit's rules, those that meet them too: the audit lists
 * those that fall short; the board counts them against all discharges. An episode ended by an
 * accepted transfer of care is not a discharge and is left out. Given `people` (sorted ids), only
 * their discharges are read: a board build of some people.
 */
export async function judgedDischarges(db: Kysely<Database>, options: DischargeAuditOptions & { people?: readonly string[] } = {}): Promise<JudgedDischarge[]> {
  const to = options.to ?? londonToday();
  const last = day(to, 'to');
  const first = options.from === undefined ? undefined : day(options.from, 'from');
  if (first !== undefined && first > last) throw new Error(`from (${options.from}) must not be after to (${to})`);

  // period.end may be a date or a dateTime in any zone: widen by a day each side in SQL, then judge the day in England exactly.
  const end = sql`left(resource->'period'->>'end', 10)`;
  const episodes = (
    await sql<Row>`
      SELECT person_id, id, resource->'period'->>'end' AS "end",
        jsonb_path_query_first(resource, ${valueOf(extension.dischargeReason, `valueCodeableConcept.coding[*] ? (@.system == "${system.dischargeReason}").code`)}::jsonpath) #>> '{}' AS reason,
        jsonb_path_query_first(resource, ${valueOf(extension.mdtDecisionDate, 'valueDate')}::jsonpath) #>> '{}' AS mdt_decision_date,
        jsonb_path_query_first(resource, ${valueOf(extension.relapseIndicators, 'valueString')}::jsonpath) #>> '{}' AS relapse_indicators,
        jsonb_path_query_first(resource, ${valueOf(extension.harmsIfRelapseMissed, 'valueString')}::jsonpath) #>> '{}' AS harms_if_missed,
        jsonb_path_query_first(resource, ${valueOf(extension.routeBack, 'valueString')}::jsonpath) #>> '{}' AS route_back,
        jsonb_path_query_first(resource, ${`$.extension[*] ? (@.url == "${extension.transferOfCare}")`}::jsonpath) AS transfer,
        resource->'managingOrganization'->>'reference' AS team
      FROM record
      WHERE resource_type = 'EpisodeOfCare' AND status = 'finished' AND resource->'period'->>'end' IS NOT NULL
        AND ${end} <= ${isoDay(last + 1)} ${first === undefined ? sql`` : sql`AND ${end} >= ${isoDay(first - 1)}`}
        ${options.people ? peopleByKeySql(options.people) : sql``}`.execute(db)
  ).rows.filter((r) => {
    const d = londonDay(r.end);
    return d !== undefined && d <= last && (first === undefined || d >= first);
  });

  const personIds = [...new Set(episodes.map((e) => e.person_id as string))];
  const diagnoses = await loadDiagnoses(db, personIds);
  return episodes
    .map((e) => {
      const acceptedTransfer = endedInAcceptedTransfer({ extension: e.transfer ? [e.transfer] : [] });
      return {
        acceptedTransfer,
        day: londonDay(e.end)!,
        personId: e.person_id as string,
        episodeId: e.id as string,
        teamId: typeof e.team === 'string' && e.team.startsWith('Organization/') ? e.team.slice('Organization/'.length) : null,
        reasons: auditDischarge(
          { episodeId: e.id, end: e.end, reason: e.reason, mdtDecisionDate: e.mdt_decision_date, relapseIndicators: e.relapse_indicators, harmsIfMissed: e.harms_if_missed, routeBack: e.route_back, acceptedTransfer },
          diagnoses.get(e.person_id) ?? [],
        ),
      };
    })
    .filter((d) => !d.acceptedTransfer)
    .map(({ acceptedTransfer: _, ...d }) => d);
}

/**
 * Discharges (finished EpisodeOfCare with period.end in range) of people with severe and relapsing
 * illness that cite non-attendance or lack a required record (auditDischarge in the domain). Reads
 * every finished episode in range however it arrived, made here or imported from another system;
 * an episode ended by an accepted transfer of care is not a discharge and is passed by. Ordered by discharge day, then person id, then episode id.
 */
export async function dischargeAudit(db: Kysely<Database>, options: DischargeAuditOptions = {}): Promise<DischargeAudit> {
  const to = options.to ?? londonToday();
  const found = (await judgedDischarges(db, options))
    .filter((f) => f.reasons.length > 0)
    .sort((a, b) => a.day - b.day || cmp(a.personId, b.personId) || cmp(a.episodeId, b.episodeId));
  const personIds = [...new Set(found.map((f) => f.personId))];
  const people = personIds.length ? await db.selectFrom('person').select(['person_id', 'nhs_number']).where(sql<boolean>`person_id = ANY(${personIds}::text[])`).execute() : [];
  const nhs = new Map(people.map((p) => [p.person_id, p.nhs_number]));
  return {
    report: 'discharge-audit',
    from: options.from ?? null,
    to,
    items: found.map((f) => ({ patient: { id: f.personId, nhsNumber: nhs.get(f.personId) ?? null }, reasons: f.reasons })),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names of the people a report lists, for printed reports and screens: never part of the report contract. */
export async function personNames(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.selectFrom('person').select(['person_id', 'given_names', 'family_name']).where(sql<boolean>`person_id = ANY(${[...personIds]}::text[])`).execute();
  return new Map(rows.map((r) => [r.person_id, [r.given_names, r.family_name].filter(Boolean).join(' ')]));
}
