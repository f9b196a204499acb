/** The environment variable for how old a board build may be and still be served after a write. */
export const boardMaxAgeSetting = 'CONTINUITY_BOARD_MAX_AGE_MINUTES';

/**
 * Minutes a board dashboard and its drill-downs may be served from the latest build after the records
 * have changed (docs/board-dashboard.md, "Kept builds"): 15 unless CONTINUITY_BOARD_MAX_AGE_MINUTES
 * says otherwise, a whole number from 0 (always the records as they are) to 1,440 (a day). Board
 * figures are monthly and quarterly measures, and a build of a whole trust takes about a minute per
 * 100,000 people, which in a service writing all day would otherwise be every request's wait.
 */
export function boardMaxAgeMinutesSetting(env: Record<string, string | undefined> = process.env): number {
  const setting = env[boardMaxAgeSetting]?.trim();
  if (setting === undefined || setting === '') return 15;
  const minutes = Number(setting);
  if (!/^\d+$/.test(setting) || minutes > 1440) throw new Error(`${boardMaxAgeSetting} must be a whole number of minutes from 0 to 1440, not "${setting}"`);
  return minutes;
}
