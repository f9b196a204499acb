/**
 * Where a NUL character is in a resource, as validation names paths (note.0.text): '' for a key of
 * the resource itself, undefined if there is none. No FHIR string may hold one, and PostgreSQL's
 * text and JSON cannot store one, so every write refuses it as the record's own error.
 */
export function pathToNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = pathToNul(child, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
