/**
 * Facts read once per build of the board and shared by the tiles that need the same ones (the
 * episodes held on the trend's days, the engagement facts, the scored outcome measures), so that a
 * pack reads each kind of fact once, not once per tile. Kept only while one build runs: a later
 * build reads afresh, so nothing here outlives the data version it was read under.
 */
export class BuildFacts {
  private readonly made = new Map<string, Promise<unknown>>();

  /** What `make` gives, made once for this build under `key` (which must say everything it depends on). */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    const found = this.made.get(key);
    if (found) return found as Promise<T>;
    const made = make();
    this.made.set(key, made);
    return made;
  }
}
