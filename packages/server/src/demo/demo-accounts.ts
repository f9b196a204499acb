import { system, type Role } from '@continuity/domain';
import { countUsers, createUser, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';

/** Printed by `continuity start` for the demo population only; never used for real data. */
export const DEMO_PASSWORD = 'continuity-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  teams: string[];
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

  const teams = team ? [team] : [];
  const accounts: Array<DemoAccount & { practitionerId?: string | null }> = [
    { username: 'keyworker', role: 'key-worker', displayName: 'Demo key worker', teams, practitionerId: keyWorker },
    { username: 'manager', role: 'team-manager', displayName: 'Demo team manager', teams },
    { username: 'prescriber', role: 'prescriber', displayName: 'Demo prescriber', teams },
    { username: 'crisis', role: 'crisis-line', displayName: 'Demo crisis line', teams: crisis ? [crisis] : [] },
    { username: 'partner', role: 'partner-agency', displayName: 'Demo partner agency', teams: [] },
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
      teamIds: account.teams,
    });
  }
  return accounts;
}
