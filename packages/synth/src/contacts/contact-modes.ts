import type { CareIntensity } from '../people/profile.ts';
import type { TeamType } from '../services/team-plan.ts';

export type ContactMode = 'clinic' | 'home-visit' | 'outreach' | 'phone' | 'video';

/** HL7 v3 ActCode encounter class for each mode: ambulatory, home health, field (outreach), virtual. */
export const encounterClass: Record<ContactMode, { code: string; display: string }> = {
  clinic: { code: 'AMB', display: 'ambulatory' },
  'home-visit': { code: 'HH', display: 'home health' },
  outreach: { code: 'FLD', display: 'field' },
  phone: { code: 'VR', display: 'virtual' },
  video: { code: 'VR', display: 'virtual' },
};

/**
 * How contact is made, by intensity of care: assertive outreach meets people where they are
 * (003_*), crisis teams visit at home, core teams mostly see people in clinic or by phone.
 */
export function modeWeights(team: TeamType, intensity: CareIntensity): Record<ContactMode, number> {
  if (team === 'crisis') return { clinic: 5, 'home-visit': 70, outreach: 0, phone: 25, video: 0 };
  if (intensity === 'assertive') return { clinic: 10, 'home-visit': 40, outreach: 35, phone: 15, video: 0 };
  if (intensity === 'intensive') return { clinic: 25, 'home-visit': 40, outreach: 10, phone: 20, video: 5 };
  return { clinic: 45, 'home-visit': 20, outreach: 5, phone: 22, video: 8 };
}

/**
 * The care plan's contact frequency: the longest the team means to go without seeing the person.
 * Intensive and assertive care is at least weekly (003_*: "a minimum of one or two contacts per
 * person per week"); crisis teams visit every day or two.
 */
export function contactIntervalDays(team: TeamType, intensity: CareIntensity): number {
  if (team === 'crisis') return 2;
  if (intensity === 'assertive' || intensity === 'intensive') return 7;
  if (team === 'eip' || team === 'rehab') return 14;
  return 28;
}

/** How far back appointments are generated: enough history to see patterns, bounded so a population of a million stays near 20 million contacts. */
export function historyWindowDays(intensity: CareIntensity): number {
  return intensity === 'assertive' ? 120 : intensity === 'intensive' ? 150 : 365;
}
