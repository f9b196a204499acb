import type { DiagnosisGroup } from '@continuity/domain';
import type { TeamType } from '../services/team-plan.ts';
import type { Team, StaffMember } from '../services/organisation.ts';
import type { EthnicCategory } from './characteristics.ts';

export type PathwayStage = 'waiting' | 'open' | 'discharged';
export type CareIntensity = 'standard' | 'intensive' | 'assertive';
export type Engagement = 'engaged' | 'disengaging';

/**
 * The decisions that shape one person's story, made first so every record about them agrees:
 * who they are, which team holds them, what is wrong, how engaged they are. Days are calendar
 * day numbers (see Calendar).
 */
export interface Profile {
  index: number;
  id: string;
  sex: 'male' | 'female';
  birthDay: number;
  ageYears: number;
  ethnicCategory: EthnicCategory;
  black: boolean;
  unstableHousing: boolean;
  accommodation: string | undefined;
  gpPracticeId: string;
  teamType: TeamType;
  team: Team;
  keyWorker: StaffMember;
  prescriber: StaffMember;
  stage: PathwayStage;
  intensity: CareIntensity;
  diagnosis: DiagnosisGroup;
  substanceUse: boolean;
  engagement: Engagement;
  /** Day of the referral this episode came from. */
  referralDay: number;
  /** First contact (assessment) and start of the episode; undefined while waiting. */
  episodeStart?: number;
  episodeEnd?: number;
  /** The day the person died, for the few who have; their last episode ended then. */
  deceasedDay?: number;
  /** The last day anything can be recorded about them: death, or as-of. */
  lastDay: number;
  /** For disengaging people: the day things started to slip. */
  disengagedFrom?: number;
  familyName: string;
  carerIds: string[];
}
