/** What a chunked walk saw and changed; the shape of a job's result. */
export interface ChunkTotals {
  processed: number;
  affected: number;
}

/**
 * Walks rows in key order, one chunk at a time, never holding more than a few chunks: `fetch(after)`
 * returns the next rows with a key greater than `after` (ordered by it, at most a chunk);
 * `handle` works on them and answers how many it changed. Used by the jobs, whose handlers are
 * idempotent, so a walk cut short is simply run again from the start.
 *
 * With `inFlight` above 1, the next chunk is fetched while earlier ones are handled, and up to
 * `inFlight` chunks are handled at once: a walk that waits on the database (reads of a table larger
 * than the buffer pool, commits) then keeps more than one of its cores busy. Only for handlers of
 * disjoint rows whose work does not change what later fetches return. The first failure stops the
 * walk: no new chunk starts, the ones under way finish, and it is rethrown.
 */
export async function inKeyChunks<R>(options: {
  fetch: (after: string) => Promise<R[]>;
  handle: (rows: R[]) => Promise<number | void>;
  /** The key of a row; default its `id`. */
  keyOf?: (row: R) => string;
  heartbeat?: () => Promise<void>;
  /** Chunks handled at once (default 1: one after the other). */
  inFlight?: number;
}): Promise<ChunkTotals> {
  const keyOf = options.keyOf ?? ((row: R) => String((row as { id: unknown }).id));
  const limit = Math.max(1, Math.floor(options.inFlight ?? 1));
  const totals: ChunkTotals = { processed: 0, affected: 0 };
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let after = '';
  try {
    while (!failure) {
      const rows = await options.fetch(after);
      if (!rows.length || failure) break;
      after = keyOf(rows[rows.length - 1]);
      const handled: Promise<void> = (async () => {
        // Awaited before adding: `totals.affected += await …` would add to a total read before the wait.
        const changed = (await options.handle(rows)) ?? 0;
        totals.affected += changed;
        totals.processed += rows.length;
        await options.heartbeat?.();
      })()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => running.delete(handled));
      running.add(handled);
      if (running.size >= limit) await Promise.race(running);
    }
  } finally {
    // Also when a fetch fails: no chunk is left running behind the caller's back.
    await Promise.all(running);
  }
  if (failure) throw (failure as { error: unknown }).error;
  return totals;
}

/**
 * Works through the rows of a set that handled rows leave (a claim loop: "open lots due to expire"
 * once expired are no longer open), one chunk at a time: `fetch()` returns the first rows still in
 * the set; `handle` claims and works on them and answers how many it changed. A chunk that comes
 * back unchanged means the handler left its rows in the set, which would loop forever: it throws.
 */
export async function inClaimedChunks<R extends { id: string }>(options: {
  fetch: () => Promise<R[]>;
  handle: (rows: R[]) => Promise<number>;
  heartbeat?: () => Promise<void>;
}): Promise<ChunkTotals> {
  let processed = 0;
  let affected = 0;
  let previous = '';
  for (;;) {
    const rows = await options.fetch();
    if (!rows.length) break;
    const signature = `${rows[0].id}:${rows[rows.length - 1].id}:${rows.length}`;
    if (signature === previous)
      throw new Error('A claimed chunk stayed in its set: the handler made no progress');
    previous = signature;
    affected += await options.handle(rows);
    processed += rows.length;
    await options.heartbeat?.();
  }
  return { processed, affected };
}

/** A cursor over several columns, for `inKeyChunks` walks in the order of a composite index. */
export function compositeKey(values: ReadonlyArray<string | number>): string {
  return JSON.stringify(values);
}

/**
 * The rows after a `compositeKey` cursor in the order of `columns` (`(a, b) > (x, y)` spelled
 * out as `a > x OR (a = x AND b > y)`, which both databases turn into index ranges), with its
 * parameters; the empty cursor of a walk's start matches every row. `parameter` converts a
 * cursor value back into a query parameter (a DateTime, say).
 */
export function keysetAfter(
  columns: readonly string[],
  after: string,
  parameter: (value: string | number, column: number) => unknown = (value) => value,
): { sql: string; parameters: unknown[] } {
  if (!after) return { sql: '1 = 1', parameters: [] };
  const values = JSON.parse(after) as (string | number)[];
  const terms: string[] = [];
  const parameters: unknown[] = [];
  for (let i = 0; i < columns.length; i++) {
    terms.push([...columns.slice(0, i).map((c) => `${c} = ?`), `${columns[i]} > ?`].join(' AND '));
    for (let j = 0; j <= i; j++) parameters.push(parameter(values[j], j));
  }
  return { sql: `(${terms.map((t) => `(${t})`).join(' OR ')})`, parameters };
}
