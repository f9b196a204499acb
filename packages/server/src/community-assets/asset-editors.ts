import { editsDirectory, mayEditAsset, type Role } from '@continuity/domain';
import type { SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';

/** Refuses a user who may not edit an entry kept by `maintainerId` (or add one kept by it): the rule is the domain's mayEditAsset. */
export function requireAssetEditor(staff: SignedInUser, maintainerId: string): void {
  if (mayEditAsset(staff, maintainerId)) return;
  if (staff.role === 'partner-agency') throw new ApiError(403, 'forbidden', 'A partner agency can change only the entries its own organisation keeps.');
  throw new ApiError(403, 'forbidden', 'Your role cannot change the community assets directory.');
}

/** Refuses a user who may edit no entry at all: before a file is read, so they learn nothing from it. */
export function requireDirectoryEditor(staff: SignedInUser): void {
  if (!editsDirectory(staff)) throw new ApiError(403, 'forbidden', 'Your role cannot change the community assets directory.');
}

/** Who keeps a new entry: the one named, or the partner's own organisation. */
export function maintainerOf(staff: SignedInUser, named: string | undefined): string {
  const maintainer = named ?? (staff.role === 'partner-agency' ? staff.organisationId : null);
  if (!maintainer) throw new ApiError(400, 'invalid-input', 'The entry was not saved: maintainerId is required', [{ field: 'maintainerId', message: 'is required' }]);
  return maintainer;
}

/** Who may import postcode centroids: reference data the whole trust searches by, so not partners. */
export const centroidImporters: readonly Role[] = ['team-manager', 'admin'];
