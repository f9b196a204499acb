import { contactModes, system } from '@continuity/domain';
import { coding, concept, ref, type Ref } from '../fhir.ts';
import type { PersonContext } from '../person-context.ts';
import { contactIntervalDays, encounterClass, historyWindowDays, modeWeights, type ContactMode } from './contact-modes.ts';

type Outcome = 'fulfilled' | 'noshow' | 'cancelled-pat' | 'cancelled-prov';

const ENGAGED: Record<Outcome, number> = { fulfilled: 80, noshow: 9, 'cancelled-pat': 6, 'cancelled-prov': 5 };
/** In the months before, missed appointments become more common... */
const WOBBLING: Record<Outcome, number> = { fulfilled: 55, noshow: 30, 'cancelled-pat': 10, 'cancelled-prov': 5 };
/** ...then they stop attending: missed and cancelled appointments only. */
const SLIPPING: Record<Outcome, number> = { fulfilled: 0, noshow: 72, 'cancelled-pat': 16, 'cancelled-prov': 12 };

export interface ContactSummary {
  lastAttended?: number;
  attended: number;
}

interface Slot {
  day: number;
  status: Outcome | 'booked';
  assessment?: boolean;
}

/**
 * Appointments and the contacts (Encounters) they became. One assessment at the start of the
 * episode (the first contact after referral), then planned contacts at the care plan's frequency
 * over the recent past, and one booked ahead. People who are disengaging stop attending: their
 * last attended contact is months before as-of and most have missed the last two or more.
 */
export function writeContacts(ctx: PersonContext, episode: { episodeId: string; referralId: string } | undefined): ContactSummary {
  const { p, rnd, cal } = ctx;
  const slots: Slot[] = [];
  const interval = contactIntervalDays(p.teamType, p.intensity);

  if (p.episodeStart === undefined) {
    // Waiting: some have an assessment booked.
    if (rnd.chance(0.3)) slots.push({ day: cal.asOf + rnd.int(1, 35), status: 'booked', assessment: true });
  } else {
    slots.push({ day: p.episodeStart, status: 'fulfilled', assessment: true });
    const end = p.episodeEnd ?? cal.asOf - 1;
    const windowStart = Math.max(p.episodeStart + interval, end - (p.episodeEnd ? Math.min(180, historyWindowDays(p.intensity)) : historyWindowDays(p.intensity)));
    // Teams book a little inside the agreed interval, and rebook within days after a missed or
    // cancelled contact (missed contact means more effort, not less: 003_*), so an engaged person
    // mostly stays within their care plan's frequency.
    const spacing = Math.max(1, Math.round(interval * 0.85));
    const jitter = Math.round(interval * 0.1);
    const stopsBooking = p.engagement === 'disengaging' && rnd.chance(0.3);
    let slipped = 0;
    let day = windowStart + rnd.int(0, jitter);
    while (day <= end) {
      const slipping = p.disengagedFrom !== undefined && day >= p.disengagedFrom;
      if (slipping && stopsBooking && ++slipped > 2) break;
      const wobbling = p.disengagedFrom !== undefined && day >= p.disengagedFrom - 90;
      const status = rnd.weighted(slipping ? SLIPPING : wobbling ? WOBBLING : ENGAGED);
      slots.push({ day, status });
      const rebookSoon = status !== 'fulfilled' && !slipping;
      day += rebookSoon ? Math.min(spacing, rnd.int(2, 7)) : spacing + rnd.int(-jitter, jitter);
    }
    if (p.engagement === 'disengaging' && !stopsBooking) {
      // Most who disengage have missed their last two or more appointments (the consecutive-DNA pattern).
      const missed = rnd.int(2, 4);
      for (let k = slots.length - 1, n = 0; k > 0 && n < missed; k--, n++) {
        if (slots[k]!.day >= p.disengagedFrom!) slots[k]!.status = 'noshow';
      }
    }
    if (p.stage === 'open' && (p.engagement === 'engaged' ? rnd.chance(0.9) : rnd.chance(0.5))) {
      slots.push({ day: cal.asOf + rnd.int(1, Math.max(2, interval)), status: 'booked' });
    }
  }

  const modes = modeWeights(p.teamType, p.intensity);
  const summary: ContactSummary = { attended: 0 };
  for (const slot of slots) {
    const mode: ContactMode = slot.assessment ? (p.teamType === 'crisis' ? 'home-visit' : 'clinic') : rnd.weighted(modes);
    const staff = pickStaff(ctx, slot.assessment === true);
    const startMinutes = rnd.int(18, 33) * 30;
    const length = slot.assessment ? 60 : rnd.pick([30, 45, 60]);
    const start = cal.dateTime(slot.day, startMinutes);
    const endAt = cal.dateTime(slot.day, startMinutes + length);
    const appointmentId = ctx.nextId('appt');
    const status = slot.status === 'cancelled-pat' || slot.status === 'cancelled-prov' ? 'cancelled' : slot.status;
    const basedOn = slot.assessment && episode ? { basedOn: [ref('ServiceRequest', episode.referralId)] } : {};
    ctx.emit({
      resourceType: 'Appointment',
      id: appointmentId,
      status,
      ...(status === 'cancelled'
        ? { cancelationReason: concept(system.appointmentCancellationReason, slot.status === 'cancelled-pat' ? 'pat' : 'prov', slot.status === 'cancelled-pat' ? 'Patient' : 'Provider') }
        : {}),
      appointmentType: concept(system.contactMode, mode, contactModes[mode]),
      description: slot.assessment ? 'Assessment' : 'Planned contact',
      start,
      end: endAt,
      created: cal.date(Math.min(cal.asOf, slot.day - rnd.int(3, 28))),
      ...basedOn,
      participant: [
        { actor: ctx.patient, required: 'required', status: status === 'cancelled' && slot.status === 'cancelled-pat' ? 'declined' : 'accepted' },
        { actor: staff, required: 'required', status: 'accepted' },
      ],
    });
    if (slot.status !== 'fulfilled') continue;
    summary.attended += 1;
    summary.lastAttended = slot.day;
    const cls = encounterClass[mode];
    ctx.emit({
      resourceType: 'Encounter',
      id: ctx.nextId('enc'),
      status: 'finished',
      class: coding(system.v3ActCode, cls.code, cls.display),
      type: [concept(system.contactMode, mode, contactModes[mode])],
      subject: ctx.patient,
      ...(episode ? { episodeOfCare: [ref('EpisodeOfCare', episode.episodeId)] } : {}),
      ...basedOn,
      participant: [{ individual: staff }],
      appointment: [ref('Appointment', appointmentId)],
      period: { start, end: endAt },
      serviceProvider: ref('Organization', p.team.id),
    });
  }
  writeUnplannedContacts(ctx, episode?.episodeId);
  return summary;
}

/**
 * Contacts nobody booked: the person or their family phoning the duty worker, a call back after a
 * worrying letter. About one in six people on an open caseload has one or two in the last six
 * months (none after someone has started to disengage: those calls stop too).
 */
function writeUnplannedContacts(ctx: PersonContext, episodeId: string | undefined): void {
  const { p, rnd, cal } = ctx;
  if (p.stage !== 'open' || p.episodeStart === undefined || !rnd.chance(0.16)) return;
  const count = rnd.int(1, 2);
  for (let n = 0; n < count; n++) {
    const day = Math.max(p.episodeStart, cal.ago(rnd.int(1, 182)));
    if (p.disengagedFrom !== undefined && day >= p.disengagedFrom) continue;
    const minutes = rnd.int(16, 34) * 30;
    const staff = ref('Practitioner', rnd.chance(0.5) ? p.keyWorker.id : rnd.pick(p.team.keyWorkers).id);
    ctx.emit({
      resourceType: 'Encounter',
      id: ctx.nextId('enc'),
      status: 'finished',
      class: coding(system.v3ActCode, 'VR', 'virtual'),
      type: [concept(system.contactMode, 'phone', contactModes.phone)],
      priority: concept('http://terminology.hl7.org/CodeSystem/v3-ActPriority', 'UR', 'urgent'),
      subject: ctx.patient,
      ...(episodeId ? { episodeOfCare: [ref('EpisodeOfCare', episodeId)] } : {}),
      participant: [{ individual: staff }],
      period: { start: cal.dateTime(day, minutes), end: cal.dateTime(day, minutes + rnd.pick([10, 15, 20])) },
      reasonCode: [{ text: rnd.pick(['Duty call: feeling low and wanted to talk', 'Called about a missing prescription', 'Rang after an argument at home', 'Call back after a letter from the benefits office']) }],
      serviceProvider: ref('Organization', p.team.id),
    });
  }
}

function pickStaff(ctx: PersonContext, assessment: boolean): Ref {
  const { p, rnd } = ctx;
  if (assessment) return ref('Practitioner', rnd.chance(0.5) ? p.keyWorker.id : rnd.pick(p.team.psychiatrists).id);
  const r = rnd.float();
  if (r < 0.72) return ref('Practitioner', p.keyWorker.id);
  if (r < 0.86) return ref('Practitioner', p.prescriber.id);
  return ref('Practitioner', rnd.pick(p.team.supportWorkers).id);
}
