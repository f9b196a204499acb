import { flagCategories, redFlags, system } from '@continuity/domain';
import { concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import type { Random } from '../random/random.ts';

type SocialNeed = 'financial-hardship' | 'self-neglect' | 'social-isolation';

const texts: Record<SocialNeed, readonly string[]> = {
  'financial-hardship': ['Benefits stopped after a missed assessment; rent arrears', 'Debts to a loan shark', 'No money for gas or food most weeks'],
  'self-neglect': ['Flat in poor condition, not eating regularly', 'Not washing or changing clothes; weight loss'],
  'social-isolation': ['No contact with family or friends; rarely leaves the flat', 'Lives alone since his mother died; sees no one'],
};

/**
 * Social needs other than housing (003_* chapter 2: "housing, finance, self-neglect, isolation"),
 * each a Flag in the social-need category. From a random stream of its own, so nothing else
 * generated for the person changes.
 */
export function writeSocialNeeds(ctx: PersonContext, rnd: Random): void {
  const { p, cal } = ctx;
  const until = p.lastDay - 1;
  const since = Math.min(until, Math.max(p.birthDay + 18 * 366, p.referralDay - 4 * 365));
  const alive = p.deceasedDay === undefined;
  const chances: Record<SocialNeed, number> = {
    'financial-hardship': 0.12 + (p.unstableHousing ? 0.15 : 0) + (p.substanceUse ? 0.08 : 0),
    'self-neglect': 0.04 + (p.diagnosis === 'psychosis' ? 0.04 : 0),
    'social-isolation': 0.12,
  };
  for (const need of Object.keys(chances) as SocialNeed[]) {
    if (!rnd.chance(chances[need])) continue;
    ctx.emit({
      resourceType: 'Flag',
      id: ctx.nextId('flag'),
      status: alive ? 'active' : 'inactive',
      category: [concept(system.flagCategory, 'social-need', flagCategories['social-need'])],
      code: concept(system.redFlag, need, redFlags[need], rnd.pick(texts[need])),
      subject: ctx.patient,
      period: { start: cal.date(Math.max(since, Math.min(until, cal.ago(rnd.int(7, 500))))) },
      author: ref('Practitioner', p.keyWorker.id),
    });
  }
}
