import { describe, expect, it } from 'vitest';
import { dateRange, readSearch } from '../src/fhir/search-parameters.ts';

describe('FHIR search parameters', () => {
  it('reads a date as its whole span in England, and each prefix as the right side of it', () => {
    // 1 June is in summer time: the day begins at 23:00 UTC the evening before.
    expect(dateRange('date', '2026-06-01')).toEqual({ from: '2026-05-31T23:00:00.000Z', to: '2026-06-01T23:00:00.000Z' });
    expect(dateRange('date', 'ge2026-06-01')).toEqual({ from: '2026-05-31T23:00:00.000Z' });
    expect(dateRange('date', 'gt2026-06-01')).toEqual({ from: '2026-06-01T23:00:00.000Z' });
    expect(dateRange('date', 'le2026-06-01')).toEqual({ to: '2026-06-01T23:00:00.000Z' });
    expect(dateRange('date', 'lt2026-06-01')).toEqual({ to: '2026-05-31T23:00:00.000Z' });
    expect(dateRange('date', '2026-01')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' });
    expect(dateRange('date', '2026-12')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(dateRange('date', '2026')).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(dateRange('date', 'ge2026-06-01T10:00:00+01:00')).toEqual({ from: '2026-06-01T09:00:00.000Z' });
  });

  it('refuses dates that are not real, and times without a zone', () => {
    for (const bad of ['2026-02-30', '2026-13', 'ne2026-01-01', '2026-06-01T10:00', 'yesterday', 'ge', '0000', '0001-01-01', '0000-01-01T00:00:00Z']) expect(() => dateRange('date', bad), bad).toThrow(/date/);
    // The last day the database can hold has no end it can hold: the range is open.
    expect(dateRange('date', '9999-12-31')).toEqual({ from: '9999-12-31T00:00:00.000Z' });
    expect(dateRange('date', 'le9999')).toEqual({});
  });

  it('refuses parameters a type does not take, naming them', () => {
    expect(() => readSearch('Patient', { date: '2026' })).toThrow(/date is not a search parameter of Patient/);
    expect(() => readSearch('Organization', { patient: 'ada' })).toThrow(/patient is not a search parameter/);
    expect(() => readSearch('Encounter', { _include: 'Encounter:nothing' })).toThrow(/_include/);
    expect(() => readSearch('Encounter', { _count: '0' })).toThrow(/_count/);
    expect(readSearch('Encounter', { _count: '5000', subject: 'Patient/ada' })).toMatchObject({ count: 100, person: 'ada' });
    expect(() => readSearch('Encounter', { patient: 'ada', subject: 'ben' })).toThrow(/two different people/);
    expect(() => readSearch('Encounter', { status: 'finished\u0000' })).toThrow(/control character/);
    expect(() => readSearch('Encounter', { _id: ['a', '\n'] })).toThrow(/control character/);
  });
});
