import { communicationCategories, flagCategories, redFlags, system } from '@continuity/domain';
import { concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

type RedFlag = keyof typeof redFlags;

const texts: Partial<Record<RedFlag, readonly string[]>> = {
  'police-contact': ['Police welfare check after call from neighbour', 'Detained by police under section 136', 'Police called to family home during argument', 'Found by police in distress on the bridge'],
  arrest: ['Arrested for criminal damage; released under investigation', 'Arrested for shoplifting; cautioned', 'Arrested after a fight outside a pub'],
  offending: ['Conviction for assault (2019)', 'Convictions for theft and possession', 'Community order for harassment'],
  'violence-to-others': ['Assaulted a family member while unwell', 'Threatened staff with a knife in clinic', 'Assault on a neighbour'],
  weapon: ['Known to carry a knife when paranoid'],
  exploitation: ['Flat used by others to deal drugs (cuckooing)', 'Financially exploited by acquaintances', 'Coerced into carrying drugs'],
  marac: ['Discussed at MARAC: domestic abuse from partner'],
  mappa: ['MAPPA category 2 case'],
};

/** A concern from a partner agency (the police) to the team holding the person (C12). */
function writePoliceConcern(ctx: PersonContext, day: number): void {
  const { p, rnd, cal } = ctx;
  ctx.emit({
    resourceType: 'Communication',
    id: ctx.nextId('comm'),
    status: 'completed',
    category: [concept(system.communicationCategory, 'partner-concern', communicationCategories['partner-concern'])],
    subject: ctx.patient,
    sent: cal.dateTime(day, rnd.int(0, 47) * 30),
    recipient: [ref('Organization', p.team.id)],
    sender: ref('Organization', ctx.services.partners.police),
    payload: [{ contentString: rnd.pick([
      'Officers attended a report of a man shouting in the street; he appeared unwell and was taken home. Sharing for your information.',
      'Neighbours report people coming and going from the flat at all hours; concern about exploitation.',
      'Attended a concern for welfare; no answer at the address. Please advise if you have recent contact.',
    ]) }],
  });
}

/**
 * Red flags from the person's history (police contact, offending, violence, exploitation,
 * MARAC/MAPPA) and social needs (housing instability). The SUI reviews in 003_* found such history
 * scattered and missed; here each is a Flag a clinician sees on the record.
 */
export function writeFlags(ctx: PersonContext): void {
  const { p, rnd, cal } = ctx;
  const until = p.lastDay - 1;
  const since = Math.min(until, Math.max(p.birthDay + 18 * 366, p.referralDay - 4 * 365));
  const alive = p.deceasedDay === undefined;
  const redFlag = (code: RedFlag, activeInLife: boolean) => {
    const active = activeInLife && alive;
    const start = rnd.int(since, until);
    ctx.emit({
      resourceType: 'Flag',
      id: ctx.nextId('flag'),
      status: active ? 'active' : 'inactive',
      category: [concept(system.flagCategory, 'red-flag', flagCategories['red-flag'])],
      code: concept(system.redFlag, code, redFlags[code], rnd.pick(texts[code]!)),
      subject: ctx.patient,
      period: active ? { start: cal.date(start) } : { start: cal.date(start), end: cal.date(Math.min(until, start + rnd.int(30, 365))) },
      author: ref('Practitioner', p.keyWorker.id),
    });
  };
  const justice = 0.08 + (p.substanceUse ? 0.12 : 0) + (p.intensity === 'assertive' ? 0.15 : 0) + (p.sex === 'male' ? 0.04 : 0);
  if (rnd.chance(justice)) {
    redFlag('police-contact', rnd.chance(0.6));
    if (alive && p.stage !== 'waiting' && rnd.chance(0.25)) writePoliceConcern(ctx, Math.max(since, cal.ago(rnd.int(3, 300))));
    if (rnd.chance(0.4)) redFlag('arrest', rnd.chance(0.3));
    if (rnd.chance(0.3)) redFlag('offending', true);
    if (rnd.chance(0.2)) redFlag('violence-to-others', true);
    if (rnd.chance(0.05)) redFlag('weapon', true);
    if (rnd.chance(0.05)) redFlag('mappa', true);
  }
  if (rnd.chance(p.unstableHousing ? 0.12 : 0.025)) redFlag('exploitation', true);
  if (rnd.chance(p.sex === 'female' ? 0.02 : 0.005)) redFlag('marac', true);

  if (p.unstableHousing) {
    ctx.emit({
      resourceType: 'Flag',
      id: ctx.nextId('flag'),
      status: alive ? 'active' : 'inactive',
      category: [concept(system.flagCategory, 'social-need', flagCategories['social-need'])],
      code: concept(system.redFlag, 'housing-instability', redFlags['housing-instability'], rnd.pick(['No settled address', 'Served notice on tenancy', 'In temporary accommodation, at risk of eviction', 'Sofa surfing between friends'])),
      subject: ctx.patient,
      period: { start: cal.date(Math.max(since, Math.min(until, cal.ago(rnd.int(7, 400))))) },
      author: ref('Practitioner', p.keyWorker.id),
    });
  }
}
