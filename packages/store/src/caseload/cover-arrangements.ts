import type { CoverArrangement } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface NewCover extends Omit<CoverArrangement, 'id'> {
  /** The app user recording it. */
  recordedBy: string;
}

/** Records a cover arrangement and returns it as stored. */
export async function recordCover(db: Kysely<Database>, cover: NewCover): Promise<CoverArrangement> {
  const row = await db
    .insertInto('cover_arrangement')
    .values({
      team_id: cover.teamId,
      absent_practitioner_id: cover.absentPractitionerId,
      covering_practitioner_id: cover.coveringPractitionerId,
      from_date: cover.from,
      to_date: cover.to,
      reason: cover.reason ?? null,
      recorded_by: cover.recordedBy,
    })
    .returning(sql<string>`id::text`.as('id'))
    .executeTakeFirstOrThrow();
  return { id: row.id, teamId: cover.teamId, absentPractitionerId: cover.absentPractitionerId, coveringPractitionerId: cover.coveringPractitionerId, from: cover.from, to: cover.to, reason: cover.reason ?? null };
}

/** Cover arrangements that apply on a day (optionally in some teams only). */
export async function coversOn(db: Kysely<Database>, asOf: string, teams?: readonly string[]): Promise<CoverArrangement[]> {
  return selectCovers(db, sql<boolean>`from_date <= ${asOf}::date AND to_date >= ${asOf}::date`, teams);
}

/** A team's cover arrangements still to end on or after a day: current and planned, soonest first. */
export async function coversFrom(db: Kysely<Database>, teamId: string, day: string): Promise<CoverArrangement[]> {
  const covers = await selectCovers(db, sql<boolean>`to_date >= ${day}::date`, [teamId]);
  return covers.sort((a, b) => a.from.localeCompare(b.from) || Number(a.id) - Number(b.id));
}

async function selectCovers(db: Kysely<Database>, when: ReturnType<typeof sql<boolean>>, teams?: readonly string[]): Promise<CoverArrangement[]> {
  let query = db
    .selectFrom('cover_arrangement')
    .select([
      sql<string>`id::text`.as('id'),
      'team_id',
      'absent_practitioner_id',
      'covering_practitioner_id',
      sql<string>`from_date::text`.as('from'),
      sql<string>`to_date::text`.as('to'),
      'reason',
    ])
    .where(when);
  if (teams) query = query.where(sql<boolean>`team_id = ANY(${[...teams]}::text[])`);
  const rows = await query.orderBy('team_id').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, teamId: r.team_id, absentPractitionerId: r.absent_practitioner_id, coveringPractitionerId: r.covering_practitioner_id, from: r.from, to: r.to, reason: r.reason,
  }));
}
