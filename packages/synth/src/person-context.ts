import type { Faker } from '@faker-js/faker';
import type { Calendar } from './calendar/calendar.ts';
import type { Ref } from './fhir.ts';
import type { Profile } from './people/profile.ts';
import type { Random } from './random/random.ts';
import type { Services } from './services/organisation.ts';
import type { Resource } from './writer/ndjson-writer.ts';

/** What every record builder gets for one person: their story, their randomness, and where records go. */
export interface PersonContext {
  p: Profile;
  rnd: Random;
  cal: Calendar;
  services: Services;
  faker: Faker;
  patient: Ref;
  /** The person's episode of care, once written. */
  episodeId?: string;
  emit: (resource: Resource) => void;
  /** Next sequence number for ids of one kind ("enc" -> p000001-enc-3). */
  nextId: (kind: string) => string;
}
