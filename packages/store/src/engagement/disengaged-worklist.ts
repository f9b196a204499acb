import { compareFindings, endOfLondonDay, evaluateEngagement, heldEpisodes, type EngagementFacts, type EngagementFinding, type EscalationState, type MdtDecision, type Worklist, type WorklistItem } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { personLabels } from '../caseload/listed-people.ts';
import { loadEngagementFacts } from './engagement-facts.ts';
import { rebuildStaleEngagementState } from './engagement-state.ts';
import { escalationOnWorklist } from './escalation-on-worklist.ts';
import { scopeDay, scopeTeams, type WorklistScope } from '../worklists/worklist-scope.ts';

export type DisengagedOptions = WorklistScope;

// About 2 KB of facts per person: 100,000 people is ~200 MB at a time.
const SLICE_SIZE = 100_000;

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
  /** People whose records were evaluated: for a list of people asked about (a caseload), those people. */
  evaluated: number;
}

/**
 * The `disengaged` worklist: everyone (or one team's people) the engagement rules find a reason
 * for, most reasons first, then longest without contact (compareFindings in the domain).
 */
export async function disengagedWorklist(db: Kysely<Database>, options: DisengagedOptions = {}): Promise<DisengagedWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const size = options.sliceSize ?? SLICE_SIZE;
  await rebuildStaleEngagementState(db, { sliceSize: size });

  // Only the teams asked about are read; the rules then check who they held on the day.
  const cohort = scopeTeams(options);
  const scope = sql`${cohort ? sql`AND team_ids && ${[...cohort]}::text[]` : sql``} ${options.people ? sql`AND person_id = ANY(${[...options.people]}::text[])` : sql``}`;
  const asOfDate = sql`${asOf}::date`;
  const findings: EngagementFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  const judge = (personFacts: EngagementFacts) => {
    const teams = [...new Set(heldEpisodes(personFacts.episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
    if (options.team && !teams.includes(options.team)) return;
    if (options.teams && !teams.some((t) => options.teams!.includes(t))) return;
    const finding = evaluateEngagement(personFacts, asOf);
    if (finding.reasons.length === 0) return;
    findings.push(finding);
    teamsOf.set(finding.personId, teams);
  };

  // Kept facts answer for the day when nothing on record is later than it; of those, only people
  // whose earliest listing day has come can be listed (the domain's earliestListingDay). People with
  // records after the day are judged on their records as they stood then.
  const later: string[] = [];
  for (let after = ''; ; ) {
    // Ids are paged in order and the facts joined after, so only ids are sorted, never the facts.
    const slice = (await sql<{ person_id: string; later: boolean; facts: EngagementFacts | string | null }>`
      SELECT s.person_id, s.valid_from > ${asOfDate} AS later, CASE WHEN s.valid_from > ${asOfDate} THEN NULL ELSE s.facts END AS facts
      FROM (SELECT person_id FROM engagement_state
            WHERE (valid_from > ${asOfDate} OR (listable_from <= ${asOfDate} AND (valid_from IS NULL OR valid_from <= ${asOfDate}))) AND person_id > ${after} ${scope}
            ORDER BY person_id LIMIT ${size}) page
      JOIN engagement_state s ON s.person_id = page.person_id`.execute(db)).rows;
    for (const row of slice) {
      if (row.later) later.push(row.person_id);
      else judge(typeof row.facts === 'string' ? JSON.parse(row.facts) : row.facts!);
      if (row.person_id > after) after = row.person_id;
    }
    if (slice.length < size) break;
  }
  for (let i = 0; i < later.length; i += size) {
    for (const personFacts of (await loadEngagementFacts(db, { before: endOfLondonDay(day), personIds: later.slice(i, i + size) })).values()) judge(personFacts);
  }
  // A caseload's people are the people asked about (everyone has a state row); a trust's or team's are counted.
  const evaluated = options.people
    ? new Set(options.people).size
    : Number((await sql<{ people: string }>`SELECT count(*) AS people FROM engagement_state WHERE true ${scope}`.execute(db)).rows[0]!.people);
  findings.sort(compareFindings);
  const escalation = await escalationOnWorklist(db, findings, asOf);

  const people = new Map<string, ListedPerson>();
  // One array parameter, not one per person: a trust's list can run to tens of thousands.
  const labels = await personLabels(db, findings.map((f) => f.personId));
  for (const f of findings) {
    people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [], escalation: escalation.states.get(f.personId) });
  }
  return {
    list: {
      worklist: 'disengaged',
      asOf,
      items: findings.filter(escalation.listed).map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
    decided: findings.filter((f) => !escalation.listed(f)).map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons, decision: escalation.decided.get(f.personId)! })),
    evaluated,
  };
}
