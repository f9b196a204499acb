import { createWriteStream, existsSync, mkdirSync, readdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { sql } from 'kysely';
import { csvRecord, mhsdsRecordTypes, mhsdsRows, mhsdsSpecification, mhsdsTables, system, type MhsdsPerson, type MhsdsRecords, type MhsdsRows, type MhsdsTableName } from '@continuity/domain';
import { recordAudit } from '../audit/audit-log.ts';
import type { Store } from '../database.ts';

/** People read per round trip: a page's records are held in memory at once, so the export's memory stays flat whatever the population. */
const PEOPLE_PER_PAGE = 500;

export interface MhsdsExportSummary {
  dir: string;
  specification: string;
  people: number;
  tables: Array<{ table: MhsdsTableName; file: string; rows: number }>;
}

type R = Record<string, any>;

/**
 * Writes the MHSDS-aligned extract (packages/domain/src/mhsds/mhsds-mapping.ts, docs/mhsds-export.md)
 * into DIR, one CSV per table, readable only by its owner: it is everyone's person-level data. Read
 * in one repeatable-read transaction, so the tables agree with each other even while the service is
 * in use, and a page of people at a time, so memory stays flat.
 */
export async function writeMhsdsExport(store: Store, dir: string, onProgress?: (done: number, total: number) => void): Promise<MhsdsExportSummary> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose a new or empty folder`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const files = new Map<MhsdsTableName, { file: string; out: WriteStream; rows: number }>();
  for (const t of mhsdsTables) {
    const file = join(dir, `${t.table}.csv`);
    const out = createWriteStream(file, { mode: 0o600 });
    files.set(t.table, { file, out, rows: 0 });
    out.write(csvRecord(t.columns.map((c) => c.column)));
  }

  let people = 0;
  try {
    await store.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const total = Number((await trx.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
      const odsCodes = new Map(
        (await sql<{ id: string; ods: string | null }>`
          SELECT id, jsonb_path_query_first(resource, ${`$.identifier[*] ? (@.system == "${system.odsOrganisation}").value`}::jsonpath) #>> '{}' AS ods
          FROM shared_record WHERE resource_type = 'Organization'`.execute(trx)).rows.map((r) => [r.id, r.ods]),
      );
      for (let after = ''; ; ) {
        const page = await trx.selectFrom('person').selectAll().where('person_id', '>', after).orderBy('person_id').limit(PEOPLE_PER_PAGE).execute();
        if (page.length === 0) break;
        const ids = page.map((p) => p.person_id);
        const records = await trx
          .selectFrom('record')
          .select(['person_id', 'resource_type', 'resource'])
          .where('person_id', 'in', ids)
          .where('resource_type', 'in', [...mhsdsRecordTypes])
          .orderBy('person_id')
          .orderBy('resource_type')
          .orderBy('id')
          .execute();
        const byPerson = new Map<string, MhsdsRecords>(ids.map((id) => [id, { ServiceRequest: [], EpisodeOfCare: [], Appointment: [], Encounter: [], Flag: [], QuestionnaireResponse: [] }]));
        for (const r of records) byPerson.get(r.person_id)![r.resource_type as keyof MhsdsRecords].push((typeof r.resource === 'string' ? JSON.parse(r.resource) : r.resource) as R);

        for (const p of page) {
          const person: MhsdsPerson = {
            personId: p.person_id,
            nhsNumber: p.nhs_number,
            birthDate: p.birth_date,
            gender: p.gender,
            genderIdentity: p.gender_identity,
            ethnicCategory: p.ethnic_category,
            firstLanguage: p.first_language,
            postcode: p.postcode,
            deceasedAt: p.deceased_at ? new Date(p.deceased_at).toISOString() : null,
            gpPracticeId: p.gp_practice_id,
            gpPracticeOdsCode: p.gp_practice_id ? (odsCodes.get(p.gp_practice_id) ?? null) : null,
          };
          const rows = mhsdsRows(person, byPerson.get(p.person_id)!);
          for (const [table, list] of Object.entries(rows) as Array<[MhsdsTableName, MhsdsRows[MhsdsTableName]]>) {
            const target = files.get(table)!;
            for (const row of list) {
              target.rows++;
              if (!target.out.write(csvRecord(row))) await once(target.out, 'drain');
            }
          }
        }
        people += page.length;
        onProgress?.(people, total);
        after = page.at(-1)!.person_id;
      }
    });
  } finally {
    await Promise.all([...files.values()].map(async ({ out }) => {
      out.end();
      await once(out, 'finish');
    }));
  }

  const tables = mhsdsTables.map((t) => ({ table: t.table, file: files.get(t.table)!.file, rows: files.get(t.table)!.rows }));
  // One entry per run, not one per person: the extract holds everyone on record, so a per-person
  // entry would say the same thing a million times; the run, its time and its counts are what matter.
  await recordAudit(store.db, [{
    actorId: 'cli:export',
    actorRole: 'system',
    action: 'export-mhsds',
    basis: 'system',
    outcome: 'allowed',
    detail: { people, rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])) },
  }]);
  return { dir, specification: mhsdsSpecification, people, tables };
}
