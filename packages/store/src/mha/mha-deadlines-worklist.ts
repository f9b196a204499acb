import { compareMhaFindings, evaluateMhaDeadlines, heldEpisodes, type MhaFinding, type Worklist } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import type { ListedPerson } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { onlyPeopleSql, scopeDay, type WorklistScope } from '../worklists/worklist-scope.ts';
import { ctoCode, loadMhaFacts } from './legal-status-facts.ts';

export type MhaDeadlinesOptions = WorklistScope;

// A person on a CTO has a few legal status Flags and episodes: well under 2 KB.
const SLICE_SIZE = 50_000;

export interface MhaDeadlinesWorklist {
  list: Worklist;
  /** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
  people: Map<string, ListedPerson>;
  /** People with an active CTO Flag whose records were evaluated. */
  evaluated: number;
}

/**
 * The `mha-deadlines` worklist: everyone (or one team's people) with a Community Treatment Order
 * expiring within 28 days or expired with no renewal recorded, by the rules in the domain
 * (mha/mha-rules.ts), the longest expired first, then the soonest due. Only people with an active
 * CTO Flag are read, a slice at a time by person id.
 */
export async function mhaDeadlinesWorklist(db: Kysely<Database>, options: MhaDeadlinesOptions = {}): Promise<MhaDeadlinesWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const size = options.sliceSize ?? SLICE_SIZE;
  const only = onlyPeopleSql(options.people);

  const findings: MhaFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  let evaluated = 0;
  for (let after = ''; ; ) {
    const slice = (await sql<{ person_id: string }>`
      SELECT DISTINCT person_id FROM record
      WHERE resource_type = 'Flag' AND status = 'active' AND resource @> ${ctoCode}::jsonb AND person_id > ${after} ${only}
      ORDER BY person_id LIMIT ${size}`.execute(db)).rows.map((r) => r.person_id);
    if (slice.length === 0) break;
    for (const facts of (await loadMhaFacts(db, slice)).values()) {
      const teams = [...new Set(heldEpisodes(facts.episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
      if (options.team && !teams.includes(options.team)) continue;
      if (options.teams && !teams.some((t) => options.teams!.includes(t))) continue;
      evaluated++;
      const finding = evaluateMhaDeadlines(facts, asOf);
      if (finding.reasons.length === 0) continue;
      findings.push(finding);
      teamsOf.set(finding.personId, teams);
    }
    if (slice.length < size) break;
    after = slice.at(-1)!;
  }
  findings.sort(compareMhaFindings);

  const labels = await personLabels(db, findings.map((f) => f.personId));
  const people = new Map<string, ListedPerson>();
  for (const f of findings) people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [] });
  return {
    list: {
      worklist: 'mha-deadlines',
      asOf,
      items: findings.map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
    evaluated,
  };
}
