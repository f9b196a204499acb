import { communicationCategories, system } from '@continuity/domain';
import { concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';

const concerns = [
  'She has stopped answering the phone and I have not seen her for two weeks.',
  'He is not sleeping and is talking about people watching him again.',
  'He has stopped taking his tablets; he says they are poisoning him.',
  'There are people staying at his flat who I do not know. I am worried they are using him.',
  'She has lost a lot of weight and is not eating.',
  'He missed his injection and will not open the door to me.',
  'I am worried about her safety; she said things last night that frightened me.',
  'He has been drinking heavily since he lost his job.',
  'The letters from the team are piling up unopened.',
] as const;

const responses = [
  'Thank you for letting us know. I visited today and we have agreed to see him weekly for now.',
  'I have spoken to her and arranged a review with the doctor this week. I will call you after.',
  'We have discussed this in the team meeting and will try a home visit with a colleague tomorrow.',
  'Thank you. With his agreement I can tell you we have increased contact; please call the crisis line if worried out of hours.',
] as const;

/**
 * Concerns raised by carers and family (Communication from the RelatedPerson to the team), and the
 * team's replies. A family asking for help is a red flag (003_*); some concerns are still
 * unanswered, which the carer-concerns worklist must surface.
 */
export function writeCarerConcerns(ctx: PersonContext): void {
  const { p, rnd, cal } = ctx;
  const carer = p.carerIds[0];
  if (!carer || p.stage === 'waiting') return;
  const chance = p.engagement === 'disengaging' ? 0.6 : 0.12;
  if (!rnd.chance(chance)) return;
  const count = rnd.int(1, p.engagement === 'disengaging' ? 3 : 2);
  const earliest = Math.max(p.episodeStart ?? p.referralDay, cal.ago(365), p.disengagedFrom ?? 0);
  const latest = p.episodeEnd ?? cal.asOf - 1;
  if (latest <= earliest) return;
  const days = Array.from({ length: count }, () => rnd.int(earliest, latest)).sort((a, b) => a - b);
  for (const day of days) {
    const id = ctx.nextId('comm');
    ctx.emit({
      resourceType: 'Communication',
      id,
      status: 'completed',
      category: [concept(system.communicationCategory, 'carer-concern', communicationCategories['carer-concern'])],
      medium: [concept('http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', rnd.chance(0.7) ? 'PHONE' : 'EMAILWRIT', undefined)],
      subject: ctx.patient,
      sent: cal.dateTime(day, rnd.int(16, 40) * 30),
      recipient: [ref('Organization', p.team.id)],
      sender: ref('RelatedPerson', carer),
      payload: [{ contentString: rnd.pick(concerns) }],
    });
    const replyDay = day + rnd.int(1, 10);
    if (replyDay > p.lastDay || !rnd.chance(0.75)) continue;
    ctx.emit({
      resourceType: 'Communication',
      id: ctx.nextId('comm'),
      status: 'completed',
      category: [concept(system.communicationCategory, 'carer-concern-response', communicationCategories['carer-concern-response'])],
      subject: ctx.patient,
      inResponseTo: [ref('Communication', id)],
      sent: cal.dateTime(replyDay, rnd.int(18, 34) * 30),
      recipient: [ref('RelatedPerson', carer)],
      sender: ref('Practitioner', p.keyWorker.id),
      payload: [{ contentString: rnd.pick(responses) }],
    });
  }
}
