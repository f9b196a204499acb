/** What the caseload and MDT board endpoints return (packages/server/src/caseload/caseload-routes.ts). */
import type { CaseloadPerson, KeyWorkerCaseload } from '@continuity/store';
import type { Worklist } from '../worklists/worklist-types.ts';

export interface MyCaseloadResponse {
  asOf: string;
  practitionerId: string | null;
  weighted: number;
  people: Array<Omit<CaseloadPerson, 'cover'> & { team: { id: string; name: string }; cover: (NonNullable<CaseloadPerson['cover']> & { keyWorkerName: string }) | null }>;
}

export interface TeamCaseloadResponse {
  asOf: string;
  team: { id: string; name: string };
  people: number;
  keyWorkers: KeyWorkerCaseload[];
  unallocated: Array<{ personId: string; episodeId: string; name: string | null; partnerConcerns?: number }>;
  partnerConcerns: Array<{ personId: string; name: string | null; nhsNumber: string | null; keyWorkerIds: string[]; partnerConcerns: number }>;
}

export interface MdtBoardResponse extends Worklist {
  team: { id: string; name: string };
  people: Record<string, { name: string | null; keyWorkers: Array<{ id: string; name: string }>; partnerConcerns?: number }>;
}
