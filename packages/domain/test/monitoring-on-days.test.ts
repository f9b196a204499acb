import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateMonitoring,
  evaluateMonitoringOnDays,
  checkStandingsOnDays,
  eligibleChecksOnDays,
  evaluatePhysicalHealth,
  monitoredResults,
  monitoringOverdueOnDays,
  physicalHealthResults,
  system,
  type MonitoringFacts,
  type PhysicalHealthFacts,
} from '../src/index.ts';

// A board trend judges a person on twelve days from one read, each day's facts sharing the records
// the days have in common: judged together, each day must be judged exactly as that day alone.

const day = fc.integer({ min: -800, max: 60 }).map((offset) => new Date(Date.UTC(2026, 5, 30 + offset)).toISOString().slice(0, 10));
const instant = fc.tuple(day, fc.integer({ min: 0, max: 47 })).map(([d, half]) => `${d}T${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}:00Z`);
// Dates as records carry them: a day, an instant, a partial date, nothing, or something unreadable.
const at = fc.oneof(day, day, instant, instant, fc.constantFrom(null, undefined, '2026-03', 'not a date'));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const known = [...Object.values(monitoredResults), ...Object.values(physicalHealthResults)].flatMap((kind) => kind.codes.map((c) => ({ system: c.system, code: c.code })));
const coding = fc.oneof(fc.constantFrom(...known), fc.constant({ system: system.loinc, code: '0000-0' }));
const resultPool = fc.array(
  fc.record({ status: fc.constantFrom('final', 'amended', 'preliminary', 'entered-in-error'), at, codes: fc.array(coding, { minLength: 1, maxLength: 2 }), value: opt(fc.constantFrom('31 kg/m2', null)) }),
  { maxLength: 14 },
).map((rs) => rs.map((r, i) => ({ id: `obs-${i % 5}-${i}`, ...r })));
const episodes = fc
  .array(fc.record({ status: fc.constantFrom('active', 'onhold', 'finished', 'waitlist'), start: opt(day), end: opt(day), teamId: fc.constantFrom('team-a', 'team-b', null) }), { maxLength: 3 })
  .map((es) => es.map((e, i) => ({ id: `ep-${i}`, ...e })));

/** Each day's facts: records picked from one pool, so days share the very same record objects. */
const onDays = <R, F>(pool: fc.Arbitrary<R[]>, make: (records: R[]) => F) =>
  fc.tuple(pool, fc.array(fc.tuple(day, fc.array(fc.boolean(), { minLength: 14, maxLength: 14 })), { minLength: 1, maxLength: 6 })).map(([records, days]) => ({
    asOfs: days.map(([d]) => d),
    factsOnDays: days.map(([, picked]) => make(records.filter((_, i) => picked[i]))),
  }));

describe('judging many days at once (a board trend)', () => {
  it('finds what monitoring is overdue on each day, and whether anything is, exactly as that day alone', () => {
    const prescriptions = fc
      .array(
        fc.record({
          status: fc.constantFrom('active', 'on-hold', 'stopped'),
          authoredOn: fc.oneof(day, instant, fc.constant(null)),
          medicine: fc.constantFrom('Lithium carbonate', 'Clozapine', 'Olanzapine', 'Sodium valproate', 'Sertraline'),
          codes: fc.array(fc.constantFrom({ system: system.atc, code: 'N05AN01' }, { system: system.atc, code: 'N05AH02' }, { system: system.atc, code: 'N03AG01' }, { system: system.snomed, code: '386849001' }), { maxLength: 1 }),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((ps) => ps.map((p, i) => ({ id: `rx-${i}`, ...p })));
    const reviews = fc.array(fc.record({ status: fc.constantFrom('finished', 'cancelled'), at }), { maxLength: 4 }).map((rs) => rs.map((r, i) => ({ id: `rev-${i}`, ...r })));
    const person = fc.record({ prescriptions, reviews, episodes, gender: fc.constantFrom('female', 'male', null), birthDate: fc.constantFrom('1990-03-03', '1950-01-01', '1990', null), deceasedAt: opt(day) });
    const trend = fc.tuple(person, onDays(resultPool, (results) => results)).map(([p, { asOfs, factsOnDays }]) => ({
      asOfs,
      // Mostly the same prescriptions on every day, as the store gives them; each day holds its own latest results and reviews.
      factsOnDays: factsOnDays.map((results, i): MonitoringFacts => ({
        personId: 'p',
        ...p,
        prescriptions: i % 3 === 2 ? p.prescriptions.slice(1) : p.prescriptions,
        reviews: p.reviews.filter((_, r) => (r + i) % 2 === 0 || i === 0),
        results,
      })),
    }));
    const overdue = { some: 0, none: 0 };
    fc.assert(
      fc.property(trend, ({ asOfs, factsOnDays }) => {
        const alone = factsOnDays.map((f, i) => evaluateMonitoring(f, asOfs[i]!));
        expect(evaluateMonitoringOnDays(factsOnDays, asOfs)).toStrictEqual(alone);
        expect(monitoringOverdueOnDays(factsOnDays, asOfs)).toStrictEqual(alone.map((finding) => finding.reasons.length > 0));
        for (const finding of alone) overdue[finding.reasons.length > 0 ? 'some' : 'none']++;
      }),
      { numRuns: 400 },
    );
    // The property means something only if some days have something overdue and some do not.
    expect(overdue.some).toBeGreaterThan(100);
    expect(overdue.none).toBeGreaterThan(100);
  });

  it('finds the annual physical health check, and where it stands, on each day it is asked, exactly as that day alone', () => {
    const diagnoses = fc
      .array(
        fc.record({
          codings: fc.array(fc.constantFrom({ system: system.snomed, code: '58214004' }, { system: system.icd10, code: 'F31.1' }, { system: system.snomed, code: '76441001' }), { minLength: 1, maxLength: 2 }),
          verification: opt(fc.constantFrom('confirmed', 'refuted')),
        }),
        { minLength: 1, maxLength: 2 },
      )
      .map((ds) => ds.map((d, i) => ({ id: `dx-${i}`, ...d })));
    const invitations = fc
      .array(fc.record({ status: fc.constantFrom('completed', 'in-progress', 'not-done'), sent: at, method: opt(fc.constantFrom('letter', 'phone')) }), { maxLength: 4 })
      .map((is) => is.map((inv, i) => ({ id: `inv-${i}`, ...inv })));
    // Mostly held, mostly on the register: the check is then asked on some days and not on others.
    const held = fc.tuple(fc.record({ status: fc.constantFrom('active', 'finished'), start: day, end: opt(day), teamId: fc.constantFrom('team-a', 'team-b') }), episodes).map(([e, more]) => [{ id: 'ep-held', ...e }, ...more]);
    const person = fc.record({ diagnoses, episodes: held, invitations, deceasedAt: opt(day) });
    const trend = fc.tuple(person, onDays(resultPool, (results) => results)).map(([p, { asOfs, factsOnDays }]) => ({
      asOfs,
      // Mostly one list of diagnoses for every day, as the store gives them; each day holds the records before its end.
      factsOnDays: factsOnDays.map((results, i): PhysicalHealthFacts => ({
        personId: 'p',
        ...p,
        diagnoses: i % 3 === 2 ? p.diagnoses.slice(1) : p.diagnoses,
        invitations: p.invitations.slice(0, p.invitations.length - i),
        results,
      })),
    }));
    const judged = { asked: 0, notAsked: 0 };
    fc.assert(
      fc.property(trend, ({ asOfs, factsOnDays }) => {
        const alone = factsOnDays.map((f, i) => evaluatePhysicalHealth(f, asOfs[i]!));
        expect(eligibleChecksOnDays(factsOnDays, asOfs)).toStrictEqual(alone.map((check) => (check.eligible ? check : undefined)));
        expect(checkStandingsOnDays(factsOnDays, asOfs)).toStrictEqual(
          alone.map((check) => (check.eligible ? { teamIds: check.eligible.teamIds, completion: check.completion, overdue: check.reason !== undefined } : undefined)),
        );
        for (const check of alone) judged[check.eligible ? 'asked' : 'notAsked']++;
      }),
      { numRuns: 400 },
    );
    // The property means something only if the check is asked on some days and not on others.
    expect(judged.asked).toBeGreaterThan(100);
    expect(judged.notAsked).toBeGreaterThan(100);
  });
});
