import { describe, expect, it } from 'vitest';
import { mapSsoRole, rbacRoleProfiles, roleMappingProblems, type RoleMapping } from '../src/index.ts';

/** A trust's mapping: prescribers by a job role at its own organisation, clinicians by R8000, admins by a group. */
const mapping: RoleMapping = {
  rules: [
    { role: 'prescriber', rbacRoleCodes: ['R8006'], orgCodes: ['RXX'] },
    { role: 'key-worker', rbacRoleCodes: ['R8000', 'S8000:G8000:R8001'] },
    { role: 'admin', claim: { name: 'groups', values: ['continuity-admins'] } },
  ],
};

const profile = (roleCode: string, orgCode = 'RXX', personRoleId = `pr-${roleCode}`) => ({ role_code: roleCode, org_code: orgCode, person_roleid: personRoleId, role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"' });

describe('mapping a single sign-on identity to a Continuity role', () => {
  it('gives the role of the first rule one of the person’s CIS2 role profiles satisfies, by job role or full role code', () => {
    expect(mapSsoRole({ nhsid_nrbac_roles: [profile('S8000:G8000:R8000')] }, mapping)).toEqual({ outcome: 'mapped', role: 'key-worker', rule: 1, roleCode: 'S8000:G8000:R8000', orgCode: 'RXX' });
    expect(mapSsoRole({ nhsid_nrbac_roles: [profile('S8000:G8000:R8001')] }, mapping)).toMatchObject({ outcome: 'mapped', role: 'key-worker' });
    expect(mapSsoRole({ nhsid_nrbac_roles: [profile('S8000:G8000:R8000'), profile('S8000:G8000:R8006')] }, mapping)).toMatchObject({ outcome: 'mapped', role: 'prescriber', rule: 0 });
  });

  it('counts a profile only at the organisations a rule names', () => {
    expect(mapSsoRole({ nhsid_nrbac_roles: [profile('S8000:G8000:R8006', 'RYY')] }, mapping)).toEqual({ outcome: 'refused', reason: 'no-rule-matches' });
  });

  it('uses only the role the person selected at sign-in when CIS2 names one', () => {
    const claims = { nhsid_nrbac_roles: [profile('S8000:G8000:R8006', 'RXX', 'chosen-elsewhere'), profile('S8000:G8000:R8000', 'RXX', 'chosen')], selected_roleid: 'chosen' };
    expect(mapSsoRole(claims, mapping)).toMatchObject({ outcome: 'mapped', role: 'key-worker' });
    expect(rbacRoleProfiles(claims)).toEqual([{ roleCode: 'S8000:G8000:R8000', orgCode: 'RXX', personRoleId: 'chosen' }]);
    expect(mapSsoRole({ ...claims, selected_roleid: 'not-one-of-theirs' }, mapping)).toEqual({ outcome: 'refused', reason: 'no-roles' });
  });

  it('maps by another claim for providers other than CIS2', () => {
    expect(mapSsoRole({ groups: ['staff', 'continuity-admins'] }, mapping)).toMatchObject({ outcome: 'mapped', role: 'admin', roleCode: null });
    expect(mapSsoRole({ groups: 'continuity-admins' }, mapping)).toMatchObject({ outcome: 'mapped', role: 'admin' });
    expect(mapSsoRole({ groups: ['staff'] }, mapping)).toEqual({ outcome: 'refused', reason: 'no-rule-matches' });
  });

  it('refuses an identity with no roles, or only malformed ones, and one no rule matches', () => {
    expect(mapSsoRole({}, mapping)).toEqual({ outcome: 'refused', reason: 'no-roles' });
    expect(mapSsoRole({ nhsid_nrbac_roles: 'R8000' }, mapping)).toEqual({ outcome: 'refused', reason: 'no-roles' });
    expect(mapSsoRole({ nhsid_nrbac_roles: [null, { role_code: 8000 }, { org_code: 'RXX' }] }, mapping)).toEqual({ outcome: 'refused', reason: 'no-roles' });
    expect(mapSsoRole({ nhsid_nrbac_roles: [profile('S0080:G0450:R8008')] }, mapping)).toEqual({ outcome: 'refused', reason: 'no-rule-matches' });
    // "R800" is not "R8000": codes match whole, never by prefix.
    expect(mapSsoRole({ nhsid_nrbac_roles: [profile('S8000:G8000:R800')] }, mapping)).toEqual({ outcome: 'refused', reason: 'no-rule-matches' });
  });

  it('checks a mapping read from configuration and says what is wrong', () => {
    expect(roleMappingProblems(mapping)).toEqual([]);
    expect(roleMappingProblems(null)).toEqual(['must be an object with a list of "rules"']);
    expect(roleMappingProblems({ rules: [] })).toEqual(['must have at least one rule']);
    expect(roleMappingProblems({ rules: [{ role: 'superuser', rbacRoleCodes: ['R8000'] }, { role: 'admin' }, { role: 'admin', claim: { name: 'groups', values: [] } }, { role: 'key-worker', rbacRoleCodes: 'R8000' }] })).toEqual([
      'rule 1: "role" must be a Continuity role',
      'rule 2 must match by "rbacRoleCodes" or by "claim"',
      'rule 3: "claim" must have a "name" and a list of "values"',
      'rule 4: "rbacRoleCodes" must be a list of codes',
    ]);
  });
});
