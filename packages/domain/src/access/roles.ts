/**
 * Staff roles and what each may do with a person's record. Caldicott principles: access follows a
 * legitimate relationship; anything else is break-glass with a stated reason, which is audited.
 */
export const roles = {
  'key-worker': { label: 'Key worker / care coordinator', clinical: true },
  'team-manager': { label: 'Team manager / clinical lead', clinical: true },
  prescriber: { label: 'Psychiatrist, pharmacist or nurse prescriber', clinical: true },
  'crisis-line': { label: 'Crisis line / out of hours', clinical: true },
  'partner-agency': { label: 'Partner agency', clinical: false },
  'board-analyst': { label: 'Board member or analyst', clinical: false },
  admin: { label: 'System administrator', clinical: false },
} as const;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(roles, value);
}

/** How long a break-glass grant lasts before the reason must be given again. */
export const BREAK_GLASS_HOURS = 4;
/** A reason shorter than this says nothing a reviewer could check. */
export const BREAK_GLASS_MIN_REASON = 10;
