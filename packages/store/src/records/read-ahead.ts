/**
 * What `read` gives for each slice, in order, the next slice's read started before this one is
 * handed over: the database reads one slice while Node judges the one before, so a trend takes
 * nearer the longer of the two than their sum. At most two slices' rows are held at once.
 */
export async function* readAhead<S, T>(slices: readonly S[], read: (slice: S) => Promise<T>): AsyncGenerator<T> {
  let next = slices.length > 0 ? read(slices[0]!) : undefined;
  for (let i = 0; i < slices.length; i += 1) {
    const current = next!;
    next = i + 1 < slices.length ? read(slices[i + 1]!) : undefined;
    // If the caller stops early (an error while judging), the read started ahead must not go unhandled.
    next?.catch(() => {});
    yield await current;
  }
}
