/**
 * Runs `work` on every item with at most `limit` in flight, in item order, and answers the results
 * in that order. For jobs whose few per-record transactions are independent: a small number in
 * flight overlaps their round trips and commits without exhausting the connection pool.
 */
export async function withBoundedConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
