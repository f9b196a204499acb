import { dischargeReasons, extension, system, type DischargeReason } from '@continuity/domain';
import { concept } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { Random } from '../random/random.ts';

/**
 * What a finished episode records about the discharge (docs/fhir.md, "Discharge"). Drawn from its
 * own stream of randomness, so adding it changed no other record of the population.
 *
 * The mix is illustrative, not measured: the seeds say discharge for non-attendance of people with
 * severe and relapsing illness still happens in practice despite policy (003_* line ~81, "this can
 * occur in both BNSSG and BSW as part of a reason for discharge"), and that the decision, relapse
 * indicators, harms and route back are often not recorded (003_* lines ~394, 1022-1026). Some older
 * discharges carry no discharge record at all, as when migrated from a previous system.
 */
const REASONS: Readonly<Record<Exclude<DischargeReason, 'died'>, number>> = {
  recovered: 45,
  transferred: 14,
  'person-chose': 12,
  'moved-away': 11,
  'non-attendance': 18,
};

const RELAPSE_INDICATORS: Record<string, readonly string[]> = {
  psychosis: [
    'Sleeps less, stops answering the phone, believes neighbours are listening through the walls.',
    'Stops taking medication, becomes suspicious of family, stops going out for food.',
  ],
  bipolar: ['Sleeping under four hours, spending heavily, talking fast and starting many projects.', 'Withdraws from friends, stops eating, stays in bed most of the day.'],
  'severe-depression': ['Stops washing and eating, cancels plans, talks about being a burden.'],
  'personality-disorder': ['Increased self-harm after conflict with family, calls to the crisis line at night.'],
};
const HARMS = [
  'Last relapse went unnoticed for weeks and ended in eviction and an admission under section 3.',
  'In past relapses has stopped eating and needed a hospital admission; at risk of exploitation when unwell.',
  'Has harmed themselves seriously during a previous relapse that was not picked up.',
];
const ROUTES_BACK = [
  'The person, their family or GP can call the team duty line for a review within a week; no new referral needed for two years.',
  'GP to re-refer by phone to the team, who will see the person within two weeks.',
];

export function synthDischarge(ctx: PersonContext, seed: number): Array<Record<string, unknown>> {
  const { p, cal } = ctx;
  if (p.episodeEnd === undefined) return [];
  const rnd = new Random(seed, p.index, 'discharge');
  const reasonExtension = (code: DischargeReason) => ({ url: extension.dischargeReason, valueCodeableConcept: concept(system.dischargeReason, code, dischargeReasons[code]) });
  if (p.deceasedDay !== undefined) return [reasonExtension('died')];
  if (rnd.chance(0.08)) return [];
  const reason = rnd.weighted(REASONS);
  // A discharge for non-attendance is rarely an MDT decision with a plan; the others mostly are.
  const recorded = reason === 'non-attendance' ? 0.3 : 0.85;
  const out: Array<Record<string, unknown>> = [reasonExtension(reason)];
  if (rnd.chance(recorded)) out.push({ url: extension.mdtDecisionDate, valueDate: cal.date(p.episodeEnd - rnd.int(0, 21)) });
  if (rnd.chance(recorded)) out.push({ url: extension.relapseIndicators, valueString: rnd.pick(RELAPSE_INDICATORS[p.diagnosis] ?? RELAPSE_INDICATORS.psychosis!) });
  if (rnd.chance(recorded)) out.push({ url: extension.harmsIfRelapseMissed, valueString: rnd.pick(HARMS) });
  if (rnd.chance(recorded)) out.push({ url: extension.routeBack, valueString: rnd.pick(ROUTES_BACK) });
  return out;
}
