import { documentEndpointOf, gpSummaryRules, nextDeliveryAttempt } from '@continuity/domain';
import { dueGpDocuments, recordAudit, recordDeliveryAttempt, type GpDocument, type Store } from '@continuity/store';

/**
 * The practice's FHIR base for documents (Organization extension fhir-document-endpoint), if it has
 * one, read afresh at every attempt: an endpoint set or changed by an administrator is where the next
 * attempt goes (docs/gp-documents.md).
 */
export async function practiceEndpoint(store: Store, practiceId: string): Promise<string | undefined> {
  const row = await store.db.selectFrom('shared_record').select('resource').where('resource_type', '=', 'Organization').where('id', '=', practiceId).executeTakeFirst();
  return documentEndpointOf(row?.resource as Record<string, unknown> | undefined);
}

/**
 * One delivery attempt: POSTs the document Bundle to the practice's endpoint ({base}/Bundle, as
 * application/fhir+json). A 2xx answer is delivered; anything else, or no answer within the time
 * allowed, is a failure with its reason and the next try (gp-summary-rules.ts delivery). The outcome
 * is recorded on the version read and audited (basis system). Reasons name the status or error
 * only, never anything from the document.
 */
export async function attemptDelivery(store: Store, document: GpDocument, now = new Date()): Promise<GpDocument> {
  const endpoint = await practiceEndpoint(store, document.practiceId);
  let error: string | undefined;
  if (!endpoint) error = 'The practice has no FHIR endpoint on record';
  else {
    try {
      const response = await fetch(`${endpoint}/Bundle`, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
        body: JSON.stringify(document.bundle),
        signal: AbortSignal.timeout(gpSummaryRules.delivery.timeoutSeconds * 1000),
      });
      await response.body?.cancel();
      if (!response.ok) error = `The practice's system answered HTTP ${response.status}`;
    } catch (cause) {
      const code = (cause as { cause?: { code?: string } }).cause?.code;
      error = `The practice's system could not be reached${code ? ` (${code})` : (cause as Error).name === 'TimeoutError' ? ' (no answer in time)' : ''}`;
    }
  }
  const attempts = document.attempts + 1;
  const outcome = error === undefined ? { delivered: true as const } : { delivered: false as const, error, nextAttemptAt: nextDeliveryAttempt(attempts, now) };
  const recorded = await store.db.transaction().execute(async (trx) => {
    const written = await recordDeliveryAttempt(trx, document, outcome);
    if (written) {
      await recordAudit(trx, [{
        actorId: 'system', actorRole: 'system', action: 'deliver-gp-summary', personId: document.personId, resourceType: 'Bundle', resourceId: document.id, basis: 'system',
        outcome: outcome.delivered ? 'allowed' : 'refused', detail: { practice: document.practiceId, attempt: attempts, ...(error ? { error } : {}) },
      }]);
    }
    return written;
  });
  // Someone else recorded an attempt meanwhile: theirs stands.
  return recorded ?? document;
}

/** Tries every summary due by now, one at a time; returns how many were tried. */
export async function deliverDueGpDocuments(store: Store, now = new Date()): Promise<number> {
  const due = await dueGpDocuments(store.db, now);
  for (const document of due) await attemptDelivery(store, document, now);
  return due.length;
}
