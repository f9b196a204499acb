import type { RuleSource } from '../engagement/engagement-rules.ts';
import { system } from '../fhir/systems.ts';
import { roles, type Role } from './roles.ts';

/**
 * Multi-agency public protection flags (MARAC, MAPPA) and who may read them. What the meetings
 * share is shared for one purpose, with the agencies at the table; a mental health service passes it
 * on only to those who act on it for this person. Everyone else entitled to the record learns that a
 * restricted flag exists and whom to ask, never what it says.
 */
export const restrictedFlagRules = {
  /** Flag.code codes (system.redFlag) whose content is restricted (clinical-codes.ts redFlags). */
  codes: ['marac', 'mappa'] as readonly string[],
  /** Read the content: these roles, when their relationship with the person is one of these bases. */
  content: {
    roles: ['key-worker', 'team-manager', 'prescriber'] as readonly Role[],
    bases: ['key-worker', 'team'] as readonly string[],
  },
  /**
   * Every other clinical reader (the crisis line on any basis, anyone through break-glass, a team
   * manager reading another team's list) sees that the flag exists and whom to ask. Roles that are
   * not clinical (partner agencies, the board, administrators) see nothing of it until an
   * information-sharing agreement says otherwise.
   */
  withheldText: 'Restricted multi-agency flag: ask the key worker or team manager',
  /** The same, mid-sentence (a worklist reason's evidence). */
  withheldWords: 'a restricted multi-agency flag (ask the key worker or team manager)',
  /** The code a withheld flag is served with (system.redFlag), in place of marac or mappa. */
  withheldCode: 'restricted-multi-agency',
  sources: [
    { source: 'MAPPA Guidance (Ministry of Justice, 2024), chapter 9 "Information sharing"', says: 'information shared at MAPPA meetings is for the purpose of managing risk and must not be disclosed further without the agreement of the agency that provided it; it is shared with those who need it to manage the case' },
    { source: 'SafeLives, MARAC guidance: "Principles of information sharing at MARAC"', says: 'information shared at the MARAC is confidential and used only for the purpose of safety planning; it is passed on only to those who need it to keep the victim safe' },
    { source: 'Caldicott Principles (National Data Guardian, 2020), principles 2, 3 and 4', says: 'use confidential information only when necessary, the minimum necessary, and access on a strict need-to-know basis' },
    { source: 'issue 9', says: 'MARAC/MAPPA flags are visible only to roles entitled to them' },
  ] satisfies RuleSource[],
} as const;

/** What a reader sees of a restricted flag: all of it, that it exists, or nothing. */
export type RestrictedFlagView = 'content' | 'existence' | 'none';

/** The reader: their role, and the basis on which they read this person's record ('none' for no relationship). */
export interface FlagReader {
  role: Role;
  basis: string;
}

export function restrictedFlagView(reader: FlagReader): RestrictedFlagView {
  if (!roles[reader.role].clinical) return 'none';
  const { content } = restrictedFlagRules;
  if (content.roles.includes(reader.role) && content.bases.includes(reader.basis)) return 'content';
  return 'existence';
}

type Resource = Record<string, any>;

/** Whether a FHIR resource is a Flag coded (system.redFlag) as one the rules restrict. */
export function isRestrictedFlag(resource: Resource | null | undefined): boolean {
  if (resource?.resourceType !== 'Flag') return false;
  const codings = (resource.code?.coding ?? []) as Resource[];
  return codings.some((c) => c?.system === system.redFlag && restrictedFlagRules.codes.includes(c.code));
}

/**
 * A Flag as this reader may see it: as it is (unrestricted, or the reader is entitled); for
 * 'existence', the same Flag (id, status, period, subject) with its code, text and everything else
 * it says replaced by the withheld words and marked REDACTED (HL7 v3 ObservationValue) in
 * meta.security; for 'none', undefined.
 */
export function flagForReader<T extends Resource>(resource: T, view: RestrictedFlagView): T | undefined {
  if (view === 'content' || !isRestrictedFlag(resource)) return resource;
  if (view === 'none') return undefined;
  const { withheldCode, withheldText } = restrictedFlagRules;
  const withheld: Resource = {
    resourceType: 'Flag',
    id: resource.id,
    ...(resource.meta ? { meta: { ...resource.meta, security: [...(resource.meta.security ?? []), redacted] } } : { meta: { security: [redacted] } }),
    status: resource.status,
    ...(resource.category ? { category: resource.category } : {}),
    code: { coding: [{ system: system.redFlag, code: withheldCode, display: withheldText }], text: withheldText },
    subject: resource.subject,
    ...(resource.period ? { period: resource.period } : {}),
  };
  return withheld as T;
}

/** HL7 v3 ObservationValue REDACTED: parts of this resource were removed for the reader. */
const redacted = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED', display: 'redacted' } as const;

/** The resources as this reader may see them, and the ids of the restricted flags withheld from them (for the audit). */
export function resourcesForReader<T extends Resource>(resources: readonly T[], view: RestrictedFlagView): { shown: T[]; withheld: string[] } {
  const shown: T[] = [];
  const withheld: string[] = [];
  for (const resource of resources) {
    const seen = flagForReader(resource, view);
    if (seen !== resource) withheld.push(String(resource.id));
    if (seen) shown.push(seen);
  }
  return { shown, withheld };
}

/** Flag facts (code and dates) with restricted codes replaced by the withheld code, for rules evaluated for a reader entitled only to their existence. */
export function withheldFlagCodes<T extends { code: string }>(flags: readonly T[]): T[] {
  return flags.map((f) => (restrictedFlagRules.codes.includes(f.code) ? { ...f, code: restrictedFlagRules.withheldCode } : f));
}
