import type { BoardTileKey } from '@continuity/domain';

/**
 * Facts read once per build of the board and shared by the tiles that need the same ones (the
 * episodes held on the trend's days, the engagement facts, the scored outcome measures), so that a
 * pack reads each kind of fact once, not once per tile. Kept only while one build runs, and each is
 * let go once every tile of the build that shares it has taken it, so that a pack holds the facts of
 * a few tiles at a time, not of all of them. A later build reads afresh, so nothing here outlives the
 * data version it was read under.
 */
export class BuildFacts {
  private readonly made = new Map<string, { facts: Promise<unknown>; takers: number }>();

  /**
   * `tiles`: the tiles this build makes (the whole board for a pack, one tile for a drill-down).
   * `people`: when given, the build is of these people alone (in sorted order, no repeats): each
   * tile gives exactly the units, held episodes and responses of theirs that a build of everyone
   * would give, and reads only their facts. A build of some people is what keeps the board's
   * per-person projection current after writes (board-projection.ts).
   */
  constructor(
    private readonly tiles: ReadonlySet<BoardTileKey> = new Set(),
    readonly people?: readonly string[],
  ) {}

  /** Whether this build makes a tile too: a tile may then take facts from that tile's read rather than read its own. */
  builds(tile: BoardTileKey): boolean {
    return this.tiles.has(tile);
  }

  /** What `make` gives, made once for this build under `key` (which must say everything it depends on), for the tiles `sharedBy`. */
  once<T>(key: string, sharedBy: readonly BoardTileKey[], make: () => Promise<T>): Promise<T> {
    const found = this.made.get(key) ?? { facts: make(), takers: 0 };
    found.takers += 1;
    if (found.takers >= sharedBy.filter((t) => this.tiles.has(t)).length) this.made.delete(key);
    else this.made.set(key, found);
    return found.facts as Promise<T>;
  }
}
