import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { prepareRecord } from '../records/prepare.ts';
import { writeRecords } from '../records/write-records.ts';

export type GpDocumentStatus = 'queued' | 'delivered' | 'failed' | 'in-app';

/** One summary in the outbox to a GP practice (migration 022). */
export interface GpDocument {
  personId: string;
  id: string;
  kind: 'discharge' | 'transfer';
  source: string;
  practiceId: string;
  bundle: Record<string, unknown>;
  status: GpDocumentStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdBy: string;
  createdAt: string;
  deliveredAt: string | null;
  version: number;
}

export type NewGpDocument = Pick<GpDocument, 'personId' | 'id' | 'kind' | 'source' | 'practiceId' | 'bundle' | 'createdBy'> & {
  /** `queued` when the practice has a FHIR endpoint, `in-app` when its account reads it in the app. */
  status: 'queued' | 'in-app';
  /** The DocumentReference that puts it on the person's record (domain gpDocumentReference), written with it. */
  documentReference: Record<string, unknown> & { id: string };
};

type Row = Database['gp_document'] extends infer T ? { [K in keyof T]: any } : never;

const toDocument = (r: Row): GpDocument => ({
  personId: r.person_id,
  id: r.id,
  kind: r.kind,
  source: r.source,
  practiceId: r.practice_id,
  bundle: r.bundle,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at).toISOString() : null,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
  version: r.version,
});

/**
 * Puts a summary in the outbox, once, with its DocumentReference among the person's records: a
 * second summary of the same discharge or transfer is not written, and the one already there is
 * returned with `created: false` (a double click sends once). Call inside a transaction, so that the
 * outbox row and the record are written together or not at all.
 */
export async function queueGpDocument(db: Kysely<Database>, document: NewGpDocument): Promise<{ document: GpDocument; created: boolean }> {
  const inserted = await db
    .insertInto('gp_document')
    .values({
      person_id: document.personId,
      id: document.id,
      kind: document.kind,
      source: document.source,
      practice_id: document.practiceId,
      bundle: JSON.stringify(document.bundle),
      status: document.status,
      next_attempt_at: document.status === 'queued' ? sql<Date>`now()` : null,
      created_by: document.createdBy,
    })
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'source']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) {
    await writeRecords(db, [prepareRecord({ type: 'DocumentReference', id: document.documentReference.id, personId: document.personId, resource: document.documentReference as never })]);
    return { document: toDocument(inserted), created: true };
  }
  const existing = await db.selectFrom('gp_document').selectAll().where('person_id', '=', document.personId).where('kind', '=', document.kind).where('source', '=', document.source).executeTakeFirstOrThrow();
  return { document: toDocument(existing), created: false };
}

export async function readGpDocument(db: Kysely<Database>, personId: string, id: string): Promise<GpDocument | undefined> {
  const row = await db.selectFrom('gp_document').selectAll().where('person_id', '=', personId).where('id', '=', id).executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

/** A person's summaries to their GP, newest first. */
export async function personGpDocuments(db: Kysely<Database>, personId: string): Promise<GpDocument[]> {
  const rows = await db.selectFrom('gp_document').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toDocument);
}

/**
 * The summaries a GP practice may read in the app: those sent to it about people registered with it
 * now (a person who has moved practice is no longer this practice's to read), newest first.
 */
export async function practiceGpDocuments(db: Kysely<Database>, practiceId: string): Promise<GpDocument[]> {
  const rows = await db
    .selectFrom('gp_document')
    .innerJoin('person', 'person.person_id', 'gp_document.person_id')
    .selectAll('gp_document')
    .where('gp_document.practice_id', '=', practiceId)
    .where('person.gp_practice_id', '=', practiceId)
    .orderBy('gp_document.created_at', 'desc')
    .orderBy('gp_document.id')
    .execute();
  return rows.map(toDocument);
}

/** Summaries due to be tried (queued, or failed with a retry due), oldest due first. */
export async function dueGpDocuments(db: Kysely<Database>, now: Date, limit = 50): Promise<GpDocument[]> {
  const rows = await db
    .selectFrom('gp_document')
    .selectAll()
    .where('status', 'in', ['queued', 'failed'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map(toDocument);
}

export type DeliveryOutcome = { delivered: true } | { delivered: false; error: string; nextAttemptAt: Date | undefined };

/**
 * Records one delivery attempt, on the version read: undefined when someone else recorded one since
 * (two workers never both count the same attempt).
 */
export async function recordDeliveryAttempt(db: Kysely<Database>, document: Pick<GpDocument, 'personId' | 'id' | 'version'>, outcome: DeliveryOutcome): Promise<GpDocument | undefined> {
  const row = await db
    .updateTable('gp_document')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      version: eb('version', '+', 1),
      ...(outcome.delivered
        ? { status: 'delivered', delivered_at: sql<Date>`now()`, last_error: null, next_attempt_at: null }
        : { status: 'failed', last_error: outcome.error.slice(0, 500), next_attempt_at: outcome.nextAttemptAt ?? null }),
    }))
    .where('person_id', '=', document.personId)
    .where('id', '=', document.id)
    .where('version', '=', document.version)
    .returningAll()
    .executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

/** Makes a failed summary due again now (a clinician's "send again"), on the version read. */
export async function requeueGpDocument(db: Kysely<Database>, document: Pick<GpDocument, 'personId' | 'id' | 'version'>): Promise<GpDocument | undefined> {
  const row = await db
    .updateTable('gp_document')
    .set((eb) => ({ status: 'queued', next_attempt_at: sql<Date>`now()`, version: eb('version', '+', 1) }))
    .where('person_id', '=', document.personId)
    .where('id', '=', document.id)
    .where('version', '=', document.version)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
  return row ? toDocument(row) : undefined;
}

/**
 * Whether one of these teams ever held the person (an episode of care, ended or not, or a transfer of
 * care to or from it), or this practitioner was ever their key worker: who may write to their GP
 * after discharge has ended the relationship the record's gate asks for.
 */
export async function everHeldBy(db: Kysely<Database>, personId: string, teams: readonly string[], practitionerId: string | null): Promise<boolean> {
  return (await everHeldAmong(db, [personId], teams, practitionerId)).has(personId);
}

/** Of these people, those one of these teams ever held or this practitioner was ever key worker to (everHeldBy, for many at once). */
export async function everHeldAmong(db: Kysely<Database>, people: readonly string[], teams: readonly string[], practitionerId: string | null): Promise<Set<string>> {
  if (people.length === 0) return new Set();
  const references = teams.map((t) => `Organization/${t}`);
  const rows = await sql<{ person_id: string }>`
    SELECT person_id FROM record WHERE person_id = ANY(${[...people]}::text[]) AND resource_type = 'EpisodeOfCare'
      AND (resource->'managingOrganization'->>'reference' = ANY(${references}::text[]) OR resource->'careManager'->>'reference' = ${practitionerId ? `Practitioner/${practitionerId}` : null})
    UNION
    SELECT person_id FROM transfer_of_care WHERE person_id = ANY(${[...people]}::text[]) AND (sending_team_id = ANY(${[...teams]}::text[]) OR receiving_team_id = ANY(${[...teams]}::text[]))`.execute(db);
  return new Set(rows.rows.map((r) => r.person_id));
}
