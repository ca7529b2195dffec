import { ConflictError } from '../errors';
import { idempotentWrite, payloadHash } from './idempotency';

describe('idempotency', () => {
  it('hashes payloads independently of key order and absent fields', () => {
    expect(payloadHash({ a: 1, b: 'x' })).toBe(payloadHash({ b: 'x', a: 1, c: undefined }));
    expect(payloadHash({ a: 1 })).not.toBe(payloadHash({ a: 2 }));
    expect(payloadHash({ at: new Date('2026-01-01T00:00:00Z') })).toBe(payloadHash({ at: new Date('2026-01-01T00:00:00.000Z') }));
  });

  it('returns the first result on replay and refuses another payload', async () => {
    const store: { hash: string; value: number }[] = [];
    const run = (hash: string, value: number) =>
      idempotentWrite({
        find: async () => store[0] ?? null,
        hashOf: (r) => r.hash,
        payloadHash: hash,
        field: 'input.key',
        write: async () => {
          store.push({ hash, value });
          return store[0];
        },
      });
    expect((await run('h1', 1)).value).toBe(1);
    expect((await run('h1', 2)).value).toBe(1);
    expect(store).toHaveLength(1);
    await expect(run('h2', 3)).rejects.toBeInstanceOf(ConflictError);
  });
});
