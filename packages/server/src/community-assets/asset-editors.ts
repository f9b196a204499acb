import type { Role } from '@continuity/domain';
import type { SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';

/**
 * Who keeps the directory up to date (SPEC C13: "editable by staff and partner organisations"):
 * trust staff any entry; a partner agency only the entries its own organisation keeps. Board
 * members and analysts read the figures, not the directory's contents.
 */
const staffEditors: readonly Role[] = ['key-worker', 'team-manager', 'prescriber', 'crisis-line', 'admin'];

/** Refuses a user who may not edit an entry kept by `maintainerId` (or add one kept by it). */
export function requireAssetEditor(staff: SignedInUser, maintainerId: string): void {
  if (staffEditors.includes(staff.role)) return;
  if (staff.role === 'partner-agency' && staff.organisationId && staff.organisationId === maintainerId) return;
  if (staff.role === 'partner-agency') throw new ApiError(403, 'forbidden', 'A partner agency can change only the entries its own organisation keeps.');
  throw new ApiError(403, 'forbidden', 'Your role cannot change the community assets directory.');
}

/** Refuses a user who may edit no entry at all: before a file is read, so they learn nothing from it. */
export function requireDirectoryEditor(staff: SignedInUser): void {
  if (staffEditors.includes(staff.role) || (staff.role === 'partner-agency' && staff.organisationId)) return;
  throw new ApiError(403, 'forbidden', 'Your role cannot change the community assets directory.');
}

/** Who keeps a new entry: the one named, or the partner's own organisation. */
export function maintainerOf(staff: SignedInUser, named: string | undefined): string {
  const maintainer = named ?? (staff.role === 'partner-agency' ? staff.organisationId : null);
  if (!maintainer) throw new ApiError(400, 'invalid-input', 'The entry was not saved: maintainerId is required', [{ field: 'maintainerId', message: 'is required' }]);
  return maintainer;
}

/** Who may import postcode centroids: reference data the whole trust searches by, so not partners. */
export const centroidImporters: readonly Role[] = ['team-manager', 'admin'];
