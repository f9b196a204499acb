import { careIntensityChanges, careIntensityOf, heldEpisodes, londonDay, londonToday, type CareIntensity, type CareIntensityChange } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadNames } from '../people/names.ts';

/** One of a person's episodes of care as the step up / step down page shows it. */
export interface CareIntensityEpisode {
  id: string;
  /** The version a change must name. */
  version: number;
  status: string;
  start: string | null;
  team: { id: string | null; name: string | null };
  /** Held today: only such an episode can be stepped up or down. */
  held: boolean;
  /** As coded on the episode; null when none is (core community care). */
  intensity: CareIntensity | null;
  /** Every step up or down recorded, oldest first. */
  changes: CareIntensityChange[];
}

/** A person's episodes of care with their care intensity and its changes: held ones first, then the latest begun. */
export async function careIntensityEpisodes(db: Kysely<Database>, personId: string): Promise<CareIntensityEpisode[]> {
  const rows = await db.selectFrom('record').select(['id', 'version_id', 'status', 'resource'])
    .where('person_id', '=', personId).where('resource_type', '=', 'EpisodeOfCare').execute();
  const today = londonDay(londonToday())!;
  const names = await loadNames(db, rows.map((r) => (r.resource as Record<string, any>).managingOrganization?.reference));
  const episodes = rows.map((r) => {
    const resource = r.resource as Record<string, any>;
    const reference: string | undefined = resource.managingOrganization?.reference;
    const fact = { id: r.id, status: r.status ?? '', start: resource.period?.start ?? null, end: resource.period?.end ?? null };
    return {
      id: r.id, version: r.version_id, status: r.status ?? '', start: fact.start,
      team: { id: reference?.startsWith('Organization/') ? reference.slice('Organization/'.length) : null, name: (reference && names.get(reference)) ?? null },
      held: heldEpisodes([fact], today).length > 0,
      intensity: careIntensityOf(resource),
      changes: careIntensityChanges(resource),
    };
  });
  return episodes.sort((a, b) => Number(b.held) - Number(a.held) || (b.start ?? '').localeCompare(a.start ?? '') || a.id.localeCompare(b.id));
}
