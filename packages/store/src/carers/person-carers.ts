import { concernChannelOf, concernOutcomeExtension, concernOutcomes, concernOutcomeSystem, readCarer, system, type Carer, type ConcernChannel, type ConcernOutcome } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { loadNames } from '../people/names.ts';
import type { StoredRecord } from '../records/update-record.ts';
import type { Database } from '../schema.ts';
import { communicationOf } from './carer-concern-sql.ts';

/** A carer as the record page shows them, with the version a change of sharing must name. */
export type PersonCarer = Carer & { version: number };

export interface RecordedResponse {
  id: string;
  sentAt: string | null;
  outcome: ConcernOutcome | null;
  words: string;
  /** Who responded, by name, when the response names a Practitioner. */
  by: string | null;
}

export interface RecordedConcern {
  id: string;
  carerId: string | null;
  /** When it reached the team (received, else sent). */
  receivedAt: string | null;
  channel: ConcernChannel | null;
  /** The carer's words, exactly as recorded. */
  words: string;
  responses: RecordedResponse[];
}

type Row = { resource_type: string; id: string; version_id: number; resource: Record<string, any> };

const wordsOf = (r: Record<string, any>) => ((r.payload as Array<{ contentString?: string }> | undefined) ?? []).map((p) => p.contentString).filter((s): s is string => typeof s === 'string').join('\n');
const idOf = (reference: unknown, type: string) => (typeof reference === 'string' && reference.startsWith(`${type}/`) ? reference.slice(type.length + 1) : null);

/** Every carer record of one person, with its version: for a change that touches more than one (the main carer). */
export async function carerRecords(db: Kysely<Database>, personId: string): Promise<Array<StoredRecord & { id: string }>> {
  const rows = await db.selectFrom('record').select(['id', 'resource', 'version_id', 'status']).where('person_id', '=', personId).where('resource_type', '=', 'RelatedPerson').execute();
  return rows.filter((r) => r.status !== 'entered-in-error').map((r) => ({ id: r.id, resource: r.resource, versionId: r.version_id, status: r.status }));
}

/**
 * One person's carers and family (RelatedPerson) and the concerns they raised with the responses
 * to each (docs/fhir.md), in one query by the person's key: those still involved first, the main carer first among them, then by name;
 * concerns as recorded, each with its responses in the order given. Entered-in-error records are left out.
 */
export async function personCarers(db: Kysely<Database>, personId: string): Promise<{ carers: PersonCarer[]; concerns: RecordedConcern[] }> {
  const rows = (await sql<Row>`
    SELECT resource_type, id, version_id, resource FROM record r
    WHERE person_id = ${personId} AND (resource_type = 'RelatedPerson'
      OR (resource_type = 'Communication' AND (${communicationOf('carer-concern', 'r')} OR ${communicationOf('carer-concern-response', 'r')})))
      AND status IS DISTINCT FROM 'entered-in-error'`.execute(db)).rows;
  const carers = rows
    .filter((r) => r.resource_type === 'RelatedPerson')
    .map((r) => ({ ...readCarer(r.resource), version: r.version_id }))
    .sort((a, b) => Number(b.active) - Number(a.active) || Number(b.mainCarer) - Number(a.mainCarer) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));

  const communications = rows.filter((r) => r.resource_type === 'Communication');
  const isConcern = (r: Row) => (r.resource.category as Array<{ coding?: Array<{ system?: string; code?: string }> }>).some((c) => c.coding?.some((x) => x.system === system.communicationCategory && x.code === 'carer-concern'));
  const responses = communications.filter((r) => !isConcern(r));
  const names = await loadNames(db, responses.map((r) => r.resource.sender?.reference));
  const responsesTo = new Map<string, RecordedResponse[]>();
  for (const r of responses.sort((a, b) => String(a.resource.sent ?? '').localeCompare(String(b.resource.sent ?? '')))) {
    const outcome = (r.resource.extension as Array<{ url: string; valueCodeableConcept?: { coding?: Array<{ system?: string; code?: string }> } }> | undefined)
      ?.find((e) => e.url === concernOutcomeExtension)
      ?.valueCodeableConcept?.coding?.find((c) => c.system === concernOutcomeSystem)?.code;
    const response: RecordedResponse = {
      id: r.id,
      sentAt: r.resource.sent ?? null,
      outcome: outcome && Object.hasOwn(concernOutcomes, outcome) ? (outcome as ConcernOutcome) : null,
      words: wordsOf(r.resource),
      by: names.get(r.resource.sender?.reference) ?? null,
    };
    for (const to of (r.resource.inResponseTo as Array<{ reference?: string }> | undefined) ?? []) {
      const concernId = idOf(to.reference, 'Communication');
      if (concernId) responsesTo.set(concernId, [...(responsesTo.get(concernId) ?? []), response]);
    }
  }
  const concerns = communications.filter(isConcern).map((r) => ({
    id: r.id,
    carerId: idOf(r.resource.sender?.reference, 'RelatedPerson'),
    receivedAt: r.resource.received ?? r.resource.sent ?? null,
    channel: concernChannelOf(r.resource.medium),
    words: wordsOf(r.resource),
    responses: responsesTo.get(r.id) ?? [],
  }));
  return { carers, concerns };
}
