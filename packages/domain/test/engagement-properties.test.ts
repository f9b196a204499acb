import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earliestListingDay, evaluateEngagement, evaluateEngagementOnDays, isoDay, londonDay, newestEventDay, type EngagementFacts } from '../src/index.ts';

const AS_OF = '2026-06-30';
const day = fc.integer({ min: -400, max: 60 }).map((offset) => new Date(Date.UTC(2026, 5, 30 + offset)).toISOString().slice(0, 10));
const instant = fc.tuple(day, fc.integer({ min: 0, max: 47 })).map(([d, half]) => `${d}T${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}:00Z`);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const facts: fc.Arbitrary<EngagementFacts> = fc
  .record({
    deceasedAt: opt(day),
    episodes: fc.array(fc.record({ status: fc.constantFrom('active', 'onhold', 'finished', 'waitlist'), start: opt(day), end: opt(day), intensity: opt(fc.constantFrom('standard', 'intensive', 'assertive')) }), { maxLength: 3 }),
    carePlans: fc.array(fc.record({ status: fc.constantFrom('active', 'completed'), start: opt(day), end: opt(day), contactFrequency: opt(fc.record({ value: fc.integer({ min: 1, max: 60 }), unit: fc.constantFrom('d', 'wk') })) }), { maxLength: 2 }),
    appointments: fc.array(fc.record({ status: fc.constantFrom('fulfilled', 'noshow', 'cancelled', 'booked'), start: instant }), { maxLength: 12 }),
    encounters: fc.array(fc.record({ status: fc.constantFrom('finished', 'in-progress'), start: instant, end: opt(instant), inpatient: fc.boolean(), appointment: fc.nat(12) }), { maxLength: 8 }),
    requests: fc.array(fc.record({ status: fc.constantFrom('active', 'stopped'), authoredOn: day, injection: fc.boolean(), every: opt(fc.constantFrom(14, 28)) }), { maxLength: 2 }),
    statements: fc.array(fc.record({ status: fc.constantFrom('stopped', 'active'), against: fc.boolean(), request: fc.nat(2), day }), { maxLength: 3 }),
    doses: fc.array(fc.record({ status: fc.constantFrom('completed', 'not-done'), at: instant, request: fc.nat(2) }), { maxLength: 8 }),
  })
  .map((g) => ({
    personId: 'p1',
    deceasedAt: g.deceasedAt,
    episodes: g.episodes.map((e, i) => ({ id: `e${i}`, ...e })),
    carePlans: g.carePlans.map((c, i) => ({ id: `plan${i}`, ...c })),
    appointments: g.appointments.map((a, i) => ({ id: `a${i}`, ...a })),
    encounters: g.encounters.map(({ appointment, ...e }, i) => ({ id: `c${i}`, ...e, appointmentIds: [`a${appointment}`] })),
    medicationRequests: g.requests.map((r, i) => ({ id: `m${i}`, status: r.status, authoredOn: r.authoredOn, medicine: `Medicine ${i}`, atc: 'N05AX13', injection: r.injection, interval: r.every ? { value: r.every, unit: 'd' } : null })),
    medicationStatements: g.statements.map((s, i) => ({ id: `s${i}`, status: s.status, reasonCodes: s.against ? ['stopped-against-advice'] : [], requestId: `m${s.request}`, medicine: `Medicine ${s.request}`, stopped: s.day, asserted: s.day })),
    administrations: g.doses.map((d, i) => ({ id: `d${i}`, status: d.status, at: d.at, requestId: `m${d.request}` })),
  }));

const recordIds = (f: EngagementFacts) =>
  new Set([
    ...f.episodes.map((r) => `EpisodeOfCare/${r.id}`),
    ...f.carePlans.map((r) => `CarePlan/${r.id}`),
    ...f.appointments.map((r) => `Appointment/${r.id}`),
    ...f.encounters.map((r) => `Encounter/${r.id}`),
    ...f.medicationRequests.map((r) => `MedicationRequest/${r.id}`),
    ...f.medicationStatements.map((r) => `MedicationStatement/${r.id}`),
    ...f.administrations.map((r) => `MedicationAdministration/${r.id}`),
  ]);

/** The same records in another order: a Fisher-Yates shuffle driven by a seed. */
function shuffled(f: EngagementFacts, seed: number): EngagementFacts {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  const shuffle = <T>(list: T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return {
    ...f,
    episodes: shuffle(f.episodes),
    carePlans: shuffle(f.carePlans),
    appointments: shuffle(f.appointments),
    encounters: shuffle(f.encounters),
    medicationRequests: shuffle(f.medicationRequests),
    medicationStatements: shuffle(f.medicationStatements),
    administrations: shuffle(f.administrations),
  };
}

describe('engagement rules, for any records', () => {
  it('every reason has a known code, a sentence, and evidence naming records that exist', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const ids = recordIds(f);
        const { reasons } = evaluateEngagement(f, AS_OF);
        expect(new Set(reasons.map((r) => r.code)).size).toBe(reasons.length);
        for (const reason of reasons) {
          expect(['no-contact-within-interval', 'consecutive-dna', 'lai-missed', 'medication-stopped-against-advice']).toContain(reason.code);
          expect(reason.text).toMatch(/^[A-Z].*\.$/);
          expect(reason.evidence.length).toBeGreaterThan(0);
          for (const reference of reason.evidence) expect(ids).toContain(reference);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order records arrive in', () => {
    fc.assert(
      fc.property(facts, fc.integer(), (f, seed) => {
        expect(evaluateEngagement(shuffled(f, seed), AS_OF)).toEqual(evaluateEngagement(f, AS_OF));
      }),
      { numRuns: 500 },
    );
  });

  it('as of an earlier day, records after it change nothing', () => {
    // Evaluating as of 31 May sees only what existed by then: drop everything later and compare.
    const cut = '2026-05-31';
    const before = (d: string | null | undefined) => !d || d.slice(0, 10) <= cut;
    fc.assert(
      fc.property(facts, (f) => {
        const pruned: EngagementFacts = {
          ...f,
          appointments: f.appointments.filter((a) => before(a.start)),
          encounters: f.encounters.filter((e) => before(e.start)),
          medicationStatements: f.medicationStatements.filter((s) => before(s.asserted)),
          administrations: f.administrations.filter((a) => before(a.at)),
        };
        // Dates here are whole UTC hours; in summer a late-evening UTC time is the next day in England, so compare on winter-safe data only.
        const summerLate = [...f.appointments.map((a) => a.start), ...f.encounters.map((e) => e.start), ...f.administrations.map((a) => a.at)].some((d) => d?.startsWith(cut) && d.slice(11, 13) === '23');
        fc.pre(!summerLate);
        expect(evaluateEngagement(pruned, cut)).toEqual(evaluateEngagement(f, cut));
      }),
      { numRuns: 500 },
    );
  });

  it('nobody is listed before the earliest listing day, on any day after their last event', () => {
    // The worklist skips people whose earliest listing day is still ahead: that is only safe if no day before it lists them.
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 30 }), (f, lead) => {
        const from = (newestEventDay(f) ?? londonDay(AS_OF)!) + lead;
        const earliest = earliestListingDay(f, from);
        for (let day = from; day < from + 150; day += 1) {
          if (evaluateEngagement(f, isoDay(day)).reasons.length === 0) continue;
          expect(earliest).not.toBeNull();
          expect(earliest!).toBeLessThanOrEqual(day);
          break;
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('someone listed on the first day has that day as their earliest', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const from = newestEventDay(f) ?? londonDay(AS_OF)!;
        fc.pre(evaluateEngagement(f, isoDay(from)).reasons.length > 0);
        expect(earliestListingDay(f, from)).toBe(from);
      }),
      { numRuns: 200 },
    );
  });
});

describe('engagement judged on many days at once', () => {
  // Days in order over 14 months either side of the records, each with one of a few people's facts,
  // held for runs of days as a trend's read gives the same facts while nothing new is recorded.
  const daysInOrder = fc.uniqueArray(fc.integer({ min: -420, max: 420 }), { minLength: 1, maxLength: 24 }).map((offsets) => offsets.sort((a, b) => a - b).map((o) => isoDay(londonDay(AS_OF)! + o)));
  const trend = fc.tuple(fc.array(facts, { minLength: 1, maxLength: 3 }), daysInOrder, fc.array(fc.nat(2), { minLength: 24, maxLength: 24 })).map(([people, days, pick]) => {
    // Each day keeps the previous day's facts or takes one of the others: runs of the very same object.
    const factsOn: EngagementFacts[] = [];
    for (const [i] of days.entries()) factsOn.push(i > 0 && pick[i]! > 0 ? factsOn[i - 1]! : people[pick[(i + 1) % 24]! % people.length]!);
    return { factsOn, days };
  });

  it('finds on each day exactly what evaluateEngagement finds on that day', () => {
    fc.assert(
      fc.property(trend, ({ factsOn, days }) => {
        const together = evaluateEngagementOnDays(factsOn, days);
        for (const [i, day] of days.entries()) {
          const alone = evaluateEngagement(factsOn[i]!, day);
          expect(together[i], day).toEqual(alone.reasons.length > 0 ? alone : null);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses days out of order', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(() => evaluateEngagementOnDays([f, f], ['2026-06-30', '2026-05-31'])).toThrow(/in order/);
      }),
      { numRuns: 5 },
    );
  });
});
