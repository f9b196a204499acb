import { compareFindings, endOfLondonDay, evaluateEngagement, heldEpisodes, londonDay, londonToday, type EngagementFinding, type EscalationState, type MdtDecision, type Worklist, type WorklistItem } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadEngagementFacts } from './engagement-facts.ts';
import { escalationOnWorklist } from './escalation-on-worklist.ts';

export interface DisengagedOptions {
  /** "YYYY-MM-DD", the day in England the list is as of; today when absent. */
  asOf?: string;
  /** Only people a team (Organization id) held on the as-of day. */
  team?: string;
  /** Only people held on the as-of day by one of these teams (a clinician's own teams). */
  teams?: readonly string[];
  /** Only these people (a caseload's): one read by key instead of slices of the population. */
  people?: readonly string[];
  /** People per slice read from the database at once (tests make it small). */
  sliceSize?: number;
}

// About 2 KB of facts per person: 100,000 people is ~200 MB at a time, and few enough slices that each reads a real share of every table.
const SLICE_SIZE = 100_000;

/** Person id ranges of about `size` people each, covering everyone; one open range when few. */
async function populationSlices(db: Kysely<Database>, size: number): Promise<Array<{ from?: string; to?: string }>> {
  const bounds = await sql<{ person_id: string }>`
    SELECT person_id FROM (SELECT person_id, row_number() OVER (ORDER BY person_id) AS n FROM person) p
    WHERE n % ${size} = 1 AND n > 1 ORDER BY person_id`.execute(db);
  const cuts = bounds.rows.map((r) => r.person_id);
  return [...cuts, undefined].map((to, i) => ({ ...(i > 0 ? { from: cuts[i - 1] } : {}), ...(to !== undefined ? { to } : {}) }));
}

/** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
export interface ListedPerson {
  name: string | null;
  /** Teams holding the person on the as-of day. */
  teamIds: string[];
  /** Where the person is on the assertive-engagement ladder (escalation-state.ts in the domain). */
  escalation?: EscalationState;
}

export interface DisengagedWorklist {
  list: Worklist;
  people: Map<string, ListedPerson>;
  /** People the rules found a reason for whom a standing MDT decision keeps off `list`; in `people` too. */
  decided: Array<WorklistItem & { decision: MdtDecision }>;
  /** People whose records were evaluated. */
  evaluated: number;
}

/**
 * The `disengaged` worklist: everyone (or one team's people) the engagement rules find a reason
 * for, most reasons first, then longest without contact (compareFindings in the domain).
 */
export async function disengagedWorklist(db: Kysely<Database>, options: DisengagedOptions = {}): Promise<DisengagedWorklist> {
  const asOf = options.asOf ?? londonToday();
  const day = londonDay(asOf);
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`as-of must be a date (YYYY-MM-DD), not "${asOf}"`);
  // Only the teams asked about are read from the database; the rules then check who they held on the day.
  const cohort = options.team ? [options.team].filter((t) => !options.teams || options.teams.includes(t)) : options.teams;
  const findings: EngagementFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  let evaluated = 0;
  // A slice of the population at a time: a trust's whole record never has to fit in memory at once.
  const slices = options.people ? [{ personIds: options.people }] : await populationSlices(db, options.sliceSize ?? SLICE_SIZE);
  for (const slice of slices) {
    const facts = await loadEngagementFacts(db, { before: endOfLondonDay(day), teams: cohort, ...slice });
    evaluated += facts.size;
    for (const personFacts of facts.values()) {
      const teams = [...new Set(heldEpisodes(personFacts.episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
      if (options.team && !teams.includes(options.team)) continue;
      if (options.teams && !teams.some((t) => options.teams!.includes(t))) continue;
      const finding = evaluateEngagement(personFacts, asOf);
      if (finding.reasons.length === 0) continue;
      findings.push(finding);
      teamsOf.set(finding.personId, teams);
    }
  }
  findings.sort(compareFindings);
  const escalation = await escalationOnWorklist(db, findings, asOf);

  const people = new Map<string, ListedPerson>();
  const rows = findings.length
    ? await db
        .selectFrom('person')
        .select(['person_id', 'nhs_number', 'given_names', 'family_name'])
        // One array parameter, not one per person: a trust's list can run to tens of thousands.
        .where(sql<boolean>`person_id = ANY(${findings.map((f) => f.personId)}::text[])`)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.person_id, r]));
  for (const f of findings) {
    const row = byId.get(f.personId);
    people.set(f.personId, { name: [row?.given_names, row?.family_name].filter(Boolean).join(' ') || null, teamIds: teamsOf.get(f.personId) ?? [], escalation: escalation.states.get(f.personId) });
  }
  return {
    list: {
      worklist: 'disengaged',
      asOf,
      items: findings.filter(escalation.listed).map((f) => ({ patient: { id: f.personId, nhsNumber: byId.get(f.personId)?.nhs_number ?? null }, reasons: f.reasons })),
    },
    people,
    decided: findings.filter((f) => !escalation.listed(f)).map((f) => ({ patient: { id: f.personId, nhsNumber: byId.get(f.personId)?.nhs_number ?? null }, reasons: f.reasons, decision: escalation.decided.get(f.personId)! })),
    evaluated,
  };
}
