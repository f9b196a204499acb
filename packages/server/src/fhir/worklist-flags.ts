import { createHash } from 'node:crypto';
import { extension, system, type Worklist, type WorklistItem } from '@continuity/domain';
import type { Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { buildWorklistFor } from '../worklists/worklist-routes.ts';
import { requireClinical } from './fhir-access.ts';
import { fhirBase, FHIR_JSON } from './operation-outcome.ts';

const flagCategory = { coding: [{ system: system.flagCategory, code: 'worklist', display: 'Worklist' }] };

/**
 * One worklist item as a Flag about the person (docs/fhir.md, "Worklists as FHIR"): the worklist in
 * meta.tag, each reason's code in `code.coding` and its words in `code.text`, and each reason whole
 * (code, text, evidence references) in an extension, so nothing of the JSON item is lost.
 */
export function worklistFlag(list: Worklist, item: WorklistItem) {
  const readable = `${list.worklist}.${item.patient.id}`;
  return {
    resourceType: 'Flag',
    // Served, not stored: the id is stable for a list and person so a client can tell items apart.
    id: readable.length <= 64 ? readable : createHash('sha256').update(readable).digest('hex').slice(0, 64),
    meta: { tag: [{ system: system.worklist, code: list.worklist }] },
    status: 'active',
    category: [flagCategory],
    code: { coding: item.reasons.map((r) => ({ system: system.worklistReason, code: r.code })), text: item.reasons.map((r) => r.text).join('; ') },
    subject: { reference: `Patient/${item.patient.id}` },
    period: { start: list.asOf },
    extension: item.reasons.map((r) => ({
      url: extension.worklistReason,
      extension: [
        { url: 'code', valueCode: r.code },
        { url: 'text', valueString: r.text },
        ...r.evidence.map((reference) => ({ url: 'evidence', valueReference: { reference } })),
      ],
    })),
  };
}

type Query = Record<string, string | string[] | undefined>;

/**
 * GET /fhir/$worklist?name=NAME&asOf=YYYY-MM-DD&team=ID: the same list, people and audit as GET
 * /api/worklists/NAME (buildWorklistFor), as a searchset Bundle of Flags, one per person listed.
 */
export function worklistFlagRoutes(fhir: FastifyInstance, store: Store, settings: { carerResponseHours?: number }) {
  fhir.get<{ Querystring: Query }>('/$worklist', async (request, reply) => {
    requireClinical(request);
    const { name, ...rest } = request.query;
    for (const [key, value] of Object.entries(request.query)) {
      if (!['name', 'asOf', 'team'].includes(key)) throw new ApiError(400, 'not-supported', `The parameter ${key} is not one $worklist takes (name, asOf, team).`, [{ field: key, message: 'is not supported' }]);
      if (typeof value !== 'string') throw new ApiError(400, 'invalid-input', `The parameter ${key} must be given once.`, [{ field: key, message: 'must be given once' }]);
    }
    if (typeof name !== 'string') throw new ApiError(400, 'invalid-input', 'Name the worklist: $worklist?name=disengaged.', [{ field: 'name', message: 'is required' }]);
    const { list } = await buildWorklistFor(store, request, name, rest, settings);
    const base = fhirBase(request);
    const flags = list.items.map((item) => worklistFlag(list, item));
    return reply.type(FHIR_JSON).send({
      resourceType: 'Bundle',
      type: 'searchset',
      meta: { lastUpdated: new Date().toISOString(), tag: [{ system: system.worklist, code: list.worklist }] },
      total: flags.length,
      link: [{ relation: 'self', url: `${base}/$worklist?${new URLSearchParams(request.query as Record<string, string>).toString()}` }],
      entry: flags.map((flag) => ({ fullUrl: `urn:continuity:worklist:${flag.id}`, resource: flag, search: { mode: 'match' } })),
    });
  });
}
