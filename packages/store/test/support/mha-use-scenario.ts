import { extension, system } from '@continuity/domain';

/**
 * A hand-made population for the mha-use report as of 30 June 2026, with figures worked by hand:
 * - White British (A): 40 people alive; 5 detained (one under both section 2 and 3, counted once),
 *   10 on a CTO (one past its expiry but still recorded as current). Five more have a detention
 *   that does not count on the day: ended in May, begins in July, entered in error, ended on the day
 *   itself, inactive with no end. One more, detained, died on 1 June: not on record on the day.
 * - Black African (N): 10 people; 5 detained, 5 on a CTO.
 * - Indian (H): 6 people; 2 detained (withheld), none on a CTO.
 * - Not stated (Z): 3 people (withheld); none subject.
 * - No ethnic category recorded: 7 people; none subject.
 */
export const USE_AS_OF = '2026-06-30';

type Resource = Record<string, unknown>;
const category = [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }];

export function mhaUseScenario(): Record<string, Resource[]> {
  const patients: Resource[] = [];
  const flags: Resource[] = [];
  let n = 0;
  const person = (ethnicity: string | null, more: Resource = {}) => {
    const id = `u${++n}`;
    patients.push({
      resourceType: 'Patient', id, name: [{ family: 'Person', given: [id] }], birthDate: '1980-01-01', gender: 'unknown',
      ...(ethnicity ? { extension: [{ url: extension.ethnicCategory, valueCodeableConcept: { coding: [{ system: system.ethnicCategory, code: ethnicity }] } }] } : {}),
      ...more,
    });
    return id;
  };
  const flag = (id: string, code: string, status: string, period: Record<string, string>) =>
    flags.push({ resourceType: 'Flag', id: `${id}-${code}-${flags.length}`, status, category, subject: { reference: `Patient/${id}` }, period, code: { coding: [{ system: system.mhaLegalStatus, code }] } });
  const detained = (id: string) => flag(id, '03', 'active', { start: '2026-04-01' });
  const onCto = (id: string, expires = '2026-10-01') => {
    flag(id, 'cto', 'active', { start: '2026-04-01' });
    (flags.at(-1)!.extension as unknown) = [{ url: extension.reviewDue, valueDate: expires }];
  };
  const times = (count: number, make: () => void) => Array.from({ length: count }, make);

  // White British.
  const both = person('A');
  flag(both, '02', 'active', { start: '2026-06-20' });
  detained(both);
  times(4, () => detained(person('A')));
  onCto(person('A'), '2026-06-01');
  times(9, () => onCto(person('A')));
  flag(person('A'), '03', 'inactive', { start: '2026-01-01', end: '2026-05-01' });
  flag(person('A'), '03', 'active', { start: '2026-07-01' });
  flag(person('A'), '03', 'entered-in-error', { start: '2026-04-01' });
  flag(person('A'), '03', 'inactive', { start: '2026-04-01', end: USE_AS_OF });
  flag(person('A'), '03', 'inactive', { start: '2026-04-01' });
  times(20, () => person('A'));
  detained(person('A', { deceasedDateTime: '2026-06-01T10:00:00Z' }));
  // Black African.
  times(5, () => detained(person('N')));
  times(5, () => onCto(person('N')));
  // Indian.
  times(2, () => detained(person('H')));
  times(4, () => person('H'));
  // Not stated, and not recorded.
  times(3, () => person('Z'));
  times(7, () => person(null));
  return { Patient: patients, Flag: flags };
}
