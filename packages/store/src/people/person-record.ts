import {
  accommodationStatuses,
  conceptText,
  disabilities,
  ethnicCategories,
  extension,
  genderIdentities,
  personalRelationships,
  religions,
  sexualOrientations,
  system,
  type RestrictedFlagView,
} from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadNames, referencesIn } from './names.ts';
import { pendingTransferMarks, type PendingTransferMark } from '../transfer/transfers-of-care.ts';
import { forReader } from './restricted-rows.ts';

type R = Record<string, any>;

/** A coded characteristic with its words; null code means not recorded. */
export interface Characteristic {
  code: string | null;
  label: string;
}

export interface PersonRecord {
  id: string;
  nhsNumber: string | null;
  name: { family: string | null; given: string | null };
  birthDate: string | null;
  gender: string | null;
  deceasedAt: string | null;
  postcode: string | null;
  phone: string | null;
  characteristics: {
    ethnicCategory: Characteristic;
    sexualOrientation: Characteristic;
    genderIdentity: Characteristic;
    religion: Characteristic;
    disabilities: Characteristic[];
    firstLanguage: string | null;
    interpreterRequired: boolean | null;
  };
  accommodation: Characteristic & { unstable: boolean };
  gpPractice: { id: string; name: string; odsCode: string | null } | null;
  /** version: the stored version of the episode, which a discharge must name (a concurrent change is not overwritten). */
  /** transferPending: present while a transfer of the episode waits for the receiving side. */
  episodes: Array<{ id: string; version: number; status: string; team: string | null; teamId: string | null; keyWorker: string | null; start: string | null; end: string | null; intensity: string | null; transferPending?: PendingTransferMark }>;
  carers: Array<{ id: string; name: string; relationship: string | null; phone: string | null; involvement: string | null; sharing: string | null; mainCarer: boolean }>;
  conditions: Array<{ id: string; text: string; code: string | null; onset: string | null; clinicalStatus: string | null }>;
  flags: Array<{ id: string; text: string; since: string | null }>;
}

const NOT_RECORDED = 'Not recorded';
const characteristic = (code: string | null, labels: Record<string, string>): Characteristic => ({
  code,
  label: code === null ? NOT_RECORDED : (labels[code] ?? code),
});

/** flagView: what the reader may see of restricted (MARAC, MAPPA) flags (domain restricted-flags.ts). */
export async function getPersonRecord(db: Kysely<Database>, personId: string, flagView: RestrictedFlagView): Promise<PersonRecord | undefined> {
  const person = await db.selectFrom('person').selectAll().where('person_id', '=', personId).executeTakeFirst();
  if (!person) return undefined;
  const rows = forReader(
    await db
      .selectFrom('record')
      .select(['resource_type', 'id', 'resource', 'status', 'occurred_at', 'version_id'])
      .where('person_id', '=', personId)
      .where('resource_type', 'in', ['EpisodeOfCare', 'RelatedPerson', 'Condition', 'Flag'])
      .orderBy('occurred_at', (ob) => ob.desc().nullsLast())
      .execute(),
    flagView,
  );
  const gpRow = person.gp_practice_id
    ? await db.selectFrom('shared_record').select('resource').where('resource_type', '=', 'Organization').where('id', '=', person.gp_practice_id).executeTakeFirst()
    : undefined;
  const [names, transfers] = await Promise.all([loadNames(db, referencesIn(rows.map((r) => r.resource))), pendingTransferMarks(db, [personId])]);
  const nameOf = (reference: string | undefined) => (reference ? (names.get(reference) ?? null) : null);
  const ofType = (type: string) => rows.filter((r) => r.resource_type === type).map((r) => r.resource as R);
  const accommodationCode = person.accommodation_status;
  const accommodation = accommodationCode ? accommodationStatuses[accommodationCode] : undefined;
  const gp = gpRow?.resource as R | undefined;

  return {
    id: person.person_id,
    nhsNumber: person.nhs_number,
    name: { family: person.family_name, given: person.given_names },
    birthDate: person.birth_date,
    gender: person.gender,
    deceasedAt: person.deceased_at ? new Date(person.deceased_at).toISOString() : null,
    postcode: person.postcode,
    phone: person.phone,
    characteristics: {
      ethnicCategory: characteristic(person.ethnic_category, Object.fromEntries(Object.entries(ethnicCategories).map(([k, v]) => [k, v.label]))),
      sexualOrientation: characteristic(person.sexual_orientation, sexualOrientations),
      genderIdentity: characteristic(person.gender_identity, genderIdentities),
      religion: characteristic(person.religion, religions),
      disabilities: person.disabilities.map((code) => characteristic(code, disabilities)),
      firstLanguage: person.first_language,
      interpreterRequired: person.interpreter_required,
    },
    accommodation: {
      code: accommodationCode,
      label: accommodationCode === null ? NOT_RECORDED : (accommodation?.label ?? accommodationCode),
      unstable: accommodation?.unstable ?? false,
    },
    gpPractice: gp
      ? { id: gp.id, name: gp.name ?? gp.id, odsCode: (gp.identifier as R[] | undefined)?.find((i) => i.system === system.odsOrganisation)?.value ?? null }
      : null,
    episodes: ofType('EpisodeOfCare').map((e) => ({
      id: e.id,
      version: rows.find((r) => r.resource_type === 'EpisodeOfCare' && r.id === e.id)!.version_id,
      status: e.status,
      team: nameOf(e.managingOrganization?.reference),
      teamId: e.managingOrganization?.reference?.replace(/^Organization\//, '') ?? null,
      keyWorker: nameOf(e.careManager?.reference),
      start: e.period?.start ?? null,
      end: e.period?.end ?? null,
      intensity: (e.type as R[] | undefined)?.flatMap((t) => t.coding ?? []).find((c: R) => c.system === system.careIntensity)?.code ?? null,
      ...(transfers.has(`${personId}/${e.id}`) ? { transferPending: transfers.get(`${personId}/${e.id}`)! } : {}),
    })),
    // Carers now involved: one whose involvement ended is not someone to ring (the carers section still lists them).
    carers: ofType('RelatedPerson').filter((c) => c.active !== false).map((c) => ({
      id: c.id,
      name: [c.name?.[0]?.given?.join(' '), c.name?.[0]?.family].filter(Boolean).join(' ') || 'Unnamed',
      relationship: relationshipText(c.relationship?.[0]),
      phone: (c.telecom as R[] | undefined)?.find((t) => t.system === 'phone')?.value ?? null,
      involvement: extensionCode(c, extension.carerInvolvement),
      sharing: extensionCode(c, extension.informationSharing),
      mainCarer: (c.extension as R[] | undefined)?.find((x) => x.url === extension.isMainCarer)?.valueBoolean === true,
    })),
    conditions: ofType('Condition').map((c) => ({
      id: c.id,
      text: conceptText(c.code) ?? 'Not coded',
      code: (c.code?.coding as R[] | undefined)?.find((x) => x.system === system.icd10)?.code ?? c.code?.coding?.[0]?.code ?? null,
      onset: c.onsetDateTime ?? c.recordedDate ?? null,
      clinicalStatus: c.clinicalStatus?.coding?.[0]?.code ?? null,
    })),
    flags: ofType('Flag')
      .filter((f) => f.status === 'active')
      .map((f) => ({ id: f.id, text: conceptText(f.code) ?? 'Flag', since: f.period?.start ?? null })),
  };
}

function extensionCode(resource: R, url: string): string | null {
  const ext = (resource.extension as R[] | undefined)?.find((x) => x.url === url);
  return ext?.valueCodeableConcept?.coding?.[0]?.code ?? ext?.valueCode ?? conceptText(ext?.valueCodeableConcept) ?? null;
}

/** The relationship in words: as sent, or from the v3 RoleCode when only the code came. */
function relationshipText(concept: R | undefined): string | null {
  if (!concept) return null;
  if (concept.text) return concept.text;
  const coding = (concept.coding as R[] | undefined)?.find((c) => c.display || (c.system === system.v3RoleCode && personalRelationships[c.code]));
  return coding?.display ?? (coding ? personalRelationships[coding.code]! : (conceptText(concept) ?? null));
}
