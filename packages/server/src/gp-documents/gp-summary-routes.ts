import { randomUUID } from 'node:crypto';
import { buildGpSummary, fhirId, gpDocumentReference, readGpSummary, unresolvedReferences } from '@continuity/domain';
import { personGpDocuments, practiceGpDocuments, queueGpDocument, recordAudit, requeueGpDocument, readGpDocument, type GpDocument, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { fhirBase } from '../fhir/operation-outcome.ts';
import { requirePractice } from '../shared-care/practice-routes.ts';
import { attemptDelivery, deliverDueGpDocuments, practiceEndpoint } from './deliver-gp-document.ts';
import { openSummarySource, requireSummaryWriter, summarySource } from './summary-gate.ts';
import { loadSummarySources } from './summary-sources.ts';

const personParams = z.object({ id: fhirId });
const documentParams = z.object({ id: fhirId, documentId: z.uuid('is not a document id') });
const sendBody = z.intersection(summarySource, z.object({
  followUp: z.string({ error: 'is required: say what you ask of the GP (or that nothing is asked)' }).trim().min(1, 'is required: say what you ask of the GP (or that nothing is asked)').max(4000, 'must be at most 4000 characters'),
}));
const againBody = z.object({ version: z.number({ error: 'must be the version of the summary you read' }).int().positive('must be the version of the summary you read') });

/** How often due deliveries are retried while the server runs. */
const RETRY_EVERY_MS = 60_000;

/** A stored summary as the screens show it: its status, and its sections in words. */
export function summaryView(document: GpDocument) {
  const { bundle, personId: _personId, createdBy: _createdBy, ...status } = document;
  return { ...status, summary: readGpSummary(bundle), bundle };
}

/**
 * Summaries to the GP as FHIR documents (docs/gp-documents.md).
 *
 * GET /api/people/:id/gp-summary?episode=ID | ?transfer=ID: the summary of a discharge or an accepted
 * transfer: the one already sent with its delivery status, or else a preview of what would be sent.
 * POST /api/people/:id/gp-summary {episode | transfer, followUp}: writes it to the outbox (201), once
 * per discharge or transfer: sending again answers the one already there (200), so a double click
 * sends once. Delivered to the practice's FHIR endpoint at once when it has one, retried after;
 * otherwise kept for the practice's account to read (status in-app).
 * POST /api/people/:id/gp-summary/:documentId/send-again {version}: a failed summary tried again now
 * (409 when it changed since it was read, or is not failed).
 * GET /api/gp-practice/documents: "Documents from the mental health team" for a GP practice's
 * account: the summaries sent to it about people registered with it, each audited.
 */
export function gpSummaryRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/gp-summary', async (request) => {
    const { id } = parseInput(personParams, request.params, 'params');
    await requireSummaryWriter(store, request, id, 'preview-gp-summary');
    const asked = parseInput(summarySource, request.query, 'query');
    const opened = await openSummarySource(store, request, id, asked, 'preview-gp-summary');
    const sent = (await personGpDocuments(store.db, id)).find((d) => d.source === opened.source);
    if (sent) return { sent: summaryView(sent), preview: null };
    const sources = await loadSummarySources(store, id, opened, randomUUID(), fhirBase(request), '');
    const bundle = checked(buildGpSummary(sources));
    const endpoint = await practiceEndpoint(store, sources.practice.id);
    return { sent: null, preview: { kind: opened.kind, practice: { id: sources.practice.id, name: sources.practice.name ?? sources.practice.id }, delivery: endpoint ? 'fhir-endpoint' : 'in-app', summary: readGpSummary(bundle), bundle } };
  });

  app.post('/api/people/:id/gp-summary', async (request, reply) => {
    const { id } = parseInput(personParams, request.params, 'params');
    await requireSummaryWriter(store, request, id, 'send-gp-summary');
    const body = parseInput(sendBody, request.body, 'body');
    const opened = await openSummarySource(store, request, id, body, 'send-gp-summary');
    const existing = (await personGpDocuments(store.db, id)).find((d) => d.source === opened.source);
    if (existing) return reply.status(200).send({ document: summaryView(existing) });
    const sources = await loadSummarySources(store, id, opened, randomUUID(), fhirBase(request), body.followUp);
    const bundle = checked(buildGpSummary(sources));
    const endpoint = await practiceEndpoint(store, sources.practice.id);
    const { document, created } = await store.db.transaction().execute(async (trx) => {
      const documentReference = gpDocumentReference(bundle, { practice: { id: sources.practice.id, name: sources.practice.name }, episodeId: opened.episode.id }) as Record<string, unknown> & { id: string };
      const queued = await queueGpDocument(trx, { personId: id, id: sources.documentId, kind: opened.kind, source: opened.source, practiceId: sources.practice.id, bundle, status: endpoint ? 'queued' : 'in-app', createdBy: opened.staff.id, documentReference });
      if (queued.created) {
        await recordAudit(trx, [{
          actorId: opened.staff.id, actorRole: opened.staff.role, action: 'write-gp-summary', personId: id, resourceType: 'Bundle', resourceId: queued.document.id, basis: opened.basis, outcome: 'allowed',
          detail: { source: opened.source, practice: sources.practice.id, delivery: queued.document.status },
        }]);
      }
      return queued;
    });
    const delivered = created && document.status === 'queued' ? await attemptDelivery(store, document) : document;
    return reply.status(created ? 201 : 200).send({ document: summaryView(delivered) });
  });

  app.post('/api/people/:id/gp-summary/:documentId/send-again', async (request) => {
    const { id, documentId } = parseInput(documentParams, request.params, 'params');
    await requireSummaryWriter(store, request, id, 'send-gp-summary-again');
    const { version } = parseInput(againBody, request.body, 'body');
    const held = await readGpDocument(store.db, id, documentId);
    if (!held) throw new ApiError(404, 'not-found', 'This person has no summary to their GP with that id.');
    const [, episode, transfer] = /^(?:EpisodeOfCare\/(.+)|transfer\/(.+))$/.exec(held.source) ?? [];
    await openSummarySource(store, request, id, episode ? { episode } : { transfer: transfer! }, 'send-gp-summary-again');
    if (held.version !== version || held.status !== 'failed') {
      throw new ApiError(409, 'stale-version', held.status === 'failed' ? 'This summary changed since you read it: reload it.' : `This summary is ${held.status}: only a failed one is sent again.`, [{ field: 'version', message: 'is not the current version of a failed summary' }]);
    }
    const requeued = await requeueGpDocument(store.db, held);
    if (!requeued) throw new ApiError(409, 'stale-version', 'This summary changed since you read it: reload it.', [{ field: 'version', message: 'is not the current version' }]);
    return { document: summaryView(await attemptDelivery(store, requeued)) };
  });

  app.get('/api/gp-practice/documents', async (request) => {
    const { staff, practice } = await requirePractice(store, request);
    const documents = await practiceGpDocuments(store.db, practice.id);
    const people = documents.length === 0 ? [] : await store.db.selectFrom('person').select(['person_id', 'nhs_number', 'given_names', 'family_name', 'birth_date']).where('person_id', 'in', documents.map((d) => d.personId)).execute();
    await recordAudit(store.db, documents.map((d) => ({
      actorId: staff.id, actorRole: staff.role, action: 'read-gp-summary', personId: d.personId, resourceType: 'Bundle', resourceId: d.id, basis: 'gp-practice' as const, outcome: 'allowed' as const, detail: { practice: practice.id },
    })));
    const byId = new Map(people.map((p) => [p.person_id, p]));
    return {
      practice,
      documents: documents.map((d) => {
        const p = byId.get(d.personId);
        return { ...summaryView(d), person: { nhsNumber: p?.nhs_number ?? null, name: [p?.given_names, p?.family_name].filter(Boolean).join(' '), birthDate: p?.birth_date ?? null } };
      }),
    };
  });

  // Failed deliveries are tried again while the server runs; the timer never keeps the process alive.
  const timer = setInterval(() => void deliverDueGpDocuments(store).catch((error: Error) => app.log.error({ err: { name: error.name } }, 'GP summary delivery failed')), RETRY_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** A document whose references do not all resolve inside it is never stored or sent. */
function checked(bundle: Record<string, unknown>): Record<string, unknown> {
  const dangling = unresolvedReferences(bundle);
  if (dangling.length > 0) throw new Error(`GP summary has ${dangling.length} unresolved references`);
  return bundle;
}
