import { isRole, type Role } from './roles.ts';

/**
 * Which Continuity role a person signing in through single sign-on (OpenID Connect, as NHS Care
 * Identity Service 2 uses) acts in. The installation lists its rules in order; the first rule that
 * one of the person's role profiles satisfies gives the role. Nobody gets a role by default: a
 * sign-in no rule matches is refused (docs/single-sign-on.md).
 *
 * CIS2 sends a person's role profiles in the `nhsid_nrbac_roles` user-info claim (scope
 * `nationalrbacaccess`): one object per role they hold at an organisation, with `role_code` such as
 * "S8000:G8000:R8000" (staff group, sub-group and job role; R8000 is the Clinical Practitioner
 * Access Role), `org_code` (the ODS code of the organisation) and `person_roleid`. When the person
 * chose one role at sign-in, `selected_roleid` names it and only that profile counts.
 */
export interface RoleMappingRule {
  role: Role;
  /** Job role codes ("R8000") or full role codes ("S8000:G8000:R8000") that give the role. */
  rbacRoleCodes?: string[];
  /** Only role profiles held at one of these organisations (ODS codes) count; any when absent. */
  orgCodes?: string[];
  /** For providers other than CIS2: a claim (such as "roles" or "groups") holding one of these values. */
  claim?: { name: string; values: string[] };
}

export interface RoleMapping {
  rules: RoleMappingRule[];
}

/** One CIS2 role profile as far as the mapping needs it. */
export interface RbacRoleProfile {
  personRoleId: string | null;
  roleCode: string;
  orgCode: string | null;
}

export type RoleMappingOutcome =
  | { outcome: 'mapped'; role: Role; rule: number; roleCode: string | null; orgCode: string | null }
  | { outcome: 'refused'; reason: 'no-roles' | 'no-rule-matches' };

/** The role profiles in the claims, kept only where well formed; the selected one alone if one was selected. */
export function rbacRoleProfiles(claims: Record<string, unknown>): RbacRoleProfile[] {
  const raw = claims.nhsid_nrbac_roles;
  const profiles = (Array.isArray(raw) ? raw : []).flatMap((entry): RbacRoleProfile[] => {
    if (!entry || typeof entry !== 'object') return [];
    const { role_code: roleCode, org_code: orgCode, person_roleid: personRoleId } = entry as Record<string, unknown>;
    if (typeof roleCode !== 'string' || !roleCode) return [];
    return [{ roleCode, orgCode: typeof orgCode === 'string' ? orgCode : null, personRoleId: typeof personRoleId === 'string' ? personRoleId : null }];
  });
  const selected = claims.selected_roleid;
  return typeof selected === 'string' && selected ? profiles.filter((p) => p.personRoleId === selected) : profiles;
}

/** "S8000:G8000:R8000" matches "R8000" (the job role) or the whole code. */
function roleCodeMatches(roleCode: string, wanted: string): boolean {
  return roleCode === wanted || roleCode.split(':').includes(wanted);
}

function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function mapSsoRole(claims: Record<string, unknown>, mapping: RoleMapping): RoleMappingOutcome {
  const profiles = rbacRoleProfiles(claims);
  for (const [index, rule] of mapping.rules.entries()) {
    const profile = rule.rbacRoleCodes?.length
      ? profiles.find((p) => rule.rbacRoleCodes!.some((code) => roleCodeMatches(p.roleCode, code)) && (!rule.orgCodes?.length || (p.orgCode !== null && rule.orgCodes.includes(p.orgCode))))
      : undefined;
    if (profile) return { outcome: 'mapped', role: rule.role, rule: index, roleCode: profile.roleCode, orgCode: profile.orgCode };
    if (rule.claim && claimValues(claims, rule.claim.name).some((v) => rule.claim!.values.includes(v))) {
      return { outcome: 'mapped', role: rule.role, rule: index, roleCode: null, orgCode: null };
    }
  }
  // Told apart because the fixes differ: no roles at all is for the registration authority, an unmapped role for whoever keeps the mapping.
  const anyClaimValues = mapping.rules.some((r) => r.claim && claimValues(claims, r.claim.name).length > 0);
  return { outcome: 'refused', reason: profiles.length === 0 && !anyClaimValues ? 'no-roles' : 'no-rule-matches' };
}

/**
 * Checks a mapping read from configuration: every rule names a Continuity role and at least one way
 * to match. The problems in words, empty when it is usable.
 */
export function roleMappingProblems(input: unknown): string[] {
  if (!input || typeof input !== 'object' || !Array.isArray((input as { rules?: unknown }).rules)) return ['must be an object with a list of "rules"'];
  const rules = (input as { rules: unknown[] }).rules;
  if (rules.length === 0) return ['must have at least one rule'];
  return rules.flatMap((rule, i) => {
    const where = `rule ${i + 1}`;
    if (!rule || typeof rule !== 'object') return [`${where} must be an object`];
    const r = rule as Record<string, unknown>;
    const problems: string[] = [];
    if (!isRole(r.role)) problems.push(`${where}: "role" must be a Continuity role`);
    const codes = r.rbacRoleCodes;
    const codesOk = codes === undefined || (Array.isArray(codes) && codes.every((c) => typeof c === 'string' && c.length > 0));
    if (!codesOk) problems.push(`${where}: "rbacRoleCodes" must be a list of codes`);
    const orgs = r.orgCodes;
    if (orgs !== undefined && !(Array.isArray(orgs) && orgs.every((c) => typeof c === 'string' && c.length > 0))) problems.push(`${where}: "orgCodes" must be a list of ODS codes`);
    const claim = r.claim as { name?: unknown; values?: unknown } | undefined;
    const claimOk = claim === undefined || (typeof claim === 'object' && claim !== null && typeof claim.name === 'string' && claim.name.length > 0 && Array.isArray(claim.values) && claim.values.length > 0 && claim.values.every((v) => typeof v === 'string'));
    if (!claimOk) problems.push(`${where}: "claim" must have a "name" and a list of "values"`);
    if (codesOk && claimOk && !(Array.isArray(codes) && codes.length > 0) && claim === undefined) problems.push(`${where} must match by "rbacRoleCodes" or by "claim"`);
    return problems;
  });
}
