import { roles } from '@continuity/domain';
import type { Store } from '@continuity/store';
import { ApiError } from '../http/errors.ts';
import type { SignedInUser } from '../auth/session.ts';

/**
 * Who may see a team's caseload and MDT board: clinicians who work in that team. Team managers
 * see their own teams (not every team, unlike the trust-wide worklist: a caseload is how a team
 * runs itself). Throws 404 for a team that does not exist.
 */
export async function requireTeamMember(store: Store, staff: SignedInUser, teamId: string, allowed: ReadonlyArray<SignedInUser['role']>, what: string): Promise<void> {
  if (!roles[staff.role].clinical || !allowed.includes(staff.role)) throw new ApiError(403, 'forbidden', `The ${roles[staff.role].label} role cannot ${what}.`);
  const team = await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new ApiError(404, 'not-found', 'There is no team with that id.');
  if (!staff.teams.some((t) => t.id === teamId)) throw new ApiError(403, 'forbidden', `You can ${what} for your own teams only.`);
}
