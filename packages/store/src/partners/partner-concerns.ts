import { concernAcknowledgementOf, concernCommunicationIdOf, extension, system, type ConcernAcknowledgement } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type R = Record<string, any>;

export interface HeldPartnerConcern {
  /** The Flag's id and version: an acknowledgement names the version it read. */
  flagId: string;
  version: number;
  from: { id: string | null; name: string };
  raisedOn: string | null;
  /** The partner's words, from the Communication. */
  words: string | null;
  acknowledged: ConcernAcknowledgement | null;
}

const partnerConcernFlag = sql<boolean>`resource @> ${JSON.stringify({ code: { coding: [{ system: system.redFlag, code: 'partner-concern' }] } })}::jsonb`;

/** A person's concerns from partner agencies, those still to act on first, newest first. */
export async function personPartnerConcerns(db: Kysely<Database>, personId: string): Promise<HeldPartnerConcern[]> {
  const flags = await db.selectFrom('record').select(['id', 'resource', 'version_id']).where('person_id', '=', personId).where('resource_type', '=', 'Flag').where(partnerConcernFlag).execute();
  const communicationIds = flags.map((f) => concernCommunicationIdOf(f.resource)).filter((id): id is string => Boolean(id));
  const words = new Map<string, string | null>();
  if (communicationIds.length > 0) {
    const rows = await db.selectFrom('record').select(['id', 'resource']).where('person_id', '=', personId).where('resource_type', '=', 'Communication').where('id', 'in', communicationIds).execute();
    for (const row of rows) words.set(row.id, ((row.resource as R).payload as R[] | undefined)?.[0]?.contentString ?? null);
  }
  return flags
    .map((f) => {
      const flag = f.resource as R;
      const author = flag.author as R | undefined;
      const communication = concernCommunicationIdOf(flag);
      return {
        flagId: f.id,
        version: f.version_id,
        from: { id: (author?.reference as string | undefined)?.replace(/^Organization\//, '') ?? null, name: (author?.display as string | undefined) ?? 'A partner agency' },
        raisedOn: (flag.period?.start as string | undefined) ?? null,
        words: communication ? (words.get(communication) ?? null) : null,
        acknowledged: concernAcknowledgementOf(flag),
      };
    })
    .sort((a, b) => Number(a.acknowledged !== null) - Number(b.acknowledged !== null) || (b.raisedOn ?? '').localeCompare(a.raisedOn ?? '') || a.flagId.localeCompare(b.flagId));
}

/** How many concerns from partner agencies each person has that nobody has acknowledged yet (people with none are absent). */
export async function unacknowledgedPartnerConcerns(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('record')
    .select(['person_id', sql<number>`count(*)::int`.as('n')])
    .where('person_id', 'in', [...personIds])
    .where('resource_type', '=', 'Flag')
    .where('status', '=', 'active')
    .where(partnerConcernFlag)
    .where(sql<boolean>`NOT jsonb_path_exists(resource, ${`$.extension[*] ? (@.url == "${extension.partnerConcernAcknowledged}")`}::jsonpath)`)
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.n]));
}
