import { roles, type Role } from './roles.ts';

export interface AccessContext {
  role: Role;
  /** Teams (Organization ids) the user works in. */
  userTeams: readonly string[];
  /** The Practitioner the user is, if any. */
  practitionerId?: string | null;
  /** Teams holding the person: open episodes of care and pending referrals. */
  personTeams: readonly string[];
  /** Key workers named on the person's open episodes. */
  personKeyWorkers: readonly string[];
  hasBreakGlass: boolean;
}

export type AccessDecision =
  | { allowed: true; basis: 'key-worker' | 'team' | 'break-glass' }
  | { allowed: false; canBreakGlass: boolean; message: string };

/** Whether a user may open a person's record, and on what basis. */
export function decideRecordAccess(context: AccessContext): AccessDecision {
  const clinical = roles[context.role].clinical;
  if (!clinical) {
    return {
      allowed: false,
      canBreakGlass: false,
      message: `The ${roles[context.role].label} role cannot open individual records.`,
    };
  }
  if (context.practitionerId && context.personKeyWorkers.includes(context.practitionerId)) {
    return { allowed: true, basis: 'key-worker' };
  }
  if (context.personTeams.some((team) => context.userTeams.includes(team))) {
    return { allowed: true, basis: 'team' };
  }
  if (context.hasBreakGlass) return { allowed: true, basis: 'break-glass' };
  return {
    allowed: false,
    canBreakGlass: true,
    message: 'This person is not on a caseload of your team. To open their record, give a reason: it will be recorded and reviewed.',
  };
}
