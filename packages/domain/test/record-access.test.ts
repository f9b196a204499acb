import { describe, expect, it } from 'vitest';
import { decideRecordAccess, roleNames, roles, type AccessContext } from '../src/index.ts';

const base: AccessContext = { role: 'key-worker', userTeams: ['t1'], practitionerId: 'kw1', personTeams: ['t2'], personKeyWorkers: [], hasBreakGlass: false };

describe('record access', () => {
  it('allows the named key worker, even outside their team', () => {
    expect(decideRecordAccess({ ...base, personKeyWorkers: ['kw1'] })).toEqual({ allowed: true, basis: 'key-worker' });
  });
  it('allows staff of a team holding the person', () => {
    expect(decideRecordAccess({ ...base, personTeams: ['t2', 't1'] })).toEqual({ allowed: true, basis: 'team' });
  });
  it('refuses anyone else but offers break-glass to clinical roles', () => {
    expect(decideRecordAccess(base)).toMatchObject({ allowed: false, canBreakGlass: true });
    expect(decideRecordAccess({ ...base, hasBreakGlass: true })).toEqual({ allowed: true, basis: 'break-glass' });
  });
  it('never opens records to non-clinical roles, whatever their relationships', () => {
    for (const role of roleNames.filter((r) => !roles[r].clinical)) {
      expect(decideRecordAccess({ ...base, role, personTeams: ['t1'], hasBreakGlass: true })).toMatchObject({ allowed: false, canBreakGlass: false });
    }
  });
});
