/** A summary's words, as the API reads them from its Composition (domain read-gp-summary.ts). */
export interface SummaryWords {
  title: string;
  date: string;
  sections: Array<{ code: string; title: string; lines: string[] }>;
}

export type DeliveryStatus = 'queued' | 'delivered' | 'failed' | 'in-app';

/** A summary in the outbox, with where it is in its delivery (GET/POST /api/people/:id/gp-summary). */
export interface SentSummary {
  id: string;
  kind: 'discharge' | 'transfer';
  source: string;
  practiceId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  version: number;
  summary: SummaryWords;
}

export interface GpSummaryResponse {
  sent: SentSummary | null;
  preview: { kind: 'discharge' | 'transfer'; practice: { id: string; name: string }; delivery: 'fhir-endpoint' | 'in-app'; summary: SummaryWords } | null;
}

export interface PracticeDocumentsResponse {
  practice: { id: string; name: string };
  documents: Array<SentSummary & { person: { nhsNumber: string | null; name: string; birthDate: string | null } }>;
}
