import { extension, referralSources, system } from '@continuity/domain';
import { concept, ref, type Ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

type Source = keyof typeof referralSources;

/** Where referrals come from (MHSDS source of referral, grouped): most from GPs. */
const sourceWeights: Record<Source, number> = {
  gp: 45, self: 9, carer: 4, vcse: 5, police: 4, crisis: 10, 'a-and-e': 8, inpatient: 8, 'other-team': 7,
};

function requesterFor(ctx: PersonContext, source: Source): Ref {
  const { p, services } = ctx;
  switch (source) {
    case 'gp': return ref('Organization', p.gpPracticeId);
    case 'self': return ctx.patient;
    case 'carer': return p.carerIds[0] ? ref('RelatedPerson', p.carerIds[0]) : ctx.patient;
    case 'vcse': return ref('Organization', services.partners.vcse);
    case 'police': return ref('Organization', services.partners.police);
    case 'crisis': return ref('Organization', services.teamsByType.crisis[0]!.id);
    case 'a-and-e': return ref('Organization', services.partners.acuteHospital);
    case 'inpatient': return ref('Organization', 'trust');
    case 'other-team': return ref('Organization', ctx.rnd.pick(services.teams).id);
  }
}

/**
 * The referral this person's current (or last) episode came from: authoredOn is when it was made;
 * the wait is the gap to the episode's first contact. Waiting referrals stay active; seen ones are
 * completed. Some people also have an earlier referral that was declined with an onward route.
 */
export function writeReferrals(ctx: PersonContext): string {
  const { p, rnd, cal } = ctx;
  if (rnd.chance(0.07)) {
    const declinedDay = p.referralDay - rnd.int(120, 900);
    if (declinedDay > p.birthDay + 18 * 366) {
      ctx.emit({
        resourceType: 'ServiceRequest',
        id: ctx.nextId('ref'),
        extension: [{ url: extension.referralSource, valueCodeableConcept: concept(system.referralSource, 'gp', referralSources.gp) }],
        status: 'revoked',
        intent: 'order',
        code: { text: `Referral to ${p.team.name}` },
        subject: ctx.patient,
        authoredOn: cal.dateTime(declinedDay, rnd.int(8 * 60, 17 * 60)),
        requester: ref('Organization', p.gpPracticeId),
        performer: [ref('Organization', p.team.id)],
        note: [{ text: rnd.pick(['Declined: needs better met in primary care; signposted to NHS Talking Therapies', 'Declined: referred on to the local VCSE wellbeing service', 'Declined: advised GP on medication review; open to re-referral']) }],
      });
    }
  }
  let source = p.teamType === 'crisis' ? rnd.weighted({ gp: 30, self: 20, police: 15, 'a-and-e': 25, carer: 10 } as Record<Source, number>) : rnd.weighted(sourceWeights);
  if (source === 'crisis' && p.teamType === 'crisis') source = 'gp';
  const id = ctx.nextId('ref');
  ctx.emit({
    resourceType: 'ServiceRequest',
    id,
    extension: [{ url: extension.referralSource, valueCodeableConcept: concept(system.referralSource, source, referralSources[source]) }],
    status: p.stage === 'waiting' ? 'active' : 'completed',
    intent: 'order',
    priority: p.teamType === 'crisis' ? 'urgent' : rnd.chance(0.15) ? 'urgent' : 'routine',
    code: { text: `Referral to ${p.team.name}` },
    subject: ctx.patient,
    authoredOn: cal.dateTime(p.referralDay, rnd.int(8 * 60, 17 * 60)),
    requester: requesterFor(ctx, source),
    performer: [ref('Organization', p.team.id)],
  });
  return id;
}
