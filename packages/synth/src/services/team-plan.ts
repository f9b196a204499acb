import type { OrganisationType } from '@continuity/domain';

export type TeamType = 'cmht' | 'eip' | 'aot' | 'rehab' | 'crisis';

/**
 * How the population is spread across team types, and how big teams and caseloads are. Core
 * CMHTs hold most people; early intervention (EIP) and assertive outreach (AOT) keep small
 * caseloads by design (004_* §28; 003_*: 10-12 per key worker for intensive and assertive care);
 * core CMHT care coordinators hold about 25-35.
 */
export const teamPlan: Record<TeamType, { share: number; peoplePerTeam: number; minTeams: number; caseload: number; label: string }> = {
  cmht: { share: 0.68, peoplePerTeam: 900, minTeams: 3, caseload: 30, label: 'Community Mental Health Team' },
  eip: { share: 0.12, peoplePerTeam: 350, minTeams: 1, caseload: 15, label: 'Early Intervention in Psychosis Team' },
  aot: { share: 0.06, peoplePerTeam: 150, minTeams: 1, caseload: 12, label: 'Assertive Outreach Team' },
  rehab: { share: 0.06, peoplePerTeam: 200, minTeams: 1, caseload: 18, label: 'Community Rehabilitation Team' },
  crisis: { share: 0.08, peoplePerTeam: 400, minTeams: 1, caseload: 12, label: 'Crisis Resolution and Home Treatment Team' },
};

export const teamTypesInOrder: readonly TeamType[] = ['cmht', 'eip', 'aot', 'rehab', 'crisis'];

/** Share of the population on an open caseload at as-of (the rest wait, or were discharged). */
export const OPEN_SHARE = 0.72;

/** Team names by locality, for readable CMHTs ("Bristol North CMHT"). */
export const localities = [
  'Bristol North', 'Bristol South', 'Bristol Central', 'Bristol East', 'Weston', 'South Gloucestershire', 'North Somerset',
  'Kingswood', 'Yate', 'Clevedon', 'Portishead', 'Filton',
] as const;

export const organisationTypeOf = (team: TeamType): OrganisationType => team;
