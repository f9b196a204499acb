import type { DiagnosisGroup } from '@continuity/domain';
import type { Calendar } from '../calendar/calendar.ts';
import { DAYS_PER_YEAR } from '../calendar/calendar.ts';
import type { Random } from '../random/random.ts';
import type { Services } from '../services/organisation.ts';
import { teamPlan, type TeamType } from '../services/team-plan.ts';
import { referralWaitDays } from '../services/waits.ts';
import { accommodationStatuses } from '@continuity/domain';
import { accommodationWeights, ageBands, BLACK_CATEGORIES, ethnicCategoryWeights } from './characteristics.ts';
import type { CareIntensity, PathwayStage, Profile } from './profile.ts';

const teamShares = Object.fromEntries(Object.entries(teamPlan).map(([k, v]) => [k, v.share])) as Record<TeamType, number>;

/** Diagnoses by team: EIP is for psychosis; rehab and AOT mostly; core teams see the whole SMI range. */
const diagnosisByTeam: Record<TeamType, Partial<Record<DiagnosisGroup, number>>> = {
  eip: { psychosis: 1 },
  aot: { psychosis: 80, bipolar: 15, 'personality-disorder': 5 },
  rehab: { psychosis: 85, bipolar: 15 },
  cmht: { psychosis: 28, bipolar: 18, 'severe-depression': 30, 'personality-disorder': 24 },
  crisis: { psychosis: 25, bipolar: 15, 'severe-depression': 35, 'personality-disorder': 25 },
};

const ageBandWeights = Object.fromEntries(ageBands.map((b, i) => [String(i), b.weight])) as Record<string, number>;

export const personId = (index: number) => `p${String(index + 1).padStart(6, '0')}`;

export function decideProfile(index: number, rnd: Random, cal: Calendar, services: Services): Omit<Profile, 'familyName' | 'carerIds'> {
  const sex = rnd.chance(0.5) ? 'female' : 'male';
  const band = ageBands[Number(rnd.weighted(ageBandWeights))]!;
  let ageYears = rnd.int(band.from, band.to);
  const ethnicCategory = rnd.weighted(ethnicCategoryWeights);
  const accommodationChoice = rnd.weighted(accommodationWeights);
  const accommodation = accommodationChoice === 'none' ? undefined : accommodationChoice;

  let teamType = rnd.weighted(teamShares);
  // Early intervention teams take people with a first episode of psychosis, mostly young adults.
  if (teamType === 'eip') ageYears = Math.min(ageYears, rnd.int(18, 35));
  const birthDay = cal.ago(ageYears * DAYS_PER_YEAR + rnd.int(0, 364));
  const teams = services.teamsByType[teamType];
  const team = teams[Math.floor(rnd.float() * teams.length)]!;
  const keyWorker = rnd.pick(team.keyWorkers);
  const prescriber = rnd.chance(0.65) ? rnd.pick(team.psychiatrists) : rnd.pick(team.prescribers);

  let stage: PathwayStage = rnd.weighted({ waiting: 12, open: 72, discharged: 16 });
  if (teamType === 'crisis' && stage === 'waiting') stage = 'open';

  const intensity: CareIntensity =
    teamType === 'aot' ? 'assertive'
    : teamType === 'crisis' ? 'intensive'
    : teamType === 'rehab' ? (rnd.chance(0.5) ? 'intensive' : 'standard')
    : teamType === 'eip' ? (rnd.chance(0.3) ? 'intensive' : 'standard')
    : rnd.weighted({ standard: 88, intensive: 8, assertive: 4 });

  const diagnosis = rnd.weighted(diagnosisByTeam[teamType] as Record<DiagnosisGroup, number>);
  const substanceUse = rnd.chance((diagnosis === 'psychosis' ? 0.35 : 0.2) + (teamType === 'aot' ? 0.2 : 0));

  let disengage = 0.08 + (diagnosis === 'psychosis' ? 0.04 : 0) + (substanceUse ? 0.05 : 0) + (intensity === 'assertive' ? 0.1 : 0);
  if (teamType === 'crisis') disengage = 0;

  // Adult services only: nothing in the record before the 18th birthday.
  const adultFrom = birthDay + Math.ceil(18 * DAYS_PER_YEAR) + 1;
  const wait = referralWaitDays(rnd, teamType);
  let referralDay: number;
  let episodeStart: number | undefined;
  let episodeEnd: number | undefined;

  if (stage === 'open') {
    const length = teamType === 'crisis' ? rnd.int(2, 42) : Math.round(Math.min(10 * 365, 30 + rnd.logNormal(600, 0.9)));
    episodeStart = cal.ago(length);
    referralDay = episodeStart - wait;
  } else if (stage === 'discharged') {
    episodeEnd = cal.ago(rnd.int(14, 5 * 365));
    episodeStart = episodeEnd - (teamType === 'crisis' ? rnd.int(7, 60) : rnd.int(60, 4 * 365));
    referralDay = episodeStart - wait;
  } else {
    referralDay = cal.ago(wait);
  }
  if (referralDay < adultFrom) {
    const shift = adultFrom - referralDay;
    referralDay += shift;
    if (episodeStart !== undefined) episodeStart += shift;
    if (episodeEnd !== undefined) episodeEnd += shift;
    // Too young for this much history: still waiting for a first contact instead.
    if ((episodeEnd ?? episodeStart ?? referralDay) >= cal.asOf) {
      stage = 'waiting';
      referralDay = Math.min(referralDay, cal.asOf - 1);
      episodeStart = undefined;
      episodeEnd = undefined;
    }
  }

  // People with SMI die on average 15-20 years early, 4.9 times as often as others (000_*): some
  // discharges are deaths.
  const deceasedDay = stage === 'discharged' && rnd.chance(0.06) ? episodeEnd : undefined;
  const engagement = stage === 'open' && episodeStart! < cal.ago(120) && rnd.chance(disengage) ? 'disengaging' : 'engaged';
  const disengagedFrom = engagement === 'disengaging' ? Math.max(episodeStart! + 30, cal.ago(rnd.int(60, 240))) : undefined;

  return {
    index, id: personId(index), sex, birthDay, ageYears, ethnicCategory, black: BLACK_CATEGORIES.has(ethnicCategory),
    unstableHousing: accommodation !== undefined && accommodationStatuses[accommodation]!.unstable,
    accommodation,
    gpPracticeId: services.gpPractices[Math.floor(rnd.float() * services.gpPractices.length)]!.id,
    teamType, team, keyWorker, prescriber, stage, intensity, diagnosis, substanceUse, engagement,
    referralDay, episodeStart, episodeEnd, disengagedFrom, deceasedDay, lastDay: deceasedDay ?? cal.asOf,
  };
}
