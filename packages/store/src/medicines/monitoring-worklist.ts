import { compareMonitoringFindings, currentPrescriptionStatuses, endOfLondonDay, evaluateMonitoring, evaluatePhysicalHealth, heldEpisodes, type MonitoringFinding, type Worklist } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { ListedPerson } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { personLabels } from '../caseload/listed-people.ts';
import { heldByTeamsSql, onlyPeopleSql, scopeDay, scopeTeams, type WorklistScope } from '../worklists/worklist-scope.ts';
import { loadPhysicalHealthFacts, smiCandidates } from '../physical-health/physical-health-facts.ts';
import { loadMonitoringFacts } from './monitoring-facts.ts';

export type MonitoringOverdueOptions = WorklistScope;

// A person on medicines has a few prescriptions, a dozen latest results and a few episodes: ~3 KB.
const SLICE_SIZE = 50_000;

export interface MonitoringOverdueWorklist {
  list: Worklist;
  /** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
  people: Map<string, ListedPerson>;
  /** People with a current prescription, or on the SMI register, whose records were evaluated. */
  evaluated: number;
  /** Who they were, with the teams holding them: the board counts the list against them. */
  evaluatedPeople: Array<{ personId: string; teamIds: string[] }>;
}

/**
 * The `monitoring-overdue` worklist: everyone (or one team's people) on a medicine whose monitoring
 * is overdue by the rules in the domain (medicines/monitoring-rules.ts), or on the SMI register with
 * their annual physical health check incomplete (physical-health/physical-health-rules.ts), most
 * reasons first, then longest overdue. Only people with a current prescription or a psychosis or
 * bipolar diagnosis are read, a slice at a time by person id.
 */
export async function monitoringOverdueWorklist(db: Kysely<Database>, options: MonitoringOverdueOptions = {}): Promise<MonitoringOverdueWorklist> {
  const { asOf, day } = scopeDay(options.asOf);
  const size = options.sliceSize ?? SLICE_SIZE;
  const before = endOfLondonDay(day);

  // Only the teams asked about are read (everyone they have held); the rules then check who they held on the day.
  const byTeam = heldByTeamsSql(scopeTeams(options));
  const only = onlyPeopleSql(options.people);

  const findings: MonitoringFinding[] = [];
  const teamsOf = new Map<string, string[]>();
  const evaluatedPeople: Array<{ personId: string; teamIds: string[] }> = [];
  // Who to read, found once: asking again for each slice would scan every diagnosis again each time.
  const candidates = (await sql<{ person_id: string }>`
    SELECT DISTINCT person_id FROM (
      SELECT person_id FROM record WHERE resource_type = 'MedicationRequest' AND status = ANY(${[...currentPrescriptionStatuses]}::text[])
      UNION ${smiCandidates()}
    ) AS candidates
    WHERE true ${byTeam} ${only}
    ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
  for (let from = 0; from < candidates.length; from += size) {
    const slice = candidates.slice(from, from + size);
    const [medicines, physical] = await Promise.all([loadMonitoringFacts(db, { before, personIds: slice }), loadPhysicalHealthFacts(db, { before, personIds: slice })]);
    for (const personId of slice) {
      const facts = medicines.get(personId);
      const health = physical.get(personId);
      const episodes = facts?.episodes ?? health?.episodes ?? [];
      const teams = [...new Set(heldEpisodes(episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort();
      if (options.team && !teams.includes(options.team)) continue;
      if (options.teams && !teams.some((t) => options.teams!.includes(t))) continue;
      const finding: MonitoringFinding = facts ? evaluateMonitoring(facts, asOf) : { personId, reasons: [], mostDaysOverdue: 0 };
      const check = health && evaluatePhysicalHealth(health, asOf);
      // Counted when judged for medicines (a current prescription) or for the check (on the register).
      if (!facts?.prescriptions.some((p) => currentPrescriptionStatuses.includes(p.status)) && !check?.eligible) continue;
      evaluatedPeople.push({ personId, teamIds: teams });
      // The check comes last: medicines monitoring is the more urgent safety net.
      if (check?.reason) {
        finding.reasons.push(check.reason);
        finding.mostDaysOverdue = Math.max(finding.mostDaysOverdue, check.daysOverdue);
      }
      if (finding.reasons.length === 0) continue;
      findings.push(finding);
      teamsOf.set(finding.personId, teams);
    }
  }
  findings.sort(compareMonitoringFindings);

  // One array parameter, not one per person: a trust's list can run to tens of thousands.
  const labels = await personLabels(db, findings.map((f) => f.personId));
  const people = new Map<string, ListedPerson>();
  for (const f of findings) {
    people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [] });
  }
  return {
    list: {
      worklist: 'monitoring-overdue',
      asOf,
      items: findings.map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
    evaluated: evaluatedPeople.length,
    evaluatedPeople,
  };
}
