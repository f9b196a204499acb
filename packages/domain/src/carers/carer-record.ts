import { londonToday } from '../engagement/london-calendar.ts';
import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { carerInvolvementEndings, carerInvolvements, carerRelationships, informationSharingLevels, type CarerInvolvement, type CarerInvolvementEnding, type CarerRelationship, type InformationSharing } from './carer-codes.ts';

/** A carer as staff enter them, before they are checked. */
export interface CarerEntry {
  /** The resource id: made by the form when it opens, so sending it twice records one carer. */
  id: string;
  personId: string;
  relationship: string;
  /** Given names, as the carer gives them; may be unknown ("Mrs Shah"). */
  givenName?: string | null;
  familyName: string;
  phone?: string | null;
  involvement: string;
  sharing: string;
  mainCarer: boolean;
}

export interface CarerProblem {
  field: 'relationship' | 'givenName' | 'familyName' | 'phone' | 'involvement' | 'sharing' | 'carer' | 'mainCarer' | 'date' | 'reason';
  message: string;
}

export type CarerOutcome = { ok: true; resource: AnyResource } | { ok: false; problems: CarerProblem[] };

/** A carer as the record shows them, read from a RelatedPerson (docs/fhir.md). */
export interface Carer {
  id: string;
  relationship: { code: string | null; label: string };
  name: string;
  phone: string | null;
  involvement: CarerInvolvement | null;
  sharing: InformationSharing | null;
  mainCarer: boolean;
  active: boolean;
  /** When and why their involvement ended, for a carer no longer involved. */
  ended: { date: string | null; reason: CarerInvolvementEnding | null } | null;
}

const NAME_MAX = 200;
/** A UK or international number as people write it: digits, spaces, brackets, dashes, a leading +. */
const PHONE = /^\+?[\d\s()-]+$/;

const oneOf = (codes: object) => `must be one of: ${Object.keys(codes).join(', ')}`;

/**
 * Checks a new carer and, when sound, turns them into the RelatedPerson docs/fhir.md describes:
 * relationship (v3 RoleCode), name, phone, and the involvement, information-sharing and main-carer
 * extensions, active from today. Every problem names its field.
 */
export function recordCarer(entry: CarerEntry, now: Date = new Date()): CarerOutcome {
  const problems: CarerProblem[] = [];
  const given = entry.givenName?.trim() || undefined;
  const family = entry.familyName.trim();
  const phone = entry.phone?.trim() || undefined;
  if (!Object.hasOwn(carerRelationships, entry.relationship)) problems.push({ field: 'relationship', message: oneOf(carerRelationships) });
  if (family === '') problems.push({ field: 'familyName', message: 'is needed: the carer’s last name as they give it' });
  else if (family.length > NAME_MAX) problems.push({ field: 'familyName', message: `must be at most ${NAME_MAX} characters` });
  if (given !== undefined && given.length > NAME_MAX) problems.push({ field: 'givenName', message: `must be at most ${NAME_MAX} characters` });
  const digits = phone?.replace(/\D/g, '').length ?? 0;
  if (phone !== undefined && (!PHONE.test(phone) || digits < 10 || digits > 15)) problems.push({ field: 'phone', message: 'must be a phone number of 10 to 15 digits, for example 07700 900123' });
  if (!Object.hasOwn(carerInvolvements, entry.involvement)) problems.push({ field: 'involvement', message: oneOf(carerInvolvements) });
  if (!Object.hasOwn(informationSharingLevels, entry.sharing)) problems.push({ field: 'sharing', message: oneOf(informationSharingLevels) });
  if (problems.length > 0) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a carer id must be a FHIR id');

  const relationship = entry.relationship as CarerRelationship;
  const resource: AnyResource = {
    resourceType: 'RelatedPerson',
    id: entry.id,
    extension: [
      { url: extension.carerInvolvement, valueCodeableConcept: { coding: [{ system: system.carerInvolvement, code: entry.involvement, display: carerInvolvements[entry.involvement as CarerInvolvement] }] } },
      sharingExtension(entry.sharing as InformationSharing),
      { url: extension.isMainCarer, valueBoolean: entry.mainCarer },
    ],
    active: true,
    patient: { reference: `Patient/${entry.personId}` },
    relationship: [{ coding: [{ system: system.v3RoleCode, code: relationship, display: carerRelationships[relationship] }] }],
    name: [{ family, ...(given ? { given: [given] } : {}) }],
    ...(phone ? { telecom: [{ system: 'phone', value: phone }] } : {}),
    period: { start: londonToday(now) },
  };
  return { ok: true, resource };
}

/**
 * The same RelatedPerson with what the person now agrees to share with this carer; everything
 * else as it was. Refused when the record is not a carer of this person.
 */
export function changeSharing(carer: AnyResource, sharing: string): CarerOutcome {
  if (!Object.hasOwn(informationSharingLevels, sharing)) return { ok: false, problems: [{ field: 'sharing', message: oneOf(informationSharingLevels) }] };
  const others = ((carer.extension as Array<{ url: string }> | undefined) ?? []).filter((e) => e.url !== extension.informationSharing);
  return { ok: true, resource: { ...carer, extension: [...others, sharingExtension(sharing as InformationSharing)] } };
}

function sharingExtension(sharing: InformationSharing) {
  return { url: extension.informationSharing, valueCodeableConcept: { coding: [{ system: system.informationSharing, code: sharing, display: informationSharingLevels[sharing].split(':')[0] }] } };
}

type Coded = { coding?: Array<{ system?: string; code?: string; display?: string }>; text?: string };
type Extension = { url: string; valueCodeableConcept?: Coded; valueBoolean?: boolean };

/** A RelatedPerson as the record shows it, whether written here or imported. */
export function readCarer(resource: Record<string, unknown>): Carer {
  const r = resource as { id: string; active?: boolean; period?: { end?: string }; extension?: Extension[]; relationship?: Coded[]; name?: Array<{ text?: string; given?: string[]; family?: string; prefix?: string[] }>; telecom?: Array<{ system?: string; value?: string }> };
  const ext = (url: string) => r.extension?.find((e) => e.url === url);
  const codeIn = <T extends object>(url: string, codeSystem: string, codes: T) => {
    const code = ext(url)?.valueCodeableConcept?.coding?.find((c) => c.system === codeSystem)?.code;
    return code !== undefined && Object.hasOwn(codes, code) ? (code as keyof T) : null;
  };
  const relationship = r.relationship?.flatMap((c) => c.coding ?? []).find((c) => c.system === system.v3RoleCode);
  const code = relationship?.code ?? null;
  const label = code && Object.hasOwn(carerRelationships, code) ? carerRelationships[code as CarerRelationship] : (relationship?.display ?? r.relationship?.[0]?.text ?? 'Relationship not recorded');
  const name = r.name?.[0];
  return {
    id: r.id,
    relationship: { code, label },
    name: name?.text ?? ([...(name?.prefix ?? []), ...(name?.given ?? []), name?.family].filter(Boolean).join(' ') || 'Name not recorded'),
    phone: r.telecom?.find((t) => t.system === 'phone')?.value ?? null,
    involvement: codeIn(extension.carerInvolvement, system.carerInvolvement, carerInvolvements),
    sharing: codeIn(extension.informationSharing, system.informationSharing, informationSharingLevels),
    mainCarer: r.active !== false && ext(extension.isMainCarer)?.valueBoolean === true,
    active: r.active !== false,
    ended: r.active === false ? { date: r.period?.end?.slice(0, 10) ?? null, reason: codeIn(extension.carerInvolvementEnded, system.carerInvolvementEnded, carerInvolvementEndings) } : null,
  };
}
