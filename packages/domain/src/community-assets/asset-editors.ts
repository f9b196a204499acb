import type { Role } from '../access/roles.ts';

/**
 * Who keeps the directory up to date (SPEC C13: "editable by staff and partner organisations"):
 * trust staff any entry; a partner agency only the entries its own organisation keeps. Board
 * members and analysts read the uptake figures, not the directory's contents.
 */
export const assetEditorRoles: readonly Role[] = ['key-worker', 'team-manager', 'prescriber', 'crisis-line', 'admin'];

/** Whether a user may edit an entry kept by `maintainerId` (or add one kept by it). */
export function mayEditAsset(user: { role: string; organisationId: string | null }, maintainerId: string): boolean {
  if ((assetEditorRoles as readonly string[]).includes(user.role)) return true;
  return user.role === 'partner-agency' && user.organisationId !== null && user.organisationId === maintainerId;
}

/** Whether a user may edit any entry at all. */
export function editsDirectory(user: { role: string; organisationId: string | null }): boolean {
  return (assetEditorRoles as readonly string[]).includes(user.role) || (user.role === 'partner-agency' && user.organisationId !== null);
}
