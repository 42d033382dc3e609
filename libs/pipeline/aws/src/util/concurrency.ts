/**
 * Runs `worker` over `items` with at most `concurrency` in flight. Pulls lazily from the source so
 * a multi-million-key listing never sits in memory. Fails fast: the first error stops new work and
 * is rethrown once in-flight tasks settle.
 */
export async function forEachConcurrent<T>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  worker: (item: T) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${JSON.stringify(concurrency)}`);
  }
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (items as Iterable<T>)[Symbol.iterator]();
  let failed: { error: unknown } | undefined;
  // A shared iterator: each lane takes the next item when it is free.
  const lane = async (): Promise<void> => {
    while (!failed) {
      const next = await iterator.next();
      if (next.done) return;
      try {
        await worker(next.value);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (failed) throw failed.error;
}
