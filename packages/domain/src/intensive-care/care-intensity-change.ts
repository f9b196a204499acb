import { engagementRules } from '../engagement/engagement-rules.ts';
import { isoDay, londonDay, shortDate } from '../engagement/london-calendar.ts';
import { careIntensities } from '../fhir/clinical-codes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { extension, system } from '../fhir/systems.ts';
import { intensiveReviewRules } from './intensive-review-rules.ts';

export type CareIntensity = keyof typeof careIntensities;
export const careIntensityCodes = Object.keys(careIntensities) as [CareIntensity, ...CareIntensity[]];

/** A step up or down as a clinician records it, before it is checked. */
export interface CareIntensityEntry {
  intensity: string;
  /** Why, in words: what the MDT saw and decided. */
  reason: string;
  /** The day it was decided, in England, YYYY-MM-DD. */
  decidedOn: string;
  /** Who decided: their Practitioner reference where they have one, and their name. */
  decidedBy: { reference?: string; display: string };
}

/** A change as the episode holds it (extension care-intensity-change), oldest first. */
export interface CareIntensityChange {
  from: CareIntensity | null;
  to: CareIntensity;
  date: string;
  reason: string;
  decidedBy: string;
}

export interface CareIntensityProblem {
  field: 'episodeId' | 'intensity' | 'reason' | 'decidedOn';
  message: string;
}

export type CareIntensityOutcome =
  | { ok: true; episode: AnyResource; from: CareIntensity | null; to: CareIntensity }
  | { ok: false; ended: boolean; problems: CareIntensityProblem[] };

type R = Record<string, any>;

/** The care intensity an episode records (CS/care-intensity on EpisodeOfCare.type), or null when none is coded. */
export function careIntensityOf(episode: R): CareIntensity | null {
  for (const type of episode.type ?? []) {
    for (const coding of type?.coding ?? []) {
      if (coding?.system === system.careIntensity && Object.hasOwn(careIntensities, coding.code)) return coding.code as CareIntensity;
    }
  }
  return null;
}

/** The steps up and down recorded on an episode, in the order they were recorded. */
export function careIntensityChanges(episode: R): CareIntensityChange[] {
  return ((episode.extension ?? []) as R[])
    .filter((e) => e?.url === extension.careIntensityChange)
    .map((e) => {
      const part = (url: string) => ((e.extension ?? []) as R[]).find((p) => p?.url === url);
      return {
        from: (part('from')?.valueCode ?? null) as CareIntensity | null,
        to: part('to')?.valueCode as CareIntensity,
        date: part('date')?.valueDate ?? '',
        reason: part('reason')?.valueString ?? '',
        decidedBy: part('decidedBy')?.valueReference?.display ?? '',
      };
    });
}

/**
 * Steps a person's care up or down on a held episode of care, as docs/fhir.md describes: the
 * care-intensity coding in `type` becomes the new intensity, and one extension care-intensity-change
 * (from, to, date, reason, decidedBy) is added after those already there. An episode with no
 * intensity coded is core community care (`standard`): stepping it to `standard` records nothing new.
 * A finished episode cannot change (`ended`). Each problem names its field.
 */
export function changeCareIntensity(episode: R, entry: CareIntensityEntry, today: string): CareIntensityOutcome {
  const held = engagementRules.heldEpisodeStatuses.includes(episode.status) && !episode.period?.end;
  if (!held) return { ok: false, ended: true, problems: [{ field: 'episodeId', message: 'has ended or is not yet held: only an episode a team holds now can be stepped up or down' }] };
  const problems: CareIntensityProblem[] = [];
  const recorded = careIntensityOf(episode);
  const from = recorded ?? 'standard';
  const to = entry.intensity as CareIntensity;
  if (!Object.hasOwn(careIntensities, entry.intensity)) problems.push({ field: 'intensity', message: `must be one of: ${careIntensityCodes.join(', ')}` });
  else if (to === from) problems.push({ field: 'intensity', message: `is already ${to} (${careIntensities[to].toLowerCase()}): choose a different intensity to step up or down` });

  const min = intensiveReviewRules.stepReasonMinLength;
  const reason = entry.reason.trim();
  if (reason.length < min) problems.push({ field: 'reason', message: `must say why, in at least ${min} characters` });

  const now = londonDay(today)!;
  const day = realDay(entry.decidedOn);
  const start = londonDay(episode.period?.start);
  const lastChange = careIntensityChanges(episode).map((c) => londonDay(c.date)).filter((d): d is number => d !== undefined).at(-1);
  if (day === undefined) problems.push({ field: 'decidedOn', message: 'must be a real date as YYYY-MM-DD' });
  else if (day > now) problems.push({ field: 'decidedOn', message: `must not be in the future (today is ${shortDate(now, now)})` });
  else if (start !== undefined && day < start) problems.push({ field: 'decidedOn', message: `must be on or after the day the episode began (${shortDate(start, now)})` });
  else if (lastChange !== undefined && day < lastChange) problems.push({ field: 'decidedOn', message: `must be on or after the last change of intensity (${shortDate(lastChange, now)})` });
  if (problems.length) return { ok: false, ended: false, problems };

  const coding = { system: system.careIntensity, code: to, display: careIntensities[to] };
  const others = ((episode.type ?? []) as R[]).filter((t) => !(t?.coding ?? []).some((c: R) => c?.system === system.careIntensity));
  const change = {
    url: extension.careIntensityChange,
    extension: [
      ...(recorded ? [{ url: 'from', valueCode: recorded }] : []),
      { url: 'to', valueCode: to },
      { url: 'date', valueDate: entry.decidedOn },
      { url: 'reason', valueString: reason },
      { url: 'decidedBy', valueReference: entry.decidedBy },
    ],
  };
  return {
    ok: true,
    from: recorded,
    to,
    episode: { ...episode, resourceType: 'EpisodeOfCare', id: episode.id, type: [{ coding: [coding], text: careIntensities[to] }, ...others], extension: [...(episode.extension ?? []), change] },
  };
}

/** The day of a "YYYY-MM-DD" that exists on the calendar (not 30 February), else undefined. */
function realDay(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const day = londonDay(value);
  return day !== undefined && isoDay(day) === value ? day : undefined;
}
