import { system, type Role } from '@continuity/domain';
import { countUsers, createUser, sharedCareCategory, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';

/** Printed by `continuity start` for the demo population only; never used for real data. */
export const DEMO_PASSWORD = 'continuity-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  teams: string[];
  /** The partner's organisation: for the GP account, its practice. */
  organisationId?: string | null;
}

/**
 * Sign-in accounts for a demo population: one per role, the clinical ones in the team holding the
 * most people, the key worker linked to the practitioner with the largest caseload there.
 */
export async function createDemoAccounts(store: Store): Promise<DemoAccount[]> {
  if ((await countUsers(store.db)) > 0) return [];
  const busiest = await sql<{ team: string; key_worker: string | null; people: number }>`
    SELECT resource->'managingOrganization'->>'reference' AS team,
           resource->'careManager'->>'reference' AS key_worker, count(*)::int AS people
    FROM record WHERE resource_type = 'EpisodeOfCare' AND status = 'active'
    GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1`.execute(store.db);
  const top = busiest.rows[0];
  const team = top?.team?.replace(/^Organization\//, '');
  const keyWorker = top?.key_worker?.replace(/^Practitioner\//, '') ?? null;
  const crisisTeam = await sql<{ id: string }>`
    SELECT id FROM shared_record WHERE resource_type = 'Organization'
      AND resource @> ${JSON.stringify({ type: [{ coding: [{ system: system.organisationType, code: 'crisis' }] }] })}::jsonb
    ORDER BY id LIMIT 1`.execute(store.db);
  const crisis = crisisTeam.rows[0]?.id;
  const practice = await busiestPractice(store);

  const teams = team ? [team] : [];
  const accounts: Array<DemoAccount & { practitionerId?: string | null }> = [
    { username: 'keyworker', role: 'key-worker', displayName: 'Demo key worker', teams, practitionerId: keyWorker },
    { username: 'manager', role: 'team-manager', displayName: 'Demo team manager', teams },
    { username: 'prescriber', role: 'prescriber', displayName: 'Demo prescriber', teams },
    { username: 'crisis', role: 'crisis-line', displayName: 'Demo crisis line', teams: crisis ? [crisis] : [] },
    { username: 'partner', role: 'partner-agency', displayName: 'Demo partner agency', teams: [] },
    // A GP partner sees the shared care its practice is asked to take on and holds, nothing else (docs/shared-care.md).
    ...(practice ? [{ username: 'gp', role: 'partner-agency' as const, displayName: `Demo GP, ${practice.name}`, teams: [], organisationId: practice.id }] : []),
    { username: 'board', role: 'board-analyst', displayName: 'Demo board analyst', teams: [] },
    { username: 'admin', role: 'admin', displayName: 'Demo administrator', teams: [] },
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of accounts) {
    await createUser(store.db, {
      id: `demo-${account.username}`,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      passwordHash,
      practitionerId: account.practitionerId ?? null,
      organisationId: account.organisationId ?? null,
      teamIds: account.teams,
    });
  }
  return accounts;
}

/**
 * The GP practice with the most shared care proposals waiting for its answer (CarePlan.status
 * draft), so the demo has something to accept; then the most agreements; then the most registered people.
 */
async function busiestPractice(store: Store): Promise<{ id: string; name: string } | undefined> {
  const found = await sql<{ id: string; name: string | null }>`
    WITH agreements AS (
      SELECT jsonb_path_query(resource, '$.contributor[*].reference') #>> '{}' AS reference, count(*) FILTER (WHERE status = 'draft') AS waiting, count(*) AS n
      FROM record WHERE resource_type = 'CarePlan' AND ${sharedCareCategory} GROUP BY 1
    ), registered AS (SELECT gp_practice_id, count(*) AS n FROM person GROUP BY 1)
    SELECT o.id, o.resource->>'name' AS name FROM shared_record o
    LEFT JOIN agreements a ON a.reference = 'Organization/' || o.id
    LEFT JOIN registered r ON r.gp_practice_id = o.id
    WHERE o.resource_type = 'Organization'
      AND o.resource @> ${JSON.stringify({ type: [{ coding: [{ system: system.organisationType, code: 'gp-practice' }] }] })}::jsonb
    ORDER BY coalesce(a.waiting, 0) DESC, coalesce(a.n, 0) DESC, coalesce(r.n, 0) DESC, o.id
    LIMIT 1`.execute(store.db);
  const row = found.rows[0];
  return row ? { id: row.id, name: row.name ?? row.id } : undefined;
}
