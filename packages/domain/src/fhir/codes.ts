/**
 * Code lists the person record shows in words. Sources: NHS Data Dictionary
 * (ETHNIC CATEGORY, SEXUAL ORIENTATION CODE (2015), GENDER IDENTITY CODE, DISABILITY CODE,
 * ACCOMMODATION STATUS as grouped for MHSDS).
 */
export const ethnicCategories: Record<string, { label: string; group: string }> = {
  A: { label: 'White - British', group: 'White' },
  B: { label: 'White - Irish', group: 'White' },
  C: { label: 'White - Any other White background', group: 'White' },
  D: { label: 'Mixed - White and Black Caribbean', group: 'Mixed' },
  E: { label: 'Mixed - White and Black African', group: 'Mixed' },
  F: { label: 'Mixed - White and Asian', group: 'Mixed' },
  G: { label: 'Mixed - Any other mixed background', group: 'Mixed' },
  H: { label: 'Asian or Asian British - Indian', group: 'Asian or Asian British' },
  J: { label: 'Asian or Asian British - Pakistani', group: 'Asian or Asian British' },
  K: { label: 'Asian or Asian British - Bangladeshi', group: 'Asian or Asian British' },
  L: { label: 'Asian or Asian British - Any other Asian background', group: 'Asian or Asian British' },
  M: { label: 'Black or Black British - Caribbean', group: 'Black or Black British' },
  N: { label: 'Black or Black British - African', group: 'Black or Black British' },
  P: { label: 'Black or Black British - Any other Black background', group: 'Black or Black British' },
  R: { label: 'Other Ethnic Groups - Chinese', group: 'Other ethnic groups' },
  S: { label: 'Other Ethnic Groups - Any other ethnic group', group: 'Other ethnic groups' },
  Z: { label: 'Not stated', group: 'Not stated' },
  '99': { label: 'Not known', group: 'Not known' },
};

export const sexualOrientations: Record<string, string> = {
  '1': 'Heterosexual or Straight',
  '2': 'Gay or Lesbian',
  '3': 'Bisexual',
  '4': 'Other sexual orientation not listed',
  U: 'Person asked and does not know or is not sure',
  Z: 'Not stated (person asked but declined to provide a response)',
  '9': 'Not known (not recorded)',
};

export const genderIdentities: Record<string, string> = {
  '1': 'Male (including trans man)',
  '2': 'Female (including trans woman)',
  '3': 'Non-binary',
  '4': 'Other (not listed)',
  X: 'Not known',
  Z: 'Not stated',
};

export const disabilities: Record<string, string> = {
  '01': 'Behaviour and emotional',
  '02': 'Hearing',
  '03': 'Manual dexterity',
  '04': 'Learning disability',
  '05': 'Mobility and gross motor',
  '06': 'Perception of physical danger',
  '07': 'Personal, self care and continence',
  '08': 'Progressive conditions and physical health',
  '09': 'Sight',
  '10': 'Speech',
  XX: 'Other',
  NN: 'No disability',
  ZZ: 'Not stated',
};

export const religions: Record<string, string> = {
  none: 'No religion',
  christian: 'Christian',
  muslim: 'Muslim',
  hindu: 'Hindu',
  sikh: 'Sikh',
  jewish: 'Jewish',
  buddhist: 'Buddhist',
  other: 'Other religion or belief',
  declined: 'Declined to say',
};

export const accommodationStatuses: Record<string, { label: string; unstable: boolean }> = {
  'owner-occupier': { label: 'Owner occupier', unstable: false },
  'settled-tenant': { label: 'Settled tenancy', unstable: false },
  'with-family': { label: 'Living with family or friends', unstable: false },
  'supported-accommodation': { label: 'Supported accommodation', unstable: false },
  'temporary-accommodation': { label: 'Temporary accommodation', unstable: true },
  'sofa-surfing': { label: 'Sofa surfing', unstable: true },
  homeless: { label: 'Homeless', unstable: true },
  'rough-sleeping': { label: 'Rough sleeping', unstable: true },
  prison: { label: 'In prison', unstable: true },
  unknown: { label: 'Not known', unstable: false },
};

/** Organisation types the platform distinguishes; teams are Organizations with a team type. */
export const organisationTypes = {
  trust: 'Mental health trust',
  icb: 'Integrated care board',
  'gp-practice': 'GP practice',
  cmht: 'Community mental health team',
  eip: 'Early intervention in psychosis team',
  aot: 'Assertive outreach team',
  rehab: 'Rehabilitation team',
  crisis: 'Crisis resolution and home treatment team',
  vcse: 'Voluntary, community or social enterprise organisation',
  police: 'Police',
  housing: 'Housing provider',
  'local-authority': 'Local authority',
} as const;
export type OrganisationType = keyof typeof organisationTypes;
export const teamTypes: readonly OrganisationType[] = ['cmht', 'eip', 'aot', 'rehab', 'crisis'];

export const contactModes = {
  clinic: 'Clinic',
  'home-visit': 'Home visit',
  outreach: 'Community outreach',
  phone: 'Telephone',
  video: 'Video',
} as const;

export const staffRoles = {
  'care-coordinator': 'Care coordinator',
  'team-manager': 'Team manager',
  psychiatrist: 'Psychiatrist',
  'nurse-prescriber': 'Nurse prescriber',
  pharmacist: 'Pharmacist',
  'support-worker': 'Support worker',
  psychologist: 'Psychologist',
} as const;

/** HL7 v3 RoleCode personal relationships, for RelatedPerson.relationship sent without a display. */
export const personalRelationships: Record<string, string> = {
  MTH: 'Mother',
  FTH: 'Father',
  PRN: 'Parent',
  SPS: 'Spouse',
  HUSB: 'Husband',
  WIFE: 'Wife',
  DOMPART: 'Domestic partner',
  SIGOTHR: 'Significant other',
  SIS: 'Sister',
  BRO: 'Brother',
  SIB: 'Sibling',
  DAU: 'Daughter',
  SON: 'Son',
  CHILD: 'Child',
  GRMTH: 'Grandmother',
  GRFTH: 'Grandfather',
  AUNT: 'Aunt',
  UNCLE: 'Uncle',
  COUSN: 'Cousin',
  FRND: 'Friend',
  NBOR: 'Neighbour',
  FAMMEMB: 'Family member',
};
