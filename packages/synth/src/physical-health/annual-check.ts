import { annualPhysicalHealthCheck } from '@continuity/domain';
import { writeObservation } from '../clinical/observations.ts';
import type { PersonContext } from '../person-context.ts';

/**
 * The SMI annual physical health check (BMI, blood pressure, HbA1c, cholesterol, smoking, alcohol;
 * 002_*, 004_* §43). Partly done, as nationally: about half of people with SMI on a caseload had a
 * full check in the last year, some had only weight and blood pressure, and the rest none this year
 * (some of those last year). Non-responders are who C10 follows up.
 */
export function writePhysicalHealth(ctx: PersonContext): void {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined) return;
  const smi = p.diagnosis === 'psychosis' || p.diagnosis === 'bipolar';
  const end = p.episodeEnd ?? cal.asOf;
  if (!smi) {
    if (rnd.chance(0.25)) {
      const day = Math.max(p.episodeStart, end - rnd.int(0, 365));
      writeObservation(ctx, 'weight', day);
      writeObservation(ctx, 'blood-pressure', day);
    }
    return;
  }
  const status = rnd.weighted(p.engagement === 'disengaging' ? { full: 20, partial: 25, none: 55 } : { full: 55, partial: 20, none: 25 });
  const check = (day: number, tests: readonly string[]) => {
    if (day < p.episodeStart! - 30) return;
    for (const test of tests) writeObservation(ctx, test as (typeof annualPhysicalHealthCheck)[number], day);
  };
  if (status === 'full') {
    // Some practices test fasting glucose as well as HbA1c.
    const extra = rnd.chance(0.3) ? ['weight', 'hdl-cholesterol', 'fasting-glucose'] : ['weight', 'hdl-cholesterol'];
    check(end - rnd.int(0, 330), [...annualPhysicalHealthCheck, ...extra]);
  }
  if (status === 'partial') check(end - rnd.int(0, 330), ['weight', 'bmi', 'blood-pressure']);
  // The year before: about half had a check then too.
  if (rnd.chance(status === 'none' ? 0.5 : 0.55)) check(end - rnd.int(380, 700), annualPhysicalHealthCheck);
}
