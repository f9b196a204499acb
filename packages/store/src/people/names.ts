import { parseReference } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type R = Record<string, any>;

/** Display names for organisations, teams and staff, so records read as words rather than ids. */
export async function loadNames(db: Kysely<Database>, references: Iterable<string | undefined>): Promise<Map<string, string>> {
  const wanted = new Map<string, Set<string>>();
  for (const reference of references) {
    const target = parseReference(reference);
    if (!target || (target.type !== 'Organization' && target.type !== 'Practitioner')) continue;
    if (!wanted.has(target.type)) wanted.set(target.type, new Set());
    wanted.get(target.type)!.add(target.id);
  }
  const names = new Map<string, string>();
  for (const [type, ids] of wanted) {
    const rows = await db.selectFrom('shared_record').select(['id', 'resource']).where('resource_type', '=', type).where('id', 'in', [...ids]).execute();
    for (const row of rows) names.set(`${type}/${row.id}`, displayName(row.resource as R));
  }
  return names;
}

export function displayName(resource: R): string {
  if (typeof resource.name === 'string') return resource.name;
  const name = (resource.name as R[] | undefined)?.[0];
  return [name?.prefix?.join(' '), name?.given?.join(' '), name?.family].filter(Boolean).join(' ') || resource.id;
}

/** Every reference string inside some resources. */
export function referencesIn(resources: unknown[]): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'reference' && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  resources.forEach(walk);
  return found;
}
