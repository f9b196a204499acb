import { carePlanCategories, careIntensities, extension, system } from '@continuity/domain';
import { concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { contactIntervalDays } from '../contacts/contact-modes.ts';

const goalTexts = [
  'Back to part-time work', 'Keep my tenancy', 'Reconnect with my children', 'Start a course at the recovery college',
  'Cut down on cannabis', 'Walk to the shops on my own', 'Sleep better', 'Manage money and pay off rent arrears',
  'Join the allotment group', 'Get a bus pass and travel independently', 'Stay out of hospital this year', 'Take my medication regularly',
  'See friends once a week', 'Cook a hot meal most days', 'Volunteer at the food bank',
] as const;

/**
 * The co-produced care plan (the successor to the Care Programme Approach), with the contact
 * frequency agreed and the intensity of care, its goals, a safety plan for many and a crisis plan
 * for people on intensive or assertive care. Not everyone has one, and some are overdue review:
 * 37% of people in the CQC 2023 survey had no care plan and 44% no review (000_* line ~1091).
 */
export function writeCarePlans(ctx: PersonContext, careTeamId: string | undefined, conditionIds: string[]): void {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined || !careTeamId) return;
  const open = p.stage === 'open';
  if (open && rnd.chance(0.15)) return;
  const end = p.episodeEnd;
  const created = Math.min(cal.asOf, p.episodeStart + rnd.int(7, 42), end ?? cal.asOf);
  const reviewed = open
    ? rnd.chance(0.7) ? Math.max(created, cal.ago(rnd.int(5, 330))) : Math.max(created, cal.ago(rnd.int(380, 900)))
    : Math.max(created, end! - rnd.int(0, 60));
  const addresses = conditionIds.map((id) => ref('Condition', id));
  const goalIds: string[] = [];
  const goalCount = rnd.int(1, 3);
  const chosen = new Set<string>();
  for (let g = 0; g < goalCount; g++) {
    const text = rnd.pick(goalTexts);
    if (chosen.has(text)) continue;
    chosen.add(text);
    const id = ctx.nextId('goal');
    const achieved = rnd.chance(open ? 0.2 : 0.5);
    ctx.emit({
      resourceType: 'Goal',
      id,
      lifecycleStatus: achieved ? 'completed' : open ? 'active' : 'cancelled',
      achievementStatus: concept('http://terminology.hl7.org/CodeSystem/goal-achievement', achieved ? 'achieved' : open ? 'in-progress' : 'not-achieved'),
      description: { text },
      subject: ctx.patient,
      startDate: cal.date(created),
      ...(addresses.length ? { addresses: [addresses[0]!] } : {}),
      expressedBy: ctx.patient,
    });
    goalIds.push(id);
  }
  const interval = contactIntervalDays(p.teamType, p.intensity);
  const period = open ? { start: cal.date(created) } : { start: cal.date(created), end: cal.date(end!) };
  const plan = (category: keyof typeof carePlanCategories, title: string, extra: Record<string, unknown>) => ({
    resourceType: 'CarePlan' as const,
    id: ctx.nextId('plan'),
    ...extra,
    status: open ? 'active' : 'completed',
    intent: 'plan',
    category: [
      concept(system.carePlanCategory, category, carePlanCategories[category]),
      concept(system.careIntensity, p.intensity, careIntensities[p.intensity]),
    ],
    title,
    subject: ctx.patient,
    period,
    created: cal.date(created),
    author: ref('Practitioner', p.keyWorker.id),
    contributor: [ctx.patient, ref('Practitioner', p.keyWorker.id)],
    careTeam: [ref('CareTeam', careTeamId)],
  });
  ctx.emit({
    ...plan('care-plan', 'My care plan', {
      extension: [
        { url: extension.contactFrequency, valueDuration: { value: interval, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' } },
        { url: extension.lastReviewed, valueDate: cal.date(reviewed) },
      ],
    }),
    addresses,
    goal: goalIds.map((id) => ref('Goal', id)),
    description: rnd.pick([
      'Agreed with me at my review. Contact with my care coordinator, support with housing and money, and help to get back to activities I enjoy.',
      'Written together with me and my mum. Regular contact, medication reviews, and early help if I start to feel paranoid again.',
      'My plan: keep well, keep my flat, and see my care coordinator regularly. I would like phone calls rather than letters.',
    ]),
  });
  if (rnd.chance(0.55)) {
    ctx.emit({
      ...plan('safety-plan', 'My safety plan', { extension: [{ url: extension.lastReviewed, valueDate: cal.date(reviewed) }] }),
      description: 'Warning signs: not sleeping, stopping seeing friends, hearing voices more. What helps: talking to my sister, walking, calling my care coordinator. In a crisis: call the crisis line.',
    });
  }
  if (p.intensity !== 'standard') {
    ctx.emit({
      ...plan('crisis-plan', 'Crisis plan', {}),
      description: 'In a crisis: contact the crisis team; my mum has a key; I prefer not to be seen by police; medication that has helped before is listed in my record.',
    });
  }
}

/** Consent to share information with the GP and, where agreed, with carers (Consent, LOINC 59284-0). */
export function writeConsent(ctx: PersonContext): void {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined || rnd.chance(0.15)) return;
  const actors = [{ role: concept('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'IRCP', 'information recipient'), reference: ref('Organization', p.gpPracticeId) }];
  if (p.carerIds[0]) actors.push({ role: concept('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'IRCP', 'information recipient'), reference: ref('RelatedPerson', p.carerIds[0]) });
  const permit = rnd.chance(0.88);
  ctx.emit({
    resourceType: 'Consent',
    id: ctx.nextId('consent'),
    status: p.stage === 'open' ? 'active' : 'inactive',
    scope: concept('http://terminology.hl7.org/CodeSystem/consentscope', 'patient-privacy', 'Privacy Consent'),
    category: [concept(system.loinc, '59284-0', 'Patient Consent')],
    patient: ctx.patient,
    dateTime: cal.date(Math.min(p.lastDay, p.episodeStart + rnd.int(0, 30))),
    performer: [ctx.patient],
    organization: [ref('Organization', 'trust')],
    policy: [{ uri: 'https://www.gov.uk/government/publications/the-caldicott-principles' }],
    provision: { type: permit ? 'permit' : 'deny', actor: actors, purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }] },
  });
}
