import { fhirDate, londonToday, restrictedFlagRules, restrictedFlagView, roles, type Worklist, type WorklistItem } from '@continuity/domain';
import { carerConcernsWorklist, disengagedWorklist, intensiveReviewWorklist, loadNames, mhaDeadlinesWorklist, monitoringOverdueWorklist, recordAudit, sharedCareWorklist, waitingWorklist, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { worklistEscalation } from '../engagement/escalation-views.ts';

const worklistQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'))
    .optional(),
  team: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a team id').optional(),
});

/**
 * GET /api/worklists/disengaged?asOf=YYYY-MM-DD&team=ID
 *
 * The worklist contract ({worklist, asOf, items}) plus `people`: each listed person's name, the
 * teams holding them and their escalation summary, for the screen; and `decided`: people a standing
 * MDT decision keeps off the list, with the decision and its review date. Clinical roles only.
 * Team managers may see any team's list (or all); other clinicians see only people their own teams
 * hold. Every person listed (or decided) is audited.
 *
 * GET /api/worklists/monitoring-overdue?asOf=YYYY-MM-DD&team=ID: the same contract and `people`
 * (names and teams), for medicines monitoring; prescribers are a clinical role and see their teams' list.
 *
 * GET /api/worklists/shared-care?asOf=YYYY-MM-DD&team=ID: the same, for shared care proposals a GP
 * practice declined or has not answered (docs/shared-care.md).
 * GET /api/worklists/mha-deadlines?asOf=YYYY-MM-DD&team=ID: the same, for Community Treatment Orders
 * expiring within 28 days or expired unrenewed (docs/mental-health-act.md).
 * GET /api/worklists/carer-concerns?asOf=YYYY-MM-DD&team=ID: the same, for carers' concerns with no
 * response, the response due within the installation's hours (docs/carers.md).
 * GET /api/worklists/intensive-review?asOf=YYYY-MM-DD&team=ID: the same, for people who may need
 * intensive and assertive community care (docs/intensive-care.md).
 */
/** What a worklist route serves: the contract, the people on it, and for the disengaged list its escalation. */
interface ServedWorklist {
  list: Worklist;
  people: Map<string, { name: string | null; teamIds: string[] }>;
  escalation?: Awaited<ReturnType<typeof worklistEscalation>>;
  /** People on the rules' list whom a standing MDT decision keeps off it: audited as seen. */
  decided?: WorklistItem[];
}

type BuildOptions = { asOf: string; team?: string; teams?: readonly string[]; carerResponseHours?: number; withholdRestrictedFlags?: (personTeams: readonly string[]) => boolean };

// Each worklist is built by the store with the same options and gives the same shape.
const worklists: Record<string, (db: Store['db'], options: BuildOptions) => Promise<ServedWorklist>> = {
  disengaged: async (db, options) => {
    const result = await disengagedWorklist(db, options);
    return { list: result.list, people: result.people, escalation: await worklistEscalation(db, result), decided: result.decided };
  },
  'monitoring-overdue': (db, options) => monitoringOverdueWorklist(db, options),
  waiting: (db, options) => waitingWorklist(db, options),
  'shared-care': (db, options) => sharedCareWorklist(db, options),
  'mha-deadlines': (db, options) => mhaDeadlinesWorklist(db, options),
  'carer-concerns': (db, options) => carerConcernsWorklist(db, { ...options, responseHours: options.carerResponseHours }),
  'intensive-review': (db, options) => intensiveReviewWorklist(db, options),
};

export const worklistNames = Object.keys(worklists);

/**
 * One worklist as the user may see it, with every person listed (or decided) audited: clinical roles
 * only; team managers may ask for any team's list (or all), other clinicians their own teams' only.
 * Served as JSON here and as FHIR Flags by the FHIR API (fhir/worklist-flags.ts).
 */
export async function buildWorklistFor(store: Store, request: FastifyRequest, name: string, rawQuery: unknown, settings: { carerResponseHours?: number } = {}) {
  const build = Object.hasOwn(worklists, name) ? worklists[name] : undefined;
  if (!build) throw new ApiError(404, 'not-found', `There is no worklist called ${name}.`);
  const staff = requireStaff(request);
  if (!roles[staff.role].clinical) throw new ApiError(403, 'forbidden', `The ${roles[staff.role].label} role cannot see worklists of individual people.`);
  const query = parseInput(worklistQuery, rawQuery, 'query');
  const ownTeams = staff.teams.map((t) => t.id);
  const manager = staff.role === 'team-manager';
  if (query.team && !manager && !ownTeams.includes(query.team)) {
    throw new ApiError(403, 'forbidden', 'You can see the worklists of your own teams only.');
  }
  if (query.team) {
    const team = await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', '=', query.team).executeTakeFirst();
    if (!team) throw new ApiError(404, 'not-found', 'There is no team with that id.');
  }
  const asOf = query.asOf ?? londonToday();
  // Restricted flags (MARAC, MAPPA) in a reason's words only for a reader whose team holds the person (domain restricted-flags.ts).
  const withholdRestrictedFlags = (personTeams: readonly string[]) => restrictedFlagView({ role: staff.role, basis: personTeams.some((t) => ownTeams.includes(t)) ? 'team' : 'none' }) !== 'content';
  const result = await build(store.db, { asOf, team: query.team, teams: query.team || manager ? undefined : ownTeams, carerResponseHours: settings.carerResponseHours, withholdRestrictedFlags });
  const entries = [...result.list.items, ...(result.decided ?? [])].map((item) => ({
    actorId: staff.id,
    actorRole: staff.role,
    action: 'worklist',
    personId: item.patient.id,
    basis: 'worklist' as const,
    outcome: 'allowed' as const,
    detail: { worklist: name, asOf, team: query.team ?? null },
  }));
  const withheld = result.list.items
    .filter((item) => item.reasons.some((r) => r.text.includes(restrictedFlagRules.withheldWords)))
    .map((item) => ({ ...entries.find((e) => e.personId === item.patient.id)!, action: 'withhold-restricted-flags', outcome: 'refused' as const, detail: { surface: `worklist ${name}`, view: 'existence' } }));
  await recordAudit(store.db, [...entries, ...withheld]);
  return result;
}

export function worklistRoutes(app: FastifyInstance, store: Store, settings: { carerResponseHours?: number } = {}) {
  for (const name of worklistNames) app.get(`/api/worklists/${name}`, async (request) => {
    const result = await buildWorklistFor(store, request, name, request.query, settings);
    const teamIds = [...new Set([...result.people.values()].flatMap((p) => p.teamIds))];
    const teamNames = await loadNames(store.db, teamIds.map((id) => `Organization/${id}`));
    const people = Object.fromEntries(
      [...result.people].map(([id, p]) => [
        id,
        { name: p.name, teams: p.teamIds.map((t) => ({ id: t, name: teamNames.get(`Organization/${t}`) ?? t })), ...(result.escalation ? { escalation: result.escalation.summaries.get(id) ?? null } : {}) },
      ]),
    );
    return { ...result.list, people, ...(result.escalation ? { decided: result.escalation.decided } : {}) };
  });
}
