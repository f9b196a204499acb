import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { sql } from 'kysely';
import { importOrder, type ResourceType } from '@continuity/domain';
import { recordAudit } from '../audit/audit-log.ts';
import type { Store } from '../database.ts';
import { isSharedType, withMeta } from './fhir-records.ts';

/** Records read per round trip: a page is held in memory at once, so memory stays flat whatever the store holds. */
const PAGE = 2000;

export interface FhirExportSummary {
  dir: string;
  resources: number;
  files: Array<{ type: ResourceType; file: string; resources: number }>;
}

type Row = { person_id: string; id: string; version_id: number; last_updated: Date | string; resource: Record<string, unknown> };

/**
 * `continuity export fhir --out DIR`: every current record as FHIR R4 NDJSON, one file per resource
 * type in the order the importer reads them (so `continuity import DIR` restores them), each with
 * meta.versionId and meta.lastUpdated as the FHIR API serves them. Read in one repeatable-read
 * transaction so the files agree with each other; files readable only by their owner, since they
 * are everyone's records. Audited once, with the counts and no person.
 */
export async function writeFhirExport(store: Store, dir: string, onProgress?: (done: number, total: number) => void): Promise<FhirExportSummary> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose a new or empty folder`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files: FhirExportSummary['files'] = [];
  await store.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const counted = await sql<{ n: string }>`SELECT (SELECT count(*) FROM record) + (SELECT count(*) FROM shared_record) AS n`.execute(trx);
    const total = Number(counted.rows[0]!.n);
    let done = 0;
    for (const type of importOrder) {
      const file = join(dir, `${type}.ndjson`);
      const out = createWriteStream(file, { mode: 0o600 });
      let written = 0;
      const write = async (rows: Row[]) => {
        for (const r of rows) {
          const line = `${JSON.stringify(withMeta({ versionId: r.version_id, lastUpdated: new Date(r.last_updated).toISOString(), resource: r.resource }))}\n`;
          if (!out.write(line)) await once(out, 'drain');
        }
        written += rows.length;
        done += rows.length;
        onProgress?.(done, total);
      };
      if (isSharedType(type)) {
        await write(parentsFirst((await sql<Row>`SELECT NULL AS person_id, id, version_id, last_updated, resource FROM shared_record WHERE resource_type = ${type} ORDER BY id`.execute(trx)).rows));
      } else {
        // Keyset pages along the partition's primary key (person_id, resource_type, id).
        for (let after = { person: '', id: '' }; ; ) {
          const rows = (await sql<Row>`SELECT person_id, id, version_id, last_updated, resource FROM record
            WHERE resource_type = ${type} AND (person_id, id) > (${after.person}, ${after.id})
            ORDER BY person_id, id LIMIT ${PAGE}`.execute(trx)).rows;
          if (rows.length === 0) break;
          await write(rows);
          const last = rows[rows.length - 1]!;
          after = { person: last.person_id, id: last.id };
        }
      }
      out.end();
      await once(out, 'finish');
      if (written > 0) files.push({ type, file, resources: written });
      else rmSync(file);
    }
  });
  const resources = files.reduce((n, f) => n + f.resources, 0);
  await recordAudit(store.db, [{ actorId: 'cli:export', actorRole: 'system', action: 'export-fhir', basis: 'system', outcome: 'allowed', detail: { resources, files: Object.fromEntries(files.map((f) => [f.type, f.resources])) } }]);
  return { dir, resources, files };
}

/**
 * Organisations in an order the importer accepts: each after the one it is part of (a team after its
 * trust), since a record must follow those it points at within a file. Reference data, so held whole.
 */
function parentsFirst(rows: Row[]): Row[] {
  const byId = new Map(rows.map((r) => [`${r.resource.resourceType}/${r.id}`, r]));
  const depth = (r: Row, seen = new Set<Row>()): number => {
    const parent = byId.get(String((r.resource.partOf as { reference?: string } | undefined)?.reference));
    return parent && !seen.has(parent) ? 1 + depth(parent, seen.add(r)) : 0;
  };
  return rows.map((r) => ({ r, d: depth(r) })).sort((a, b) => a.d - b.d).map(({ r }) => r);
}
