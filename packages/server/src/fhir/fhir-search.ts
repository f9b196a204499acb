import { flagForReader, isRestrictedFlag, kindOf, parseReference, type ResourceType } from '@continuity/domain';
import { isSharedType, openablePeople, readFhirRecordsById, recordAudit, searchFhirRecords, withMeta, type FhirRecord, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';
import { openRecord, recordAccessOf } from '../people/record-access.ts';
import { restrictedFlagsFor } from '../people/restricted-flags.ts';
import { gpDocumentReaders } from '../gp-documents/summary-gate.ts';
import type { SignedInUser } from '../auth/session.ts';
import { heldType, requireClinical } from './fhir-access.ts';
import { fhirBase, FHIR_JSON } from './operation-outcome.ts';
import { includeTargets, readSearch, type SearchRequest } from './search-parameters.ts';

type Query = Record<string, string | string[] | undefined>;

/**
 * GET /fhir/:type?params: a searchset Bundle of the records the user may see. Person-scoped records
 * are kept to the people the user may open (their teams' and key-worked people, and break-glass
 * grants still running); every person with a record on the page is audited. Naming a person the
 * user may not open is refused (403, audited) rather than answered with an empty page.
 */
export function fhirSearchRoutes(fhir: FastifyInstance, store: Store) {
  fhir.get<{ Params: { type: string }; Querystring: Query }>('/:type', async (request, reply) => {
    const staff = requireClinical(request);
    const type = heldType(request.params.type);
    const search = readSearch(type, request.query);
    let people = await openablePeople(store.db, { id: staff.id, teams: staff.teams.map((t) => t.id), practitionerId: staff.practitionerId }, new Date());
    if (search.person !== undefined && !people.includes(search.person)) people = await askedForSomeoneElse(store, request, search.person);
    // Summaries to the GP: only of the people whose summaries the user may read as well as open.
    if (type === 'DocumentReference') {
      const readers = await gpDocumentReaders(store, staff, people);
      people = people.filter((p) => readers.has(p));
    }
    const { total, records: found } = await searchFhirRecords(store.db, { type, people, ...search });
    const records = await asReadersMay(store, staff, found);
    const included = await includedRecords(store, type, records, search.includes, people);
    const seen = [...new Set([...records, ...included].map((r) => r.personId).filter((p): p is string => p !== null))];
    await recordAudit(
      store.db,
      seen.map((personId) => ({
        actorId: staff.id,
        actorRole: staff.role,
        action: 'fhir-search-result',
        personId,
        basis: 'search' as const,
        outcome: 'allowed' as const,
        detail: { type, parameters: Object.keys(request.query).sort() },
      })),
    );
    return reply.type(FHIR_JSON).send(searchset(request, type, search, total, records, included));
  });
}

/**
 * The page as its reader may see it: restricted flags (MARAC, MAPPA) withheld from a reader not
 * entitled to them on their basis with that person (break-glass grants included), audited once a person.
 */
async function asReadersMay(store: Store, staff: SignedInUser, records: FhirRecord[]): Promise<FhirRecord[]> {
  const views = new Map<string, Awaited<ReturnType<typeof restrictedFlagsFor>>>();
  const shown: FhirRecord[] = [];
  for (const record of records) {
    if (!record.personId || !isRestrictedFlag(record.resource)) {
      shown.push(record);
      continue;
    }
    if (!views.has(record.personId)) {
      const { decision } = await recordAccessOf(store, staff, record.personId);
      views.set(record.personId, await restrictedFlagsFor(store, staff, record.personId, decision.allowed ? decision.basis : 'none', 'fhir-search'));
    }
    const resource = flagForReader(record.resource, views.get(record.personId)!);
    if (resource) shown.push({ ...record, resource });
  }
  return shown;
}

/** A person the user may not open: the gate decides (403 and audited, or 404 for nobody by that id, which finds nothing). */
async function askedForSomeoneElse(store: Store, request: FastifyRequest, personId: string): Promise<string[]> {
  try {
    await openRecord(store, request, personId, 'fhir-search');
    return [personId];
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 404) return [];
    throw error;
  }
}

/** What the page's records point at, for _include: shared records, and Patients of the people already seen. */
async function includedRecords(store: Store, type: ResourceType, records: FhirRecord[], includes: string[], people: readonly string[]): Promise<FhirRecord[]> {
  const wanted = new Map<ResourceType, Set<string>>();
  const kind = kindOf(type);
  for (const include of includes) {
    const name = include.slice(type.length + 1);
    for (const record of records) {
      const value = name === 'patient' || name === 'subject' ? kind.personReference?.(record.resource as never) : includeTargets[type]?.[name]?.(record.resource);
      for (const reference of [value].flat(2)) {
        const target = parseReference(typeof reference === 'string' ? reference : (reference as { reference?: string } | undefined)?.reference);
        if (!target) continue;
        const targetType = target.type as ResourceType;
        if (targetType !== 'Patient' && !isSharedType(targetType)) continue;
        if (targetType === 'Patient' && !people.includes(target.id)) continue;
        if (!wanted.has(targetType)) wanted.set(targetType, new Set());
        wanted.get(targetType)!.add(target.id);
      }
    }
  }
  const matched = new Set(records.map((r) => `${r.type}/${r.id}`));
  const found = await Promise.all([...wanted].map(([t, ids]) => readFhirRecordsById(store.db, t, [...ids])));
  return found.flat().filter((r) => !matched.has(`${r.type}/${r.id}`));
}

function searchset(request: FastifyRequest, type: ResourceType, search: SearchRequest, total: number, records: FhirRecord[], included: FhirRecord[]) {
  const base = fhirBase(request);
  const pageAt = (offset: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query as Query)) {
      if (name === '_offset' || name === '_count') continue;
      for (const v of [value ?? ''].flat()) params.append(name, v);
    }
    params.set('_count', String(search.count));
    params.set('_offset', String(offset));
    return { url: `${base}/${type}?${params.toString()}` };
  };
  const link = [
    { relation: 'self', ...pageAt(search.offset) },
    ...(search.offset + search.count < total ? [{ relation: 'next', ...pageAt(search.offset + search.count) }] : []),
    ...(search.offset > 0 ? [{ relation: 'previous', ...pageAt(Math.max(0, search.offset - search.count)) }] : []),
  ];
  const entry = (record: FhirRecord, mode: 'match' | 'include') => ({ fullUrl: `${base}/${record.type}/${record.id}`, resource: withMeta(record), search: { mode } });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    meta: { lastUpdated: new Date().toISOString() },
    total,
    link,
    entry: [...records.map((r) => entry(r, 'match')), ...included.map((r) => entry(r, 'include'))],
  };
}
