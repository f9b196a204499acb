import { describe, expect, it } from 'vitest';
import { earliestListingDay, isoDay, londonDay, newestEventDay } from '../src/index.ts';
import { appointment, contact, person } from './engagement-support.ts';

const day = (iso: string) => londonDay(iso)!;
const earliest = (f: Parameters<typeof earliestListingDay>[0], from: string) => {
  const d = earliestListingDay(f, day(from));
  return d === null ? null : isoDay(d);
};

describe('earliest listing day', () => {
  it('is the day after the contact interval runs out: day 29 after a contact in core care', () => {
    const f = person({ encounters: [contact('c1', '2026-06-01T10:00:00Z')] });
    expect(newestEventDay(f)).toBe(day('2026-06-01'));
    expect(earliest(f, '2026-06-01')).toBe('2026-06-30');
  });

  it('counts from the shortest interval a care plan could set', () => {
    const f = person({
      encounters: [contact('c1', '2026-06-01T10:00:00Z')],
      carePlans: [{ id: 'plan1', status: 'active', start: '2026-07-01', contactFrequency: { value: 3, unit: 'd' } }],
    });
    expect(earliest(f, '2026-06-01')).toBe('2026-06-05');
  });

  it('is the first day when the person is already listed (two missed appointments)', () => {
    const f = person({ appointments: [appointment('a1', 'noshow', '2026-06-01T10:00:00Z'), appointment('a2', 'noshow', '2026-06-08T10:00:00Z')], encounters: [contact('c1', '2026-05-20T10:00:00Z')] });
    expect(earliest(f, '2026-06-08')).toBe('2026-06-08');
  });

  it('a long-acting injection is listed the day after its grace period ends', () => {
    const f = person({
      episodes: [],
      medicationRequests: [{ id: 'm1', status: 'active', authoredOn: '2026-01-01', medicine: 'Paliperidone', atc: 'N05AX13', injection: true, interval: { value: 28, unit: 'd' } }],
      administrations: [{ id: 'd1', status: 'completed', at: '2026-06-01T10:00:00Z', requestId: 'm1' }],
    });
    // Due 29 June; more than 7 days overdue from 7 July.
    expect(earliest(f, '2026-06-01')).toBe('2026-07-07');
  });

  it('is never for someone with nothing that could fall due', () => {
    const f = person({ episodes: [{ id: 'e1', status: 'finished', start: '2025-01-01', end: '2025-06-01' }], encounters: [contact('c1', '2026-06-01T10:00:00Z')] });
    expect(earliest(f, '2026-06-01')).toBeNull();
  });

  it('never comes before the day asked from', () => {
    const f = person({ encounters: [contact('c1', '2026-01-05T10:00:00Z')] });
    expect(earliest(f, '2026-01-20')).toBe('2026-02-03');
    expect(earliest(f, '2026-03-01')).toBe('2026-03-01');
  });
});

describe('earliest listing day for someone discharged', () => {
  it('is never once the only episode ends before contact falls due', () => {
    const f = person({ episodes: [{ id: 'e1', status: 'finished', start: '2026-01-01', end: '2026-06-12', intensity: 'standard' }], encounters: [contact('c1', '2026-06-07T10:00:00Z')] });
    expect(earliest(f, '2026-06-07')).toBeNull();
  });

  it('is the due day when the episode is still held on it, and never when it ends that day', () => {
    // Seen 7 June in core care: due again by 5 July, listed from 6 July, if still held then.
    const endingOn = (end: string) => person({ episodes: [{ id: 'e1', status: 'finished', start: '2026-01-01', end, intensity: 'standard' }], encounters: [contact('c1', '2026-06-07T10:00:00Z')] });
    expect(earliest(endingOn('2026-07-07'), '2026-06-07')).toBe('2026-07-06');
    expect(earliest(endingOn('2026-07-06'), '2026-06-07')).toBeNull();
  });
});
