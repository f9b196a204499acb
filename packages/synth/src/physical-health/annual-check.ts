import { annualPhysicalHealthCheck, physicalHealthRules, system } from '@continuity/domain';
import { writeObservation } from '../clinical/observations.ts';
import { concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { Random } from '../random/random.ts';

/**
 * The SMI annual physical health check (BMI, blood pressure, HbA1c, cholesterol, smoking, alcohol;
 * 002_*, 004_* §43). Partly done, as nationally: about half of people with SMI on a caseload had a
 * full check in the last year, some had only weight and blood pressure, and the rest none this year
 * (some of those last year). Non-responders are who C10 follows up: most people still on the
 * caseload without a full check were invited in the last four months, and some with one were
 * invited a few weeks before it (002_* line ~213).
 */
export function writePhysicalHealth(ctx: PersonContext, seed: number): void {
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
    if (day < p.episodeStart! - 30) return false;
    for (const test of tests) writeObservation(ctx, test as (typeof annualPhysicalHealthCheck)[number], day);
    return true;
  };
  let fullDay: number | undefined;
  if (status === 'full') {
    // Some practices test fasting glucose as well as HbA1c.
    const extra = rnd.chance(0.3) ? ['weight', 'hdl-cholesterol', 'fasting-glucose'] : ['weight', 'hdl-cholesterol'];
    const day = end - rnd.int(0, 330);
    if (check(day, [...annualPhysicalHealthCheck, ...extra])) fullDay = day;
  }
  if (status === 'partial') check(end - rnd.int(0, 330), ['weight', 'bmi', 'blood-pressure']);
  // The year before: about half had a check then too.
  if (rnd.chance(status === 'none' ? 0.5 : 0.55)) check(end - rnd.int(380, 700), annualPhysicalHealthCheck);

  // Invitations from a stream of their own, so the rest of the person's records do not change with them.
  const invite = new Random(seed, p.index, 'physical-health-invitation');
  if (fullDay !== undefined && invite.chance(0.6)) writeInvitation(ctx, invite, fullDay - invite.int(7, 28));
  if (fullDay === undefined && p.episodeEnd === undefined && invite.chance(0.7)) writeInvitation(ctx, invite, cal.asOf - invite.int(0, 120));
}

const METHODS = Object.keys(physicalHealthRules.invitation.methods);

function writeInvitation(ctx: PersonContext, invite: Random, day: number): void {
  const { p, cal } = ctx;
  if (day < p.episodeStart!) return;
  const category = physicalHealthRules.invitation.category;
  ctx.emit({
    resourceType: 'Communication',
    id: ctx.nextId('invite'),
    status: 'completed',
    category: [concept(category.system, category.code, category.display)],
    medium: [concept(system.invitationMethod, invite.pick(METHODS), undefined)],
    subject: ctx.patient,
    recipient: [ctx.patient],
    sender: ref('Practitioner', p.keyWorker.id),
    sent: cal.dateTime(day, invite.int(18, 34) * 30),
  });
}
