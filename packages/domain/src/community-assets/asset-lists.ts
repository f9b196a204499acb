/**
 * The declarative lists of the community assets directory (docs/community-assets.md), in one
 * place. Source: SPEC C13 and `001_*` appendix 2.5 (community assets and social prescribing: VCSE
 * services, housing, employment support such as Individual Placement and Support, peer support,
 * recovery colleges, faith and community groups); needs from the social needs the intensive and
 * assertive care cohort names in `003_*` chapter 2 (housing, money, substance use, isolation, carers).
 */
export const assetKinds = {
  vcse: 'Voluntary, community or social enterprise service',
  housing: 'Housing support',
  employment: 'Employment support (such as IPS)',
  'peer-support': 'Peer support',
  'recovery-college': 'Recovery college',
  'faith-community': 'Faith or community group',
} as const;

export const assetNeeds = {
  housing: 'Housing',
  'money-debt': 'Money and debt',
  employment: 'Employment',
  'peer-support': 'Peer support',
  loneliness: 'Loneliness and isolation',
  'substance-use': 'Substance use',
  'physical-activity': 'Physical activity',
  education: 'Education and learning',
  'faith-culture': 'Faith and culture',
  'carers-support': 'Carers’ support',
  'crisis-safety': 'Crisis and safety',
  'food-essentials': 'Food and essentials',
} as const;

/** What a place offers so that someone can get in and take part (Equality Act 2010 reasonable adjustments). */
export const assetAccessibility = {
  'step-free': 'Step-free access',
  'accessible-toilet': 'Accessible toilet',
  'hearing-loop': 'Hearing loop',
  bsl: 'British Sign Language',
  'easy-read': 'Easy read information',
  'quiet-space': 'Quiet space',
  'online-or-phone': 'Online or by phone',
} as const;

export type AssetKind = keyof typeof assetKinds;
export type AssetNeed = keyof typeof assetNeeds;
export type AssetAccessibility = keyof typeof assetAccessibility;
