import { importOrder, isResourceType } from '@continuity/domain';

export interface BundleEntry {
  /** 1-based position in Bundle.entry. */
  entry: number;
  resource?: unknown;
  problem?: string;
}

type R = Record<string, any>;

const ACCEPTED_BUNDLE_TYPES = new Set(['transaction', 'batch', 'collection', 'searchset', 'transaction-response', 'batch-response']);

/**
 * The resources of a transaction or collection Bundle, ready to import one by one: "urn:uuid:"
 * full URLs are replaced by the Type/id they stand for (an entry without an id takes its uuid as id,
 * so re-importing the same bundle updates rather than duplicates), and entries are put in import
 * order so references point backwards.
 */
export function unpackBundle(bundle: R): BundleEntry[] | { problem: string } {
  if (!ACCEPTED_BUNDLE_TYPES.has(bundle.type)) {
    return { problem: `Bundle.type "${bundle.type ?? ''}" is not importable (use transaction, batch or collection)` };
  }
  const entries: R[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const aliases = new Map<string, string>();
  for (const entry of entries) {
    const resource = entry?.resource as R | undefined;
    const fullUrl = entry?.fullUrl as string | undefined;
    if (!resource || typeof resource !== 'object' || !fullUrl?.startsWith('urn:uuid:')) continue;
    if (resource.id === undefined && /^[A-Za-z0-9\-.]{1,64}$/.test(fullUrl.slice(9))) resource.id = fullUrl.slice(9);
    if (typeof resource.resourceType === 'string' && typeof resource.id === 'string') {
      aliases.set(fullUrl, `${resource.resourceType}/${resource.id}`);
    }
  }
  const unpacked = entries.map((entry, index): BundleEntry => {
    const position = index + 1;
    const method = entry?.request?.method as string | undefined;
    if (method && method !== 'POST' && method !== 'PUT') {
      return { entry: position, problem: `request.method ${method} is not supported by import (POST or PUT only)` };
    }
    if (!entry?.resource) return { entry: position, problem: 'entry has no resource' };
    return { entry: position, resource: aliases.size > 0 ? replaceAliases(entry.resource, aliases) : entry.resource };
  });
  const rank = (e: BundleEntry) => {
    const type = (e.resource as R | undefined)?.resourceType;
    return isResourceType(type) ? importOrder.indexOf(type) : importOrder.length;
  };
  return unpacked.sort((a, b) => rank(a) - rank(b) || a.entry - b.entry);
}

function replaceAliases(node: unknown, aliases: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((child) => replaceAliases(child, aliases));
  if (node && typeof node === 'object') {
    const copy: R = {};
    for (const [key, value] of Object.entries(node)) {
      copy[key] = key === 'reference' && typeof value === 'string' && aliases.has(value) ? aliases.get(value) : replaceAliases(value, aliases);
    }
    return copy;
  }
  return node;
}
