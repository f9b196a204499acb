import type { Faker } from '@faker-js/faker';
import type { Calendar } from './calendar/calendar.ts';
import { writeDiagnoses } from './clinical/diagnoses.ts';
import { writeContacts } from './contacts/appointments.ts';
import { ref } from './fhir.ts';
import { writeFlags } from './flags/red-flags.ts';
import { writeSocialNeeds } from './flags/social-needs.ts';
import { writeAdmissionsAndMha } from './legal/admissions.ts';
import { writeMedicines } from './medicines/prescribing.ts';
import { writeSharedCare } from './medicines/shared-care.ts';
import { writeOutcomes } from './outcomes/measures.ts';
import { writeCarerConcerns } from './people/carer-concerns.ts';
import { writeCarers } from './people/carers.ts';
import { decideProfile } from './people/decide-profile.ts';
import { writePatient } from './people/patient.ts';
import type { Profile } from './people/profile.ts';
import type { PersonContext } from './person-context.ts';
import { writePhysicalHealth } from './physical-health/annual-check.ts';
import { writeCarePlans, writeConsent } from './planning/care-plan.ts';
import { Random } from './random/random.ts';
import type { Services } from './services/organisation.ts';
import { writeEpisode } from './services/episode.ts';
import { writeReferrals } from './services/referrals.ts';
import type { Resource } from './writer/ndjson-writer.ts';

/**
 * Everything on record about one person, written in one pass: who they are, their carers, the
 * referral and episode, contacts, admissions and legal status, diagnoses, medicines and monitoring,
 * shared care with the GP practice, outcomes, plans, flags, concerns raised, consent. Depends only on (seed, index, as-of, services).
 */
export function writePerson(index: number, seed: number, cal: Calendar, services: Services, faker: Faker, emit: (r: Resource) => void): void {
  const rnd = new Random(seed, index);
  faker.seed(rnd.seed32());
  const decided = decideProfile(index, rnd, cal, services);
  const p: Profile = { ...decided, familyName: '', carerIds: [] };
  const counters = new Map<string, number>();
  const ctx: PersonContext = {
    p, rnd, cal, services, faker, emit,
    patient: ref('Patient', p.id),
    nextId: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${p.id}-${kind}-${n}`;
    },
  };
  const { familyName } = writePatient(ctx, seed);
  p.familyName = familyName;
  p.carerIds = writeCarers(ctx, familyName);
  const referralId = writeReferrals(ctx);
  const episode = writeEpisode(ctx, referralId, seed);
  ctx.episodeId = episode?.episodeId;
  writeContacts(ctx, episode && { episodeId: episode.episodeId, referralId });
  writeAdmissionsAndMha(ctx);
  const conditionIds = writeDiagnoses(ctx);
  const { prescriptions } = writeMedicines(ctx);
  // Its own stream: agreements change nothing else generated for the person.
  writeSharedCare(ctx, new Random(seed, index, 'shared-care'), prescriptions);
  writePhysicalHealth(ctx, seed);
  writeOutcomes(ctx);
  writeCarePlans(ctx, episode?.careTeamId, conditionIds);
  writeFlags(ctx);
  // Its own stream, like shared care: these Flags change nothing else generated for the person.
  writeSocialNeeds(ctx, new Random(seed, index, 'social-needs'));
  writeCarerConcerns(ctx);
  writeConsent(ctx);
}
