import { collectReferences } from '../fhir/catalogue.ts';
import { parseReference } from '../fhir/datatypes.ts';

type R = Record<string, any>;

/**
 * A copy of a resource for a document whose references all resolve inside it: a reference to a
 * resource the document does not carry keeps only its words (`display`, the name when known), so
 * the receiving system never meets a dangling reference. Contained ("#x") references are kept.
 */
export function closeReferences(resource: R, carried: ReadonlySet<string>, nameOf: (reference: string) => string | undefined): R {
  // A reference with no words left says nothing: it is dropped (undefined), and so is an array it empties.
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const kept = node.map(walk).filter((x) => x !== undefined);
      return kept.length > 0 ? kept : undefined;
    }
    if (!node || typeof node !== 'object') return node;
    const object = node as R;
    if (typeof object.reference === 'string' && !object.reference.startsWith('#') && !carried.has(object.reference)) {
      const { reference, ...rest } = object;
      const display = rest.display ?? nameOf(reference);
      return display ? { ...rest, display } : Object.keys(rest).length > 0 ? rest : undefined;
    }
    const entries = Object.entries(object).map(([key, value]) => [key, key === 'contained' ? value : walk(value)] as const);
    return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  };
  return walk(resource) as R;
}

/** Every reference in a document Bundle that does not resolve to one of its entries (FHIR R4 document rules), as "path: reference". */
export function unresolvedReferences(bundle: R): string[] {
  const entries = (bundle.entry ?? []) as R[];
  const fullUrls = new Set(entries.map((e) => e.fullUrl as string));
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const base = String(entry.fullUrl ?? '').replace(/\/[A-Z][A-Za-z]+\/[^/]+$/, '');
    for (const { path, reference } of collectReferences(entry.resource)) {
      if (reference.startsWith('#')) continue;
      const absolute = parseReference(reference) ? `${base}/${reference}` : reference;
      if (!fullUrls.has(absolute)) problems.push(`entry[${i}].resource.${path}: ${reference}`);
    }
  });
  return problems;
}
