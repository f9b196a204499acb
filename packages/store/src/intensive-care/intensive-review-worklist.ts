import { compareIntensiveFindings, evaluateIntensiveReview, teamsOpenTo, withheldFlagCodes, type IntensiveReviewFinding, type Worklist } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { personLabels } from '../caseload/listed-people.ts';
import { disengagedWorklist, type ListedPerson } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { onlyPeopleSql, scopeDay, scopeTeams, type WorklistScope } from '../worklists/worklist-scope.ts';
import { loadIntensiveReviewFacts, organisationsOfType, psychosisCandidates } from './intensive-review-facts.ts';

export interface IntensiveReviewOptions extends WorklistScope {
  /** Whether the reader is entitled only to the existence of restricted flags (MARAC, MAPPA) of a person held by these teams (domain restricted-flags.ts). */
  withholdRestrictedFlags?: (personTeams: readonly string[]) => boolean;
}

// A person with psychosis has a few dozen small facts: well under 4 KB each.
const SLICE_SIZE = 20_000;

export interface IntensiveReviewWorklist {
  list: Worklist;
  /** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
  people: Map<string, ListedPerson>;
  /** People with a psychosis indicator whose records were evaluated. */
  evaluated: number;
}

/**
 * The `intensive-review` worklist (SPEC C7): people open to the trust's services who may need
 * intensive and assertive community care, by the rules in the domain
 * (intensive-care/intensive-review-rules.ts), most indicators first. Only people with a psychosis
 * indicator can be listed, so only they are read, a slice at a time; whether each is disengaged is
 * the disengaged worklist's own answer for the same people and day.
 */
export async function intensiveReviewWorklist(db: Kysely<Database>, options: IntensiveReviewOptions = {}): Promise<IntensiveReviewWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const size = options.sliceSize ?? SLICE_SIZE;
  const teams = scopeTeams(options);
  // A team's people: those it has held, or been referred; whether on the day is the rules' decision.
  const cohort = sql`${teams
    ? sql`AND person_id IN (SELECT person_id FROM record WHERE resource_type IN ('EpisodeOfCare', 'ServiceRequest')
          AND coalesce(resource->'managingOrganization'->>'reference', resource->'performer'->0->>'reference') = ANY(${teams.map((t) => `Organization/${t}`)}::text[]))`
    : sql``} ${onlyPeopleSql(options.people)}`;
  const [candidates, aot, police] = await Promise.all([psychosisCandidates(db, cohort), organisationsOfType(db, 'aot'), organisationsOfType(db, 'police')]);

  const findings: IntensiveReviewFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  let evaluated = 0;
  for (let i = 0; i < candidates.length; i += size) {
    const slice = candidates.slice(i, i + size);
    const [facts, disengaged] = await Promise.all([loadIntensiveReviewFacts(db, slice, { aot, police }), disengagedWorklist(db, { asOf, people: slice })]);
    const disengagedReasons = new Map(disengaged.list.items.map((item) => [item.patient.id, item.reasons]));
    for (const personFacts of facts.values()) {
      const personTeams = teamsOpenTo(personFacts, day);
      if (teams && !personTeams.some((t) => teams.includes(t))) continue;
      evaluated++;
      const flags = options.withholdRestrictedFlags?.(personTeams) ? withheldFlagCodes(personFacts.flags) : personFacts.flags;
      const finding = evaluateIntensiveReview({ ...personFacts, flags, disengaged: disengagedReasons.get(personFacts.personId) }, asOf);
      if (!finding.listed) continue;
      findings.push(finding);
      teamsOf.set(finding.personId, personTeams);
    }
  }
  findings.sort(compareIntensiveFindings);

  const labels = await personLabels(db, findings.map((f) => f.personId));
  const people = new Map<string, ListedPerson>();
  for (const f of findings) people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [] });
  return {
    list: {
      worklist: 'intensive-review',
      asOf,
      items: findings.map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
    evaluated,
  };
}
