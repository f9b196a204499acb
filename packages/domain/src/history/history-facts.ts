import type { NameOf } from '../timeline/describe.ts';

type R = Record<string, any>;

/** One of the person's records as the history reads it (Encounter, EpisodeOfCare, CareTeam, Flag, Communication). */
export interface HistoryRecord {
  resourceType: string;
  id: string;
  resource: R;
}

/** A detention, CTO or section 117 entitlement, as the Mental Health Act reader gives it (store legalStatusHistory). */
export interface HistoryLegalStatus {
  id: string;
  kind: 'cto' | 'detention' | 's117';
  name: string;
  current: boolean;
  start: string | null;
  end: string | null;
  conditions: string[];
}

/** A prescription as the medicine history gives it (domain medicineHistory). */
export interface HistoryMedicine {
  id: string;
  name: string;
  current: boolean;
  prescribed: string | null;
  stopped: { on: string | null; reason: string | null } | null;
  personSays: { stoppedAgainstAdvice: boolean; on: string | null; words: string | null } | null;
}

/**
 * Everything the history is made of, read once for one person: their records of the types above,
 * the names of the teams and staff they point at, which of those teams are crisis teams, and the
 * legal statuses and medicines from their own readers (so the history never disagrees with the
 * Mental Health Act section or the medicines section of the record).
 */
export interface HistorySources {
  records: readonly HistoryRecord[];
  nameOf: NameOf;
  /** Organization ids of crisis teams (history-rules.ts crisisOrganisationTypes). */
  crisisTeams: ReadonlySet<string>;
  legalStatuses: readonly HistoryLegalStatus[];
  medicines: readonly HistoryMedicine[];
}
