/**
 * `fn` over every item, at most `width` at a time, results in order. A collector with one request per
 * user (20,000 of them) that started them all at once would hold 20,000 waiting tasks (their promises,
 * closures and timers, about 5 KB each) although only a few requests can run; with a window the waiting
 * work stays small and the provider's concurrency limit is still what paces the requests.
 */
export async function mapWindowed<T, R>(
  items: readonly T[],
  width: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
