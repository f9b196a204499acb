import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardDashboard, boardPeople, buildTileOnDays, carerConcernsWorklist, intensiveReviewWorklist, tileBuilders, dischargeAudit, disengagedWorklist, mhaUse, monitoringOverdueWorklist, physicalHealthReport, teamOutcomes, waitingTimes, type Store } from '@continuity/store';
import type { BoardDashboard } from '@continuity/domain';
import { storeKinds } from '../../../test/support/stores.ts';
import { BOARD_AS_OF } from './support/board-scenario.ts';
import { openBoardStore } from './support/board-store.ts';

describe.each(storeKinds)('the board dashboard on $name', (kind) => {
  let store: Store;
  let board: BoardDashboard;
  const tile = (key: string) => board.tiles.find((t) => t.tile.key === key)!;
  const point = (key: string, day: string) => tile(key).trend?.find((p) => p.asOf === day);
  beforeAll(async () => {
    store = await openBoardStore(kind);
    board = await boardDashboard(store.db, { asOf: BOARD_AS_OF });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('gives every tile its figure as worked by hand', () => {
    expect(board.tiles.map((t) => [t.tile.key, t.figure.numerator, t.figure.denominator])).toEqual([
      ['waiting-times', 4, 5],
      ['caseload', 23, 36],
      ['intensive-care', 1, 2],
      ['disengaged', 3, 23],
      ['contact-re-established', 20, 23],
      ['discharge-breaches', 1, 3],
      ['carer-concerns', 13, 20],
      ['physical-health-check', 1, 2],
      ['monitoring', 1, 2],
      ['outcome-measures', 3, 23],
      ['outcome-change', 1, 2],
      ['mha-use', 3, 36],
    ]);
    expect(tile('waiting-times').figure.rate).toBe(0.8);
    expect(tile('carer-concerns').figure.rate).toBe(0.65);
  });

  it('gives the median time to a carer’s concern’s first response, and the standard it used', async () => {
    // The 17 answered of the 20 counted: the 9th of them in order is 24 hours.
    expect(tile('carer-concerns').responseTimes).toEqual({ standardHours: 72, answered: 17, medianHours: 24 });
    expect(tile('caseload').responseTimes).toBeUndefined();
    // At 24 hours: w5's of 29 June falls due on the day unanswered (21 counted); in time are w5's at 2, 24
    // and 10 hours, w6's at 5, w2's at 1, b3's at 3 and 12, b4's at 6 and 20: 9 of 21.
    const day = await tileBuilders['carer-concerns'](store.db, BOARD_AS_OF, { carerResponseHours: 24 });
    expect([day.units.filter((u) => u.counted).length, day.units.length]).toEqual([9, 21]);
    expect(day.responseTimes).toEqual({ standardHours: 24, answered: 17, medianHours: 24 });
  });

  it('gives caseloads per team and per key worker, by name', () => {
    expect(tile('caseload').caseloads).toEqual({
      teams: [
        { teamId: 'team-north', team: 'North CMHT', people: 15 },
        { teamId: 'team-south', team: 'South CMHT', people: 8 },
      ],
      keyWorkers: [
        { practitionerId: 'kw-1', name: 'Grace Okafor', teamId: 'team-north', team: 'North CMHT', people: 6 },
        { practitionerId: 'kw-2', name: 'Sam Patel', teamId: 'team-south', team: 'South CMHT', people: 8 },
      ],
    });
  });

  it('gives the trend at each of the last 12 month ends', () => {
    expect(tile('mha-use').trend!.map((p) => p.asOf)).toEqual(['2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    expect(point('mha-use', '2026-05-31')).toMatchObject({ numerator: 1, denominator: 36 });
    expect(point('mha-use', '2026-04-30')).toMatchObject({ numerator: 1, denominator: 37 });
    expect(point('discharge-breaches', '2026-02-28')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(point('discharge-breaches', '2026-01-31')).toMatchObject({ numerator: 1, denominator: 1 });
    // w17, w18 and w19 were held until their discharges; w4's PHQ-9 of May 2025 was within the year.
    expect(point('caseload', '2026-01-31')).toMatchObject({ numerator: 26, denominator: 37 });
    expect(point('outcome-measures', '2026-03-31')).toMatchObject({ numerator: 4, denominator: 23 });
    expect(point('waiting-times', '2026-05-31')).toMatchObject({ numerator: 4, denominator: 5 });
    expect(point('waiting-times', '2026-04-30')).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    expect(point('carer-concerns', '2026-05-31')).toMatchObject({ numerator: 11, denominator: 18 });
    expect(point('carer-concerns', '2026-04-30')).toMatchObject({ numerator: 0, denominator: 1 });
    // Before anyone's contact on 20 June, everyone held since January was on the disengaged list, and nobody listed 28 days before was seen.
    expect(point('disengaged', '2026-05-31')).toMatchObject({ numerator: 23, denominator: 23 });
    expect(point('contact-re-established', '2026-05-31')).toMatchObject({ numerator: 0, denominator: 23 });
    expect(point('intensive-care', '2026-01-31')).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it('builds a trend read once for all the days exactly as it builds each day alone', async () => {
    const days = ['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-05-31', BOARD_AS_OF];
    for (const key of ['waiting-times', 'caseload', 'outcome-measures', 'carer-concerns', 'discharge-breaches'] as const) {
      const together = await buildTileOnDays(store.db, key, days);
      for (const [i, day] of days.entries()) expect(together[i], `${key} ${day}`).toEqual(await tileBuilders[key](store.db, day));
    }
    // Before anyone's contact on 20 June, everyone held since January was without one.
    const may = (await tileBuilders.disengaged(store.db, '2026-05-31')).units;
    expect([may.filter((u) => u.counted).length, may.length]).toEqual([23, 23]);
  });

  it('breaks the caseload down by ethnicity and sex with rate ratios, 95% intervals and completeness', () => {
    const ethnicity = tile('caseload').breakdowns.find((b) => b.characteristic === 'ethnicity')!;
    expect(ethnicity.reference).toBe('White');
    expect(ethnicity.rows[0]).toEqual({ group: 'White', denominator: 20, numerator: 10, rate: 0.5, rateRatio: null, reference: true });
    // 8/10 against 10/20: RR 1.6, SE √(1/8 − 1/10 + 1/10 − 1/20) = 0.27386, 95% CI 0.935 to 2.737.
    const black = ethnicity.rows[1]!;
    expect(black).toMatchObject({ group: 'Black or Black British', denominator: 10, numerator: 8, rate: 0.8 });
    expect(black.rateRatio!.ratio).toBeCloseTo(1.6, 10);
    expect(black.rateRatio!.lower).toBeCloseTo(0.935, 3);
    expect(black.rateRatio!.upper).toBeCloseTo(2.737, 3);
    expect(ethnicity.completeness).toEqual({ recorded: 30, of: 36, share: 0.833 });
    // Women 10/10 against men 8/20 (the largest group): RR 2.5, 95% CI 1.462 to 4.276.
    const female = tile('caseload').breakdowns.find((b) => b.characteristic === 'sex')!.rows.find((r) => r.group === 'Female')!;
    expect(female.rateRatio!.ratio).toBeCloseTo(2.5, 10);
    expect(female.rateRatio!.lower).toBeCloseTo(1.462, 3);
    expect(female.rateRatio!.upper).toBeCloseTo(4.276, 3);
  });

  it('breaks carers’ concerns down by ethnicity with a rate ratio and its 95% interval', () => {
    const ethnicity = tile('carer-concerns').breakdowns.find((b) => b.characteristic === 'ethnicity')!;
    expect(ethnicity.rows[0]).toEqual({ group: 'White', denominator: 10, numerator: 8, rate: 0.8, rateRatio: null, reference: true });
    // 5/10 against 8/10: RR 0.625, SE √(1/5 − 1/10 + 1/8 − 1/10) = 0.35355, 95% CI 0.313 to 1.250.
    const black = ethnicity.rows[1]!;
    expect(black).toMatchObject({ group: 'Black or Black British', denominator: 10, numerator: 5, rate: 0.5 });
    expect(black.rateRatio!.ratio).toBeCloseTo(0.625, 10);
    expect(black.rateRatio!.lower).toBeCloseTo(0.313, 3);
    expect(black.rateRatio!.upper).toBeCloseTo(1.25, 3);
    expect(ethnicity.completeness).toEqual({ recorded: 20, of: 20, share: 1 });
  });

  it('withholds small numbers in a breakdown, with a second where the first could be worked out', () => {
    // Disengaged by ethnicity: White 2 of 10, Black 1 of 8, not recorded 0 of 5: both withheld, and no ratio.
    const ethnicity = tile('disengaged').breakdowns.find((b) => b.characteristic === 'ethnicity')!;
    expect(ethnicity.rows.map((r) => [r.group, r.denominator, r.numerator, r.rate, r.rateRatio])).toEqual([
      ['White', 10, null, null, null],
      ['Black or Black British', 8, null, null, null],
    ]);
    expect(ethnicity.notRecorded).toEqual({ denominator: 5, numerator: 0, rate: 0 });
    // MHA use: White 2 of 20, Black 1 of 10; denominators 20, 10 and 6 all shown.
    const mha = tile('mha-use').breakdowns.find((b) => b.characteristic === 'ethnicity')!;
    expect(mha.rows.map((r) => r.numerator)).toEqual([null, null]);
    // The intensive and assertive cohort: White 1 of 2, both withheld.
    const cohort = tile('intensive-care').breakdowns.find((b) => b.characteristic === 'ethnicity')!;
    expect(cohort.rows.map((r) => [r.group, r.denominator, r.numerator, r.rate, r.rateRatio])).toEqual([['White', null, null, null, null]]);
  });

  it('says deprivation is not available rather than inventing it', () => {
    const deprivation = tile('caseload').breakdowns.find((b) => b.characteristic === 'deprivation')!;
    expect(deprivation.unavailable).toMatch(/not available/i);
    expect(deprivation.rows).toEqual([]);
  });

  it('agrees with the reports and worklists the tiles are made from', async () => {
    const waits = await waitingTimes(store.db, { from: '2026-04-01', to: BOARD_AS_OF });
    expect([tile('waiting-times').figure.numerator, tile('waiting-times').figure.denominator]).toEqual([waits.overall.seenWithinStandard, waits.overall.seen]);
    const physical = await physicalHealthReport(store.db, { asOf: BOARD_AS_OF });
    expect([tile('physical-health-check').figure.numerator, tile('physical-health-check').figure.denominator]).toEqual([physical.total.complete, physical.total.eligible]);
    const mha = await mhaUse(store.db, { asOf: BOARD_AS_OF });
    expect(tile('mha-use').figure.denominator).toBe(mha.total.people);
    const audit = await dischargeAudit(store.db, { from: '2025-07-01', to: BOARD_AS_OF });
    expect(tile('discharge-breaches').figure.numerator).toBe(audit.items.length);
    expect(tile('disengaged').figure.numerator).toBe((await disengagedWorklist(store.db, { asOf: BOARD_AS_OF })).list.items.length);
    const monitoring = await monitoringOverdueWorklist(store.db, { asOf: BOARD_AS_OF });
    expect([tile('monitoring').figure.numerator, tile('monitoring').figure.denominator]).toEqual([monitoring.list.items.length, monitoring.evaluated]);
    const north = (await teamOutcomes(store.db, 'team-north', BOARD_AS_OF)).report;
    const south = (await teamOutcomes(store.db, 'team-south', BOARD_AS_OF)).report;
    expect(tile('outcome-measures').figure.numerator).toBe(north.completion.people + south.completion.people);
    const phq = (r: typeof north) => r.instruments.find((i) => i.instrument === 'phq-9')!.scores[0]!;
    const review = await intensiveReviewWorklist(store.db, { asOf: BOARD_AS_OF });
    expect(tile('intensive-care').figure.denominator - tile('intensive-care').figure.numerator).toBe(review.list.items.length);
    // Everyone the carer-concerns worklist holds overdue is among those the tile finds unanswered beyond the standard.
    const overdue = (await carerConcernsWorklist(store.db, { asOf: BOARD_AS_OF, now: new Date('2026-07-01T00:00:00+01:00') })).list.items.map((i) => i.patient.id);
    expect(overdue).toEqual(expect.arrayContaining(['b3', 'b4', 'w6']));
    const late = (await boardPeople(store.db, 'carer-concerns', { asOf: BOARD_AS_OF }))!.people.map((p) => p.personId);
    for (const person of overdue.filter((p) => p !== 'w5')) expect(late).toContain(person);
    expect([tile('outcome-change').figure.numerator, tile('outcome-change').figure.denominator]).toEqual([phq(north).reliablyImproved! + phq(south).reliablyImproved!, phq(north).paired + phq(south).paired]);
  });

  it('lists the people behind a tile, kept to a team when asked', async () => {
    const disengaged = await boardPeople(store.db, 'disengaged', { asOf: BOARD_AS_OF });
    expect(disengaged!.people.map((p) => p.personId)).toEqual(['b8', 'w8', 'w9']);
    const north = await boardPeople(store.db, 'disengaged', { asOf: BOARD_AS_OF, teams: ['team-north'] });
    expect(north!.people.map((p) => [p.personId, p.name, p.teamIds])).toEqual([['w8', 'W8 Person', ['team-north']], ['w9', 'W9 Person', ['team-north']]]);
    // On 2 June all 23 held were listed; all but w8, w9 and b8 were seen on 20 June.
    expect((await boardPeople(store.db, 'contact-re-established', { asOf: BOARD_AS_OF }))!.people.map((p) => p.personId)).toEqual(['b8', 'w8', 'w9']);
    expect((await boardPeople(store.db, 'waiting-times', { asOf: BOARD_AS_OF }))!.people.map((p) => p.personId)).toEqual(['w15']);
    expect((await boardPeople(store.db, 'physical-health-check', { asOf: BOARD_AS_OF }))!.people.map((p) => p.personId)).toEqual(['w2']);
    expect(await boardPeople(store.db, 'mha-use', { asOf: BOARD_AS_OF })).toBeUndefined();
    // w2 meets the intensive-review rule and is not in intensive care; w1 is in it.
    expect((await boardPeople(store.db, 'intensive-care', { asOf: BOARD_AS_OF }))!.people.map((p) => [p.personId, p.teamIds])).toEqual([['w2', ['team-north']]]);
    // w5 was answered late once, w6 not at all; b3 and b4 are South's.
    expect((await boardPeople(store.db, 'carer-concerns', { asOf: BOARD_AS_OF }))!.people.map((p) => [p.personId, p.units])).toEqual([['b3', 3], ['b4', 2], ['w5', 1], ['w6', 1]]);
    expect((await boardPeople(store.db, 'carer-concerns', { asOf: BOARD_AS_OF, teams: ['team-north'] }))!.people.map((p) => p.personId)).toEqual(['w5', 'w6']);
  });
});
