import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePairs, scorePairsAsOf, scoreSeries, type DatedMeasure } from '@continuity/store';

const people = ['amir', 'bea', 'cal', 'dev'];

// Measures oldest first, as measuresOf and scoresOf give them; some without the score (not scored), some on the same day.
const measures = fc
  .array(fc.record({ person: fc.constantFrom(...people), day: fc.integer({ min: 0, max: 30 }), total: fc.option(fc.integer({ min: 0, max: 27 }), { nil: undefined }), other: fc.option(fc.integer({ min: 0, max: 21 }), { nil: undefined }) }), { maxLength: 25 })
  .map((drawn) =>
    drawn
      .map((m, i) => ({ personId: m.person, day: m.day, id: `qr-${String(i).padStart(2, '0')}`, scores: [...(m.other === undefined ? [] : [{ key: 'other', value: m.other }]), ...(m.total === undefined ? [] : [{ key: 'total', value: m.total }])] }))
      .sort((a, b) => a.day - b.day || a.id.localeCompare(b.id)),
  );

describe('score series', () => {
  it('pair, as of any day and for any people held, exactly as scorePairs over the measures on or before the day of those people', () => {
    fc.assert(
      fc.property(measures, fc.constantFrom('total', 'other'), fc.integer({ min: -1, max: 31 }), fc.subarray(people), (all, key, day, held) => {
        const single = scorePairs({ key }, all.filter((m) => m.day <= day && held.includes(m.personId)) as unknown as DatedMeasure[]);
        expect(scorePairsAsOf(scoreSeries(key, all), day, (personId) => held.includes(personId))).toEqual(single);
      }),
      { numRuns: 3000 },
    );
  });

  it('take the latest score on or before the day, not the latest of all', () => {
    const series = scoreSeries('total', [
      { personId: 'amir', day: 1, scores: [{ key: 'total', value: 20 }] },
      { personId: 'amir', day: 5, scores: [{ key: 'total', value: 12 }] },
      { personId: 'amir', day: 9, scores: [{ key: 'total', value: 4 }] },
    ]);
    expect(scorePairsAsOf(series, 4, () => true)).toEqual([]);
    expect(scorePairsAsOf(series, 6, () => true)).toEqual([{ personId: 'amir', first: 20, latest: 12 }]);
    expect(scorePairsAsOf(series, 9, () => true)).toEqual([{ personId: 'amir', first: 20, latest: 4 }]);
  });
});
