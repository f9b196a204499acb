import { collectReferences } from './catalogue.ts';
import { parseReference } from './datatypes.ts';
import { isResourceType, type AnyResource, type ResourceType } from './resource-types.ts';

type Outcome =
  | { ok: true; held: Array<{ path: string; type: ResourceType; id: string }> }
  | { ok: false; path: string; message: string };

/**
 * Sorts a resource's references into those the platform must be able to resolve (relative
 * references to types it holds) and those it keeps as sent (contained "#x", absolute URLs to
 * other servers, types it does not hold). An unresolved "urn:uuid:" can only be a bundle-internal
 * reference whose target was not in the bundle, so it is an error.
 */
export function catalogueReferences(resource: AnyResource): Outcome {
  const held: Array<{ path: string; type: ResourceType; id: string }> = [];
  for (const { path, reference } of collectReferences(resource)) {
    if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) {
      return { ok: false, path, message: `${path} refers to ${reference}, which is not in this bundle` };
    }
    const target = parseReference(reference);
    if (target && isResourceType(target.type)) held.push({ path, type: target.type, id: target.id });
    else if (!target && !reference.startsWith('#') && !/^https?:\/\//.test(reference)) {
      return { ok: false, path, message: `${path} "${reference}" is not a reference of the form Type/id` };
    }
  }
  return { ok: true, held };
}
