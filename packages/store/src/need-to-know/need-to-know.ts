import { needToKnowPlans, personHistory, system, type NeedToKnowPlans, type RestrictedFlagView } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadHistorySources } from '../history/history-sources.ts';
import type { LegalStatusEntry } from '../mha/mha-record.ts';
import type { PersonMedicine } from '../medicines/person-medicines.ts';
import { getPersonRecord, type PersonRecord } from '../people/person-record.ts';

type R = Record<string, any>;

/** Whom to call: the team holding the person and their key worker, with the phone numbers on record. */
export interface NeedToKnowTeam {
  episodeId: string;
  team: string | null;
  teamPhone: string | null;
  keyWorker: string | null;
  keyWorkerPhone: string | null;
  intensity: string | null;
}

export interface NeedToKnow extends NeedToKnowPlans {
  person: Pick<PersonRecord, 'id' | 'nhsNumber' | 'name' | 'birthDate' | 'phone' | 'postcode' | 'deceasedAt'> & { accommodation: string };
  teams: NeedToKnowTeam[];
  /** Carers and family, with what the person agrees may be shared with them. */
  carers: PersonRecord['carers'];
  /** Prescribed now, as the medicines section of the record shows them. */
  medicines: PersonMedicine[];
  /** In force now: detention, CTO (with its conditions), section 117 aftercare. */
  legalStatuses: LegalStatusEntry[];
}

const OPEN_EPISODE = ['planned', 'waitlist', 'active', 'onhold'];
const planCategories = ['crisis-plan', 'risk-formulation'].map((code) => JSON.stringify({ category: [{ coding: [{ system: system.carePlanCategory, code }] }] }));

/** Phone numbers of staff and teams, by reference ("Practitioner/kw-1"). */
export async function phonesOf(db: Kysely<Database>, references: ReadonlyArray<string | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(references.filter((r): r is string => Boolean(r)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('shared_record')
    .select(['resource_type', 'id', 'resource'])
    .where('resource_type', 'in', ['Organization', 'Practitioner'])
    .where('id', 'in', wanted.map((r) => r.slice(r.indexOf('/') + 1)))
    .execute();
  const phones = new Map<string, string>();
  for (const row of rows) {
    const phone = ((row.resource as R).telecom as R[] | undefined)?.find((t) => t.system === 'phone')?.value as string | undefined;
    const reference = `${row.resource_type}/${row.id}`;
    if (phone && wanted.includes(reference)) phones.set(reference, phone);
  }
  return phones;
}

/**
 * One person's crisis "need to know" page (docs/crisis-need-to-know.md): who they are, the relapse
 * signature, crisis plan and risk formulation, whom to call, what they take, their legal status and
 * what must not be missed. Read through the record's, the history's and the medicines' own readers.
 */
export async function loadNeedToKnow(db: Kysely<Database>, personId: string, asOf: string, flagView: RestrictedFlagView): Promise<NeedToKnow | undefined> {
  const [record, sources, plans] = await Promise.all([
    getPersonRecord(db, personId, flagView),
    loadHistorySources(db, personId, asOf, flagView),
    db
      .selectFrom('record')
      .select('resource')
      .where('person_id', '=', personId)
      .where('resource_type', '=', 'CarePlan')
      .where(sql<boolean>`(resource @> ${planCategories[0]}::jsonb OR resource @> ${planCategories[1]}::jsonb)`)
      .execute(),
  ]);
  if (!record) return undefined;
  const ofType = (type: string) => sources.records.filter((r) => r.resourceType === type).map((r) => r.resource);
  const episodes = ofType('EpisodeOfCare');
  const open = episodes.filter((e) => OPEN_EPISODE.includes(e.status));
  const phones = await phonesOf(db, open.flatMap((e) => [e.managingOrganization?.reference, e.careManager?.reference]));
  const history = personHistory(sources, asOf);
  return {
    person: {
      id: record.id,
      nhsNumber: record.nhsNumber,
      name: record.name,
      birthDate: record.birthDate,
      phone: record.phone,
      postcode: record.postcode,
      deceasedAt: record.deceasedAt,
      accommodation: record.accommodation.label,
    },
    ...needToKnowPlans(plans.map((p) => p.resource as R), episodes, ofType('Flag'), history.events),
    teams: open.map((e) => {
      const shown = record.episodes.find((x) => x.id === e.id);
      return {
        episodeId: e.id,
        team: shown?.team ?? null,
        teamPhone: phones.get(e.managingOrganization?.reference) ?? null,
        keyWorker: shown?.keyWorker ?? null,
        keyWorkerPhone: phones.get(e.careManager?.reference) ?? null,
        intensity: shown?.intensity ?? null,
      };
    }),
    carers: record.carers,
    medicines: sources.medicines.filter((m) => m.current),
    legalStatuses: sources.legalStatuses.filter((s) => s.current),
  };
}
