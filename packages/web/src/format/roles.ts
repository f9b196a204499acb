import { roles, isRole } from './domain-rules.ts';

/** The role's name as staff know it, e.g. "Key worker / care coordinator". */
export function roleLabel(role: string): string {
  return isRole(role) ? roles[role].label : role;
}

/** Whether the role works with individual people's records (and so may search for them). */
export function isClinicalRole(role: string): boolean {
  return isRole(role) && roles[role].clinical;
}
