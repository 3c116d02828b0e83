/**
 * Runs async tasks with a small bounded concurrency, keeping results in input order. Google's
 * per-account concurrency limit (429 rateLimitExceeded) cannot be raised, so halo-sync stays
 * polite: a handful of requests in flight, never one per person.
 */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}
