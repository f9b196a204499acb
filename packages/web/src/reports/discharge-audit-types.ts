/** GET /api/reports/discharge-audit: the report contract of `continuity report discharge-audit`. */
export interface DischargeAuditResponse {
  report: 'discharge-audit';
  from: string | null;
  to: string;
  items: Array<{
    patient: { id: string; nhsNumber: string | null };
    reasons: Array<{ code: string; text: string; evidence: string[] }>;
  }>;
}
