/** Where to go back to: a page of this app (the worklist, with its date and team), else the person's record. */
export function returnPath(asked: string | null, personId: string): string {
  // "//host" and "/\host" would leave the app: browsers read both as another site.
  return asked && asked.startsWith('/') && !/^\/[/\\]/.test(asked) ? asked : `/people/${encodeURIComponent(personId)}`;
}
