import { withBoundedConcurrency } from './bounded-concurrency';
import { compositeKey, inClaimedChunks, keysetAfter } from './key-chunks';

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
