import { hash } from 'node:crypto';
import { kindOf, toInstant, type AnyResource, type ResourceType } from '@continuity/domain';

export interface IncomingRecord {
  type: ResourceType;
  id: string;
  /** The Patient id; undefined for shared records. */
  personId?: string;
  resource: AnyResource;
}

export interface PreparedRecord extends IncomingRecord {
  json: string;
  contentHash: string;
  occurredAt: string | null;
  status: string | null;
}

/**
 * The stored form of a record. meta.versionId and meta.lastUpdated belong to this server, so they are
 * dropped from what is stored and hashed; the hash is what makes re-importing the same file a no-op.
 */
export function prepareRecord(record: IncomingRecord): PreparedRecord {
  const resource = withoutServerMeta(record.resource);
  const json = JSON.stringify(resource);
  const kind = kindOf(record.type);
  return {
    ...record,
    resource,
    json,
    // One-shot hashing: no Hash object per record (the same digest as createHash).
    contentHash: hash('sha256', json, 'base64url'),
    occurredAt: toInstant(kind.occurredAt(resource)) ?? null,
    status: kind.status(resource) ?? null,
  };
}

function withoutServerMeta(resource: AnyResource): AnyResource {
  const meta = resource.meta as Record<string, unknown> | undefined;
  if (!meta) return resource;
  const { versionId: _versionId, lastUpdated: _lastUpdated, ...rest } = meta;
  const copy: AnyResource = { ...resource };
  if (Object.keys(rest).length > 0) copy.meta = rest;
  else delete copy.meta;
  return copy;
}
