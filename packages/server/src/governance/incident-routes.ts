import { governanceEditors, governanceEditorsInWords, incidentKinds, incidentStatuses, incidentThemes, isOverdue, londonToday, type IncidentTheme } from '@continuity/domain';
import {
  addIncident, findIncident, listGovernanceActions, listIncidents, personNames, recordAudit, trustTeams, updateIncident,
  type AuditEntry, type Database, type Incident, type IncidentContent, type Store,
} from '@continuity/store';
import type { Kysely } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { incidentEditBody, incidentParams, newIncidentBody } from './governance-input.ts';

/**
 * Serious incidents, complaints and compliments, themed, with their learning actions (SPEC C17;
 * docs/governance.md, "Incidents and learning"):
 * - GET  /api/governance/incidents: every incident with its team, person (when it concerns one), themes
 *   and how far its learning actions have got, and themes by quarter;
 * - POST /api/governance/incidents: a new one; POST /api/governance/incidents/:incidentId: a change, at the version read.
 * Learning actions are actions of the plan with an `incidentId` (governance-routes.ts). For the same
 * people as the rest of governance; partner agencies never see them. Naming a person in the list is a
 * read of their record: audited per person, like the discharge audit.
 */
export function incidentRoutes(app: FastifyInstance, store: Store) {
  const editor = (request: FastifyRequest, what: string) => requireRole(request, governanceEditors, `${what}: incidents and learning are for ${governanceEditorsInWords}`);

  app.get('/api/governance/incidents', async (request) => {
    const staff = editor(request, 'read incidents');
    const today = londonToday();
    const [incidents, actions, teams] = await Promise.all([listIncidents(store.db), listGovernanceActions(store.db), trustTeams(store.db)]);
    const people = incidents.flatMap((i) => (i.personId ? [i.personId] : []));
    const names = await personNames(store.db, [...new Set(people)]);
    await recordAudit(store.db, incidents.flatMap((i) => (i.personId ? [{ ...audit(staff, 'read-incidents', i.personId), resourceId: i.id, basis: 'report' as const }] : [])));
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    return {
      today,
      kinds: incidentKinds,
      statuses: incidentStatuses,
      themes: Object.fromEntries(Object.entries(incidentThemes).map(([code, t]) => [code, t.label])),
      teams,
      incidents: incidents.map((i) => {
        const learning = actions.filter((a) => a.incidentId === i.id);
        return {
          ...i,
          person: i.personId ? { id: i.personId, name: names.get(i.personId) || i.personId } : null,
          teamName: teamNames.get(i.teamId) ?? i.teamId,
          learning: { actions: learning.length, done: learning.filter((a) => a.status === 'done').length, overdue: learning.filter((a) => isOverdue(a, today)).length },
        };
      }),
      themesByQuarter: themesByQuarter(incidents),
    };
  });

  app.post('/api/governance/incidents', async (request, reply) => {
    const staff = editor(request, 'record an incident');
    const body = parseInput(newIncidentBody, request.body, 'body');
    await checkTeamAndPerson(store.db, body);
    const incident = await store.db.transaction().execute(async (trx) => {
      const saved = await addIncident(trx, body, staff.id);
      await recordAudit(trx, [{ ...audit(staff, 'record-incident', saved.personId), resourceId: saved.id, detail: detailOf(saved) }]);
      return saved;
    });
    return reply.status(201).send(incident);
  });

  app.post('/api/governance/incidents/:incidentId', async (request) => {
    const staff = editor(request, 'change an incident');
    const { incidentId } = parseInput(incidentParams, request.params, 'params');
    const { version, ...content } = parseInput(incidentEditBody, request.body, 'body');
    await checkTeamAndPerson(store.db, content);
    return store.db.transaction().execute(async (trx) => {
      const result = await updateIncident(trx, incidentId, version, content, staff.id);
      if ('problem' in result) {
        if (result.problem === 'not-found') throw new ApiError(404, 'not-found', 'There is no incident with that id.');
        throw new ApiError(409, 'stale-version', 'Someone changed this incident since you opened it. Reload it, check their change, and try again if yours is still right.', [
          { field: 'version', message: `is not the current version of the incident (now ${result.current.version})` },
        ]);
      }
      await recordAudit(trx, [{ ...audit(staff, 'change-incident', result.saved.personId), resourceId: incidentId, detail: { ...detailOf(result.saved), version: result.saved.version } }]);
      return result.saved;
    });
  });
}

/** An incident names a team of the trust and, when it concerns one, a person on record: refused by field otherwise, never stored half-right. */
async function checkTeamAndPerson(db: Kysely<Database>, content: IncidentContent): Promise<void> {
  const fields: Array<{ field: string; message: string }> = [];
  if (!(await trustTeams(db)).some((t) => t.id === content.teamId)) fields.push({ field: 'teamId', message: 'is not a team of the trust' });
  if (content.personId && !(await db.selectFrom('person').select('person_id').where('person_id', '=', content.personId).executeTakeFirst())) fields.push({ field: 'personId', message: 'is not a person on record' });
  if (fields.length) throw new ApiError(400, 'invalid-input', `The body is not valid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`, fields);
}

/** Counts of each theme by calendar quarter of when it happened: learning over time, not only the latest. */
function themesByQuarter(incidents: readonly Incident[]): Array<{ quarter: string; theme: IncidentTheme; count: number }> {
  const counts = new Map<string, number>();
  for (const i of incidents) {
    const quarter = `${i.occurredOn.slice(0, 4)} Q${Math.floor((Number(i.occurredOn.slice(5, 7)) - 1) / 3) + 1}`;
    for (const theme of i.themes) counts.set(`${quarter}|${theme}`, (counts.get(`${quarter}|${theme}`) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [quarter, theme] = key.split('|') as [string, IncidentTheme];
    return { quarter, theme, count };
  }).sort((a, b) => a.quarter.localeCompare(b.quarter) || b.count - a.count || a.theme.localeCompare(b.theme, 'en', { numeric: true }));
}

/** What the audit keeps: the kind, team, day, themes and status, never the words of the summary. */
const detailOf = (i: Incident) => ({ kind: i.kind, team: i.teamId, occurredOn: i.occurredOn, themes: i.themes, status: i.status });

function audit(staff: { id: string; role: string }, action: string, personId: string | null): AuditEntry {
  return { actorId: staff.id, actorRole: staff.role, action, personId, resourceType: 'Incident', basis: 'governance', outcome: 'allowed' };
}
