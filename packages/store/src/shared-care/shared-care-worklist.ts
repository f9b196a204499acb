import { compareSharedCareFindings, evaluateSharedCare, heldEpisodes, type SharedCareFinding, type Worklist } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { ListedPerson } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { personLabels } from '../caseload/listed-people.ts';
import { heldByTeamsSql, onlyPeopleSql, scopeDay, scopeTeams, type WorklistScope } from '../worklists/worklist-scope.ts';
import { sharedCareCategory } from './shared-care-agreements.ts';
import { loadSharedCareFacts } from './shared-care-facts.ts';

export type SharedCareWorklistOptions = WorklistScope;

// A person has one or two agreements, a few prescriptions and episodes: well under a kilobyte each.
const SLICE_SIZE = 50_000;

export interface SharedCareWorklist {
  list: Worklist;
  /** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
  people: Map<string, ListedPerson>;
  /** People with a shared care agreement whose records were evaluated. */
  evaluated: number;
}

/**
 * The `shared-care` worklist: everyone (or one team's people) with a shared care proposal that a GP
 * practice declined or has not answered, by the rules in the domain (shared-care/shared-care-rules.ts),
 * longest waiting first. Only people with an agreement are read, a slice at a time by person id.
 */
export async function sharedCareWorklist(db: Kysely<Database>, options: SharedCareWorklistOptions = {}): Promise<SharedCareWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const size = options.sliceSize ?? SLICE_SIZE;

  const byTeam = heldByTeamsSql(scopeTeams(options));
  const only = onlyPeopleSql(options.people);

  const findings: SharedCareFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  let evaluated = 0;
  for (let after = ''; ; ) {
    const slice = (await sql<{ person_id: string }>`
      SELECT DISTINCT person_id FROM record
      WHERE resource_type = 'CarePlan' AND ${sharedCareCategory} AND person_id > ${after} ${byTeam} ${only}
      ORDER BY person_id LIMIT ${size}`.execute(db)).rows.map((r) => r.person_id);
    if (slice.length === 0) break;
    for (const facts of (await loadSharedCareFacts(db, slice)).values()) {
      const teams = [...new Set(heldEpisodes(facts.episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
      if (options.team && !teams.includes(options.team)) continue;
      if (options.teams && !teams.some((t) => options.teams!.includes(t))) continue;
      evaluated++;
      const finding = evaluateSharedCare(facts, asOf);
      if (finding.reasons.length === 0) continue;
      findings.push(finding);
      teamsOf.set(finding.personId, teams);
    }
    if (slice.length < size) break;
    after = slice.at(-1)!;
  }
  findings.sort(compareSharedCareFindings);

  const labels = await personLabels(db, findings.map((f) => f.personId));
  const people = new Map<string, ListedPerson>();
  for (const f of findings) people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [] });
  return {
    list: {
      worklist: 'shared-care',
      asOf,
      items: findings.map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
    evaluated,
  };
}
