import { describe, expect, it } from 'vitest';
import { decideNeedToKnowAccess, decideRecordAccess, roleNames, roles, type AccessContext } from '../src/index.ts';

const crisisLine: AccessContext = { role: 'crisis-line', userTeams: ['crisis-team'], practitionerId: null, personTeams: ['cmht'], personKeyWorkers: ['kw1'], hasBreakGlass: false };

describe('need-to-know access', () => {
  it('lets the crisis line read it for someone in intensive or assertive care, without break-glass, on its own basis', () => {
    expect(decideNeedToKnowAccess(crisisLine, ['intensive'])).toEqual({ allowed: true, basis: 'crisis-line' });
    expect(decideNeedToKnowAccess(crisisLine, ['standard', 'assertive'])).toEqual({ allowed: true, basis: 'crisis-line' });
    // Even holding a break-glass grant, the crisis line's own basis is the one recorded: no reason was needed.
    expect(decideNeedToKnowAccess({ ...crisisLine, hasBreakGlass: true }, ['intensive'])).toEqual({ allowed: true, basis: 'crisis-line' });
  });

  it('asks the crisis line for break-glass for someone in standard care, as the record does', () => {
    expect(decideNeedToKnowAccess(crisisLine, ['standard'])).toMatchObject({ allowed: false, canBreakGlass: true });
    expect(decideNeedToKnowAccess(crisisLine, [])).toMatchObject({ allowed: false, canBreakGlass: true });
    expect(decideNeedToKnowAccess({ ...crisisLine, hasBreakGlass: true }, ['standard'])).toEqual({ allowed: true, basis: 'break-glass' });
  });

  it('gives the crisis line the page only: the record itself still needs break-glass', () => {
    expect(decideRecordAccess(crisisLine)).toMatchObject({ allowed: false, canBreakGlass: true });
  });

  it('follows the record for other clinical roles, intensive care or not', () => {
    const keyWorker: AccessContext = { ...crisisLine, role: 'key-worker', userTeams: ['south'], practitionerId: 'kw2' };
    expect(decideNeedToKnowAccess(keyWorker, ['intensive'])).toMatchObject({ allowed: false, canBreakGlass: true });
    expect(decideNeedToKnowAccess({ ...keyWorker, practitionerId: 'kw1' }, ['intensive'])).toEqual({ allowed: true, basis: 'key-worker' });
    expect(decideNeedToKnowAccess({ ...keyWorker, userTeams: ['cmht'] }, ['standard'])).toEqual({ allowed: true, basis: 'team' });
  });

  it('never opens it to non-clinical roles', () => {
    for (const role of roleNames.filter((r) => !roles[r].clinical)) {
      expect(decideNeedToKnowAccess({ ...crisisLine, role, personTeams: ['crisis-team'], hasBreakGlass: true }, ['intensive'])).toMatchObject({ allowed: false, canBreakGlass: false });
    }
  });
});
