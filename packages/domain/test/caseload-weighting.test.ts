import { describe, expect, it } from 'vitest';
import { caseloadWeighting, coverAppliesOn, coverPeriodProblem, personWeight, weightedCaseload, whoHolds, type CoverArrangement } from '../src/index.ts';

describe('caseload weighting (workload, not risk)', () => {
  it('counts core care as 1 and intensive or assertive care as 2.5', () => {
    expect(personWeight({ intensity: 'standard', disengagedReasons: 0 })).toBe(1);
    expect(personWeight({ intensity: null, disengagedReasons: 0 })).toBe(1);
    expect(personWeight({ intensity: 'intensive', disengagedReasons: 0 })).toBe(2.5);
    expect(personWeight({ intensity: 'assertive', disengagedReasons: 0 })).toBe(2.5);
  });

  it('adds 0.5 for each open disengaged-worklist reason', () => {
    expect(personWeight({ intensity: 'standard', disengagedReasons: 2 })).toBe(2);
    expect(personWeight({ intensity: 'intensive', disengagedReasons: 1 })).toBe(3);
  });

  it('sums a caseload to one decimal place, and an empty caseload weighs nothing', () => {
    expect(weightedCaseload([])).toBe(0);
    expect(weightedCaseload([{ intensity: 'standard', disengagedReasons: 2 }, { intensity: 'intensive', disengagedReasons: 1 }, { disengagedReasons: 0 }])).toBe(6);
  });

  it('cites its sources and says which figures are local choices', () => {
    expect(caseloadWeighting.sources.some((s) => s.says.includes('10-12 cases per staff member'))).toBe(true);
    expect(caseloadWeighting.sources.some((s) => s.source === 'Local choice')).toBe(true);
  });
});

const cover = (id: string, absent: string, covering: string, from: string, to: string, teamId = 'north'): CoverArrangement => ({ id, teamId, absentPractitionerId: absent, coveringPractitionerId: covering, from, to });

describe('cover', () => {
  const away = cover('c1', 'kw-a', 'kw-b', '2026-07-06', '2026-07-10');

  it('applies from its first day to its last, both included', () => {
    expect(coverAppliesOn(away, '2026-07-05')).toBe(false);
    expect(coverAppliesOn(away, '2026-07-06')).toBe(true);
    expect(coverAppliesOn(away, '2026-07-10')).toBe(true);
    expect(coverAppliesOn(away, '2026-07-11')).toBe(false);
  });

  it("moves an absent key worker's people to the covering worker, in that team only, and back after", () => {
    expect(whoHolds('kw-a', 'north', [away], '2026-07-08')).toEqual({ holder: 'kw-b', cover: away });
    expect(whoHolds('kw-a', 'south', [away], '2026-07-08')).toEqual({ holder: 'kw-a', cover: null });
    expect(whoHolds('kw-a', 'north', [away], '2026-07-11')).toEqual({ holder: 'kw-a', cover: null });
    expect(whoHolds('kw-b', 'north', [away], '2026-07-08')).toEqual({ holder: 'kw-b', cover: null });
  });

  it('follows a chain of cover to someone at work, and never loses people to a cycle', () => {
    const chain = [away, cover('c2', 'kw-b', 'kw-c', '2026-07-08', '2026-07-08')];
    expect(whoHolds('kw-a', 'north', chain, '2026-07-08')).toEqual({ holder: 'kw-c', cover: away });
    expect(whoHolds('kw-a', 'north', chain, '2026-07-09').holder).toBe('kw-b');
    const cycle = [away, cover('c2', 'kw-b', 'kw-a', '2026-07-08', '2026-07-08')];
    expect(whoHolds('kw-a', 'north', cycle, '2026-07-08')).toEqual({ holder: 'kw-a', cover: null });
  });

  it('when two arrangements cover the same absence, the one recorded last wins (id 10 after id 9)', () => {
    const overlapping = [cover('9', 'kw-a', 'kw-b', '2026-07-06', '2026-07-10'), cover('10', 'kw-a', 'kw-c', '2026-07-08', '2026-07-08')];
    expect(whoHolds('kw-a', 'north', overlapping, '2026-07-08').holder).toBe('kw-c');
    expect(whoHolds('kw-a', 'north', overlapping, '2026-07-09').holder).toBe('kw-b');
  });

  it('refuses a period that ends before it starts', () => {
    expect(coverPeriodProblem('2026-07-06', '2026-07-06')).toBeNull();
    expect(coverPeriodProblem('2026-07-06', '2026-07-05')).toBe('cover must end on or after the day it starts');
  });
});
