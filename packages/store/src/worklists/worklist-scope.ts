/** Which people a worklist is built for, and on which day: the same for every worklist. */
export interface WorklistScope {
  /** "YYYY-MM-DD", the day in England the list is as of; today when absent. */
  asOf?: string;
  /** Only people a team (Organization id) held on the as-of day. */
  team?: string;
  /** Only people held on the as-of day by one of these teams (a clinician's own teams). */
  teams?: readonly string[];
  /** Only these people (a caseload's): read by key instead of slices of the population. */
  people?: readonly string[];
  /** People per slice read from the database at once (tests make it small). */
  sliceSize?: number;
}
