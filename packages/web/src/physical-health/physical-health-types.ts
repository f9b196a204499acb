import type { PhysicalHealthCheck } from '@continuity/domain';

/** GET /api/people/:id/physical-health. */
export interface PhysicalHealthResponse {
  asOf: string;
  check: PhysicalHealthCheck;
}
