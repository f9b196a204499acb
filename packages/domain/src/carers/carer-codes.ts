/**
 * The codes a carer's record uses (docs/fhir.md, "RelatedPerson"): who they are to the person
 * (HL7 v3 RoleCode), how involved they are (CS/carer-involvement) and what the person agrees may be
 * shared with them (CS/information-sharing). Labels are the words staff see.
 */

/** The relationships the form offers, with the v3 RoleCode that carries each. */
export const carerRelationships = {
  MTH: 'Mother',
  FTH: 'Father',
  SPS: 'Husband, wife or civil partner',
  SIGOTHR: 'Partner',
  DAU: 'Daughter',
  SON: 'Son',
  SIS: 'Sister',
  BRO: 'Brother',
  FAMMEMB: 'Other family member',
  FRND: 'Friend',
  NBOR: 'Neighbour',
} as const;

export type CarerRelationship = keyof typeof carerRelationships;

export const carerInvolvements = {
  involved: 'Involved in care and reviews',
  informed: 'Kept informed',
  'not-involved': 'Not involved, at the person’s wish',
} as const;

export type CarerInvolvement = keyof typeof carerInvolvements;

/** What the person agrees may be shared with this carer; concerns from a carer are always heard, whatever this says. */
export const informationSharingLevels = {
  full: 'Full: the person agrees their care may be discussed with this carer',
  limited: 'Limited: only what the person has agreed, such as appointments or the crisis plan',
  none: 'None: the person has not agreed to share information with this carer',
} as const;

export type InformationSharing = keyof typeof informationSharingLevels;

/** Why a carer is no longer involved (CS/carer-involvement-ended): kept so the record says why, not only when. */
export const carerInvolvementEndings = {
  'person-asked': 'The person asked that they are no longer involved',
  'carer-asked': 'The carer asked to step back',
  'no-longer-in-touch': 'No longer in touch with the person',
  died: 'The carer has died',
} as const;

export type CarerInvolvementEnding = keyof typeof carerInvolvementEndings;
