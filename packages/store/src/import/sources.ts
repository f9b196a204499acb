import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { importOrder, isResourceType, type ResourceType } from '@continuity/domain';

export interface ImportSource {
  path: string;
  format: 'ndjson' | 'json';
  /** The resource type the file name promises (Patient.ndjson), if any. */
  declaredType?: ResourceType;
  bytes: number;
}

const NDJSON = new Set(['.ndjson', '.jsonl']);

/**
 * The files to import from a path: one file, or every NDJSON/JSON file in a folder. Files named
 * after a resource type are taken in import order, so that references point backwards.
 */
export function listSources(path: string): ImportSource[] {
  const stat = statSync(path);
  const files = stat.isDirectory()
    ? readdirSync(path)
        .filter((name) => NDJSON.has(extname(name)) || extname(name) === '.json')
        .map((name) => join(path, name))
    : [path];
  const sources = files.map((file): ImportSource => {
    const ext = extname(file);
    const stem = basename(file, ext).split('.')[0] ?? '';
    return {
      path: file,
      format: ext === '.json' ? 'json' : 'ndjson',
      declaredType: isResourceType(stem) ? stem : undefined,
      bytes: statSync(file).size,
    };
  });
  const rank = (s: ImportSource) => (s.declaredType ? importOrder.indexOf(s.declaredType) : importOrder.length);
  return sources.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
}
