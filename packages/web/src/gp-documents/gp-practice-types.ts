/** A GP practice and where it receives summaries (packages/server/src/gp-documents/gp-practice-routes.ts). */
export interface GpPractice {
  id: string;
  name: string;
  odsCode: string | null;
  /** The FHIR base summaries are sent to; null when the practice reads them in the app. */
  endpoint: string | null;
  version: number;
}

/** GET /api/gp-practices?q=&page= */
export interface GpPracticesResponse {
  q: string;
  page: number;
  pageSize: number;
  total: number;
  practices: GpPractice[];
}
