import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endCarerInvolvement, isActiveMainCarer, moveMainCarer, readCarer, recordCarer, type AnyResource } from '@continuity/domain';

const carer = (id: string, mainCarer: boolean, active = true): AnyResource => {
  const made = recordCarer({ id, personId: 'p1', relationship: 'MTH', familyName: 'Adams', involvement: 'involved', sharing: 'full', mainCarer }, new Date('2026-01-10T12:00:00Z'));
  if (!made.ok) throw new Error('test carer refused');
  return active ? made.resource : { ...made.resource, active: false };
};

describe('one main carer', () => {
  it('leaves exactly one active main carer after any move, whoever held the mark before', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ main: fc.boolean(), active: fc.boolean() }), { minLength: 1, maxLength: 6 }), fc.nat(), (shapes, pick) => {
        const carers = shapes.map((s, i) => carer(`c${i}`, s.main, s.active));
        const target = carers[pick % carers.length]!;
        const moved = moveMainCarer(target, carers);
        if (target.active === false) {
          expect('problem' in moved).toBe(true);
          return;
        }
        if ('problem' in moved) throw new Error(moved.problem);
        const after = carers.map((c) => (c.id === target.id ? moved.carer : (moved.noLongerMain.find((n) => n.id === c.id) ?? c)));
        expect(after.filter(isActiveMainCarer).map((c) => c.id)).toEqual([target.id]);
        // Only carers who held the mark are written again.
        expect(moved.noLongerMain.every((n) => isActiveMainCarer(carers.find((c) => c.id === n.id)!))).toBe(true);
      }),
    );
  });
});

describe("ending a carer's involvement", () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('makes them inactive from the day given, with the reason, and no longer main carer', () => {
    const outcome = endCarerInvolvement(carer('c1', true), { date: '2026-02-20', reason: 'person-asked' }, now);
    if (!outcome.ok) throw new Error('refused');
    expect(readCarer(outcome.resource)).toMatchObject({ active: false, mainCarer: false, ended: { date: '2026-02-20', reason: 'person-asked' } });
    expect((outcome.resource.period as { start: string; end: string })).toEqual({ start: '2026-01-10', end: '2026-02-20' });
  });

  it('names each field that is wrong', () => {
    const outcome = endCarerInvolvement(carer('c1', false), { date: '2026-01-01', reason: 'moved' }, now);
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { field: 'date', message: 'must not be before they were recorded as a carer (2026-01-10)' },
        { field: 'reason', message: 'must be one of: person-asked, carer-asked, no-longer-in-touch, died' },
      ],
    });
    expect(endCarerInvolvement(carer('c1', false), { date: '2026-03-02', reason: 'died' }, now)).toMatchObject({ ok: false, problems: [{ field: 'date' }] });
  });
});
