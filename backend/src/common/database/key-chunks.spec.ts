import { withBoundedConcurrency } from './bounded-concurrency';
import { compositeKey, inClaimedChunks, inKeyChunks, keysetAfter } from './key-chunks';

describe('keysetAfter', () => {
  it('matches every row at the start of a walk', () => {
    expect(keysetAfter(['a', 'b'], '')).toEqual({ sql: '1 = 1', parameters: [] });
  });

  it('spells out (a, b, c) > cursor column by column, converting values', () => {
    const after = keysetAfter(['a', 'b', 'c'], compositeKey(['2026-03-02', 7, 'x']), (v, i) => (i === 1 ? Number(v) * 10 : v));
    expect(after.sql).toBe('((a > ?) OR (a = ? AND b > ?) OR (a = ? AND b = ? AND c > ?))');
    expect(after.parameters).toEqual(['2026-03-02', '2026-03-02', 70, '2026-03-02', 70, 'x']);
  });
});

/** Rows 1…n in chunks of `size`, fetched by key like a job's keyset query. */
function keyedRows(n: number, size: number) {
  const rows = Array.from({ length: n }, (_, i) => ({ id: String(i + 1).padStart(3, '0') }));
  return (after: string) => Promise.resolve(rows.filter((r) => r.id > after).slice(0, size));
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inKeyChunks', () => {
  it('hands every row over once, in key order, one chunk after the other by default', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let most = 0;
    const totals = await inKeyChunks({
      fetch: keyedRows(7, 3),
      handle: async (rows) => {
        most = Math.max(most, ++inFlight);
        await tick(2);
        seen.push(...rows.map((r) => r.id));
        inFlight--;
        return 1;
      },
    });
    expect(seen).toEqual(['001', '002', '003', '004', '005', '006', '007']);
    expect(totals).toEqual({ processed: 7, affected: 3 });
    expect(most).toBe(1);
  });

  it('fetches ahead and handles up to `inFlight` chunks at once', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let most = 0;
    const fetch = keyedRows(10, 2);
    const totals = await inKeyChunks({
      fetch: (after) => {
        events.push(`fetch>${after}`);
        return fetch(after);
      },
      handle: async (rows) => {
        most = Math.max(most, ++inFlight);
        await tick(5);
        inFlight--;
        events.push(`done ${rows[0].id}`);
        return rows.length;
      },
      inFlight: 2,
    });
    expect(totals).toEqual({ processed: 10, affected: 10 });
    expect(most).toBe(2);
    // The second chunk was fetched while the first was still being handled.
    expect(events.indexOf('fetch>002')).toBeLessThan(events.indexOf('done 001'));
  });

  it('stops at the first failure, lets the chunks under way finish, and rethrows it', async () => {
    const finished: string[] = [];
    const fetched: string[] = [];
    const fetch = keyedRows(20, 2);
    await expect(
      inKeyChunks({
        fetch: (after) => {
          fetched.push(after);
          return fetch(after);
        },
        handle: async (rows) => {
          if (rows[0].id === '003') {
            await tick(1);
            throw new Error('chunk 2 failed');
          }
          await tick(20);
          finished.push(rows[0].id);
        },
        inFlight: 3,
      }),
    ).rejects.toThrow('chunk 2 failed');
    // Chunks 1 and 3 were under way when chunk 2 failed: they finished before the walk gave up; none started after.
    expect(fetched).toEqual(['', '002', '004']);
    expect(finished).toEqual(['001', '005']);
  });

  it('lets no chunk run on when a fetch fails', async () => {
    const finished: string[] = [];
    const fetch = keyedRows(10, 2);
    await expect(
      inKeyChunks({
        fetch: (after) => (after === '002' ? Promise.reject(new Error('connection lost')) : fetch(after)),
        handle: async (rows) => {
          await tick(10);
          finished.push(rows[0].id);
        },
        inFlight: 2,
      }),
    ).rejects.toThrow('connection lost');
    expect(finished).toEqual(['001']);
  });
});

describe('inClaimedChunks', () => {
  it('works until the set is empty and totals what it saw and changed', async () => {
    const open = ['a', 'b', 'c', 'd', 'e'];
    const totals = await inClaimedChunks({
      fetch: async () => open.slice(0, 2).map((id) => ({ id })),
      handle: async (rows) => {
        for (const row of rows) open.splice(open.indexOf(row.id), 1);
        return rows.length - 1;
      },
    });
    expect(totals).toEqual({ processed: 5, affected: 2 });
    expect(open).toEqual([]);
  });

  it('throws instead of looping when a handler leaves its rows in the set', async () => {
    await expect(inClaimedChunks({ fetch: async () => [{ id: 'stuck' }], handle: async () => 0 })).rejects.toThrow(/no progress/);
  });
});

describe('withBoundedConcurrency', () => {
  it('keeps at most `limit` in flight and answers in item order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await withBoundedConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 2;
    });
    expect(results).toEqual([10, 2, 8, 4, 6]);
    expect(most).toBe(2);
  });
});
