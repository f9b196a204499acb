/**
 * Facts read once per build of the board and shared by the tiles that need the same ones (the
 * episodes held on the trend's days, the engagement facts, the scored outcome measures), so that a
 * pack reads each kind of fact once, not once per tile. Kept only while one build runs, and each is
 * let go once as many tiles as share it have taken it, so that a pack holds the facts of a few tiles
 * at a time, not of all of them. A later build reads afresh, so nothing here outlives the data
 * version it was read under.
 */
export class BuildFacts {
  private readonly made = new Map<string, { facts: Promise<unknown>; takers: number }>();

  /**
   * What `make` gives, made once for this build under `key` (which must say everything it depends
   * on), and let go after `sharedBy` takers. A wrong count never changes an answer: too low reads
   * the facts again, too high holds them until the build ends.
   */
  once<T>(key: string, sharedBy: number, make: () => Promise<T>): Promise<T> {
    const found = this.made.get(key) ?? { facts: make(), takers: 0 };
    found.takers += 1;
    if (found.takers >= sharedBy) this.made.delete(key);
    else this.made.set(key, found);
    return found.facts as Promise<T>;
  }
}
