import { isoDay, londonDay, londonToday } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { refreshBoardProjection, type ProjectionRefresh } from './board-projection.ts';
import type { TileSettings } from './tile-builders.ts';
import { trendDays } from './trend-days.ts';

export interface ProjectionKeeper {
  /** Stops keeping it, once any refresh under way has finished. */
  stop(): Promise<void>;
}

/** The last day of the month before today's: the month end a board most often meets about. */
export function lastMonthEnd(today = londonToday()): string {
  return isoDay(londonDay(`${today.slice(0, 8)}01`)! - 1);
}

/**
 * Keeps the board projection current for the last month end's trend in the background: at once
 * (the first fill, at trust scale minutes), then every `everyMinutes`, so that a board pack or a
 * month-end dashboard finds only the people written since to rebuild. One refresh at a time.
 */
export function keepBoardProjection(
  db: Kysely<Database>,
  settings: TileSettings,
  options: { everyMinutes?: number; today?: () => string; onRefreshed?: (refresh: ProjectionRefresh) => void; onFailed?: (error: unknown) => void } = {},
): ProjectionKeeper {
  let running: Promise<void> | undefined;
  const refresh = () => {
    if (running) return;
    running = refreshBoardProjection(db, trendDays(lastMonthEnd(options.today?.())), settings)
      .then((done) => options.onRefreshed?.(done), (error: unknown) => options.onFailed?.(error))
      .finally(() => (running = undefined));
  };
  const first = setTimeout(refresh, 0);
  const every = setInterval(refresh, (options.everyMinutes ?? 10) * 60_000);
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
