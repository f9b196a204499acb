import { randomUUID } from 'node:crypto';
import { flagForReader, importOrder, isResourceType, parseReference, restrictedFlagView, type RestrictedFlagView, type ResourceType } from '@continuity/domain';
import { exportFhirRecords, isSharedType, openablePeople, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';
import { gpDocumentReaders } from '../gp-documents/summary-gate.ts';
import { fhirBase, FHIR_JSON } from './operation-outcome.ts';

/** How long a finished export's files stay downloadable. */
const KEPT_MINUTES = 60;

interface ExportJob {
  userId: string;
  request: string;
  transactionTime: string;
  expiresAt: number;
  state: 'in-progress' | 'complete' | 'failed';
  files: Map<string, { type: ResourceType; lines: string[] }>;
}

const OUTPUT_FORMATS = ['application/fhir+ndjson', 'application/ndjson', 'ndjson'];

/**
 * FHIR Bulk Data export, the asynchronous pattern: GET /fhir/$export (every type) or
 * /fhir/Patient/$export (the people's own records) with `Prefer: respond-async` answers 202 with a
 * status URL in Content-Location; polling it answers 202 while the files are written, then the
 * manifest; each file is NDJSON, one resource a line. DELETE on the status URL discards the files.
 *
 * Only team managers may export: it is a copy of every record of many people, which is a clinical
 * lead's decision (a migration, an audit of the team's records), and it holds only the people their
 * teams hold (no break-glass). The board, analysts and administrators have aggregate reports and no
 * access to people's records, so they have none here. Every person exported is audited when the
 * export is asked for. Jobs live in this server process and are kept an hour: a restart loses them,
 * and the client asks again. Only the user who asked may poll or download.
 */
export function bulkExportRoutes(fhir: FastifyInstance, store: Store) {
  const jobs = new Map<string, ExportJob>();
  const ownJob = (request: FastifyRequest<{ Params: { job: string } }>, staff: SignedInUser) => {
    const job = jobs.get(request.params.job);
    if (!job || job.userId !== staff.id || job.expiresAt < Date.now()) throw new ApiError(404, 'not-found', 'There is no export with that id for you (exports are kept an hour).');
    return job;
  };
  const exporter = (request: FastifyRequest) => requireRole(request, ['team-manager'], 'export records in bulk: only team managers may, for the people their teams hold');

  const kickOff = (level: 'system' | 'patient') => async (request: FastifyRequest<{ Querystring: Record<string, string | string[] | undefined> }>, reply: FastifyReply) => {
    const staff = exporter(request);
    if (!/respond-async/.test(String(request.headers.prefer ?? ''))) {
      throw new ApiError(400, 'respond-async-required', 'Ask for a bulk export with the header Prefer: respond-async.', [{ field: 'Prefer', message: 'must be respond-async' }]);
    }
    const types = exportTypes(level, request.query);
    for (const [id, job] of jobs) if (job.expiresAt < Date.now()) jobs.delete(id);
    const people = await openablePeople(store.db, { id: staff.id, teams: staff.teams.map((t) => t.id), practitionerId: staff.practitionerId }, new Date(), { breakGlass: false });
    // Summaries to the GP only of the people whose summaries the exporter may read (summary-gate.ts).
    const documentPeople = types.includes('DocumentReference') ? [...(await gpDocumentReaders(store, staff, people))].sort() : [];
    const id = randomUUID();
    const job: ExportJob = { userId: staff.id, request: `${fhirBase(request)}${request.url.slice('/fhir'.length)}`, transactionTime: new Date().toISOString(), expiresAt: Date.now() + KEPT_MINUTES * 60_000, state: 'in-progress', files: new Map() };
    await recordAudit(
      store.db,
      people.map((personId) => ({ actorId: staff.id, actorRole: staff.role, action: 'fhir-export', personId, basis: 'team' as const, outcome: 'allowed' as const, detail: { job: id, types } })),
    );
    jobs.set(id, job);
    // Exported people are the team's (no break-glass): the restricted-flag rule decides on that basis.
    const reader = { staff, view: restrictedFlagView({ role: staff.role, basis: 'team' }) };
    void writeFiles(store, job, types, (type) => (type === 'DocumentReference' ? documentPeople : people), reader).catch((error: Error) => {
      job.state = 'failed';
      request.log.error({ err: { name: error.name, stack: error.stack?.split('\n').slice(1, 6).join('\n') } }, 'bulk export failed');
    });
    return reply.status(202).header('content-location', `${fhirBase(request)}/$export-status/${id}`).type(FHIR_JSON).send({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'informational', diagnostics: 'The export has started: poll the Content-Location URL.' }],
    });
  };
  fhir.get('/$export', kickOff('system'));
  fhir.get('/Patient/$export', kickOff('patient'));

  fhir.get<{ Params: { job: string } }>('/$export-status/:job', async (request, reply) => {
    const job = ownJob(request, exporter(request));
    if (job.state === 'in-progress') return reply.status(202).header('x-progress', `${job.files.size} files written`).header('retry-after', '1').send();
    if (job.state === 'failed') throw new Error('bulk export failed');
    const base = fhirBase(request);
    return reply.type('application/json').send({
      transactionTime: job.transactionTime,
      request: job.request,
      requiresAccessToken: true,
      output: [...job.files].map(([name, file]) => ({ type: file.type, url: `${base}/$export-file/${request.params.job}/${name}`, count: file.lines.length })),
      error: [],
    });
  });

  fhir.delete<{ Params: { job: string } }>('/$export-status/:job', async (request, reply) => {
    ownJob(request, exporter(request));
    jobs.delete(request.params.job);
    return reply.status(202).send();
  });

  fhir.get<{ Params: { job: string; file: string } }>('/$export-file/:job/:file', async (request, reply) => {
    const job = ownJob(request, exporter(request));
    const file = job.state === 'complete' ? job.files.get(request.params.file) : undefined;
    if (!file) throw new ApiError(404, 'not-found', 'There is no such file in this export.');
    return reply.type('application/fhir+ndjson').send(file.lines.join('\n') + '\n');
  });
}

/** The types asked for in _type, in import order; all the level's types when absent. */
function exportTypes(level: 'system' | 'patient', query: Record<string, string | string[] | undefined>): ResourceType[] {
  for (const [name, value] of Object.entries(query)) {
    if (name === '_type') continue;
    if (name === '_outputFormat' && typeof value === 'string' && OUTPUT_FORMATS.includes(value)) continue;
    throw new ApiError(400, 'not-supported', `The export parameter ${name} is not supported (supported: _type, _outputFormat=application/fhir+ndjson).`, [{ field: name, message: 'is not supported' }]);
  }
  const levelTypes = importOrder.filter((t) => level === 'system' || !isSharedType(t));
  const asked = query._type === undefined ? undefined : [query._type].flat().flatMap((v) => String(v).split(','));
  if (!asked) return levelTypes;
  for (const type of asked) {
    if (!isResourceType(type) || !levelTypes.includes(type)) throw new ApiError(400, 'not-supported', `_type ${type.slice(0, 64)} cannot be exported here (types: ${levelTypes.join(', ')}).`, [{ field: '_type', message: 'names a type not exported here' }]);
  }
  return levelTypes.filter((t) => asked.includes(t));
}

/** Writes the files; restricted flags (MARAC, MAPPA) as the exporter may see them, any withheld audited per person. */
async function writeFiles(store: Store, job: ExportJob, types: ResourceType[], peopleFor: (type: ResourceType) => readonly string[], reader: { staff: SignedInUser; view: RestrictedFlagView }) {
  const withheld = new Map<string, string[]>();
  for (const type of types) {
    const lines: string[] = [];
    for await (const batch of exportFhirRecords(store.db, type, peopleFor(type))) {
      for (const resource of batch) {
        const shown = flagForReader(resource as Record<string, any>, reader.view);
        if (shown !== resource) {
          const personId = parseReference((resource as { subject?: { reference?: string } }).subject?.reference)?.id ?? 'unknown';
          withheld.set(personId, [...(withheld.get(personId) ?? []), String(resource.id)]);
        }
        if (shown) lines.push(JSON.stringify(shown));
      }
    }
    if (lines.length > 0) job.files.set(`${type}.ndjson`, { type, lines });
  }
  const { staff, view } = reader;
  await recordAudit(
    store.db,
    [...withheld].map(([personId, flags]) => ({ actorId: staff.id, actorRole: staff.role, action: 'withhold-restricted-flags', personId, basis: 'team' as const, outcome: 'refused' as const, detail: { surface: 'fhir-export', view, flags } })),
  );
  job.state = 'complete';
}
