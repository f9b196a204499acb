import type { GpPractice } from '@continuity/domain';

export type { GpPractice };

/** GET /api/gp-practices?q=&page= */
export interface GpPracticesResponse {
  q: string;
  page: number;
  pageSize: number;
  total: number;
  practices: GpPractice[];
}
