import { careIntensities, system } from '@continuity/domain';
import { concept, ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { synthDischarge } from './discharge.ts';
import { staffRoleLabel } from './organisation.ts';

/**
 * The care team and episode of care for someone who has been seen: the team holds them
 * (managingOrganization) and their key worker is the care manager. Discharged episodes are finished.
 */
export function writeEpisode(ctx: PersonContext, referralId: string, seed: number): { episodeId: string; careTeamId: string } | undefined {
  const { p, rnd, cal } = ctx;
  if (p.episodeStart === undefined) return undefined;
  const open = p.stage === 'open';
  const period = open ? { start: cal.date(p.episodeStart) } : { start: cal.date(p.episodeStart), end: cal.date(p.episodeEnd!) };
  const careTeamId = ctx.nextId('ct');
  const psychiatrist = rnd.pick(p.team.psychiatrists);
  const member = (id: string, role: keyof typeof staffRoleLabel) => ({
    role: [concept(system.staffRole, role, staffRoleLabel[role])],
    member: ref('Practitioner', id),
  });
  const participants: Array<{ role: Array<{ coding?: unknown[]; text?: string }>; member: ReturnType<typeof ref> }> = [
    member(p.keyWorker.id, 'care-coordinator'),
    member(psychiatrist.id, 'psychiatrist'),
  ];
  if (p.intensity !== 'standard' || rnd.chance(0.3)) participants.push(member(rnd.pick(p.team.supportWorkers).id, 'support-worker'));
  if (p.carerIds[0] && rnd.chance(0.5)) {
    participants.push({ role: [{ text: 'Carer' }], member: ref('RelatedPerson', p.carerIds[0]) });
  }
  ctx.emit({
    resourceType: 'CareTeam',
    id: careTeamId,
    status: open ? 'active' : 'inactive',
    name: `${p.team.name} care team`,
    subject: ctx.patient,
    period,
    participant: participants,
    managingOrganization: [ref('Organization', p.team.id)],
  });
  const episodeId = ctx.nextId('eoc');
  const discharge = open ? [] : synthDischarge(ctx, seed);
  ctx.emit({
    resourceType: 'EpisodeOfCare',
    id: episodeId,
    status: open ? 'active' : 'finished',
    type: [concept(system.careIntensity, p.intensity, careIntensities[p.intensity])],
    patient: ctx.patient,
    managingOrganization: ref('Organization', p.team.id),
    period,
    referralRequest: [ref('ServiceRequest', referralId)],
    careManager: ref('Practitioner', p.keyWorker.id),
    team: [ref('CareTeam', careTeamId)],
    ...(discharge.length ? { extension: discharge } : {}),
  });
  return { episodeId, careTeamId };
}
