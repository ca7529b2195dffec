import { createServer, Server, Socket, connect as tcpConnect } from 'node:net';
import type Redis from 'ioredis';
import { deleteKeysAndQuit, testRedisClient } from './redis-client.testing';
import { RedisWindowCounter, RedisWindowCounterOptions } from './redis-window-counter';

/** Runs against the Redis named by REDIS_URL (e.g. redis://127.0.0.1:6379); skipped without it. */
const REDIS_URL = process.env.REDIS_URL;
const withRedis = REDIS_URL ? describe : describe.skip;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quietLogger = () => ({ warn: jest.fn(), log: jest.fn() });

/** Times a call, in milliseconds. */
async function timed<T>(call: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await call();
  return [result, performance.now() - started];
}

describe('RedisWindowCounter without a reachable Redis', () => {
  it('answers at once from memory when nothing listens, and warns at most once per interval', async () => {
    const logger = quietLogger();
    const counter = new RedisWindowCounter({ url: 'redis://127.0.0.1:1', logger });
    try {
      const [, connectMs] = await timed(() => counter.connect());
      expect(connectMs).toBeLessThan(2500);
      const [hits, hitMs] = await timed(async () => [
        await counter.hit('k', 2, 60_000),
        await counter.hit('k', 2, 60_000),
        await counter.hit('k', 2, 60_000),
      ]);
      expect(hitMs).toBeLessThan(250);
      // Still limited, in this process's memory.
      expect(hits.map((hit) => hit.allowed)).toEqual([true, true, false]);
      expect(hits[2].retryAfterSeconds).toBe(60);
      for (let i = 0; i < 20; i++) await counter.hit(`other-${i}`, 5, 60_000);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toMatch(/memory/);
    } finally {
      await counter.close();
    }
  });
});

withRedis('RedisWindowCounter on Redis', () => {
  const counters: RedisWindowCounter[] = [];
  // Keys of this run only (other runs and files never share its counts), deleted at the end.
  const runPrefix = `dl-test:${process.pid}:${Date.now().toString(36)}:`;
  let prefixes = 0;
  let raw: Redis;

  /** A counter connected to Redis under `prefix` (a fresh one by default). */
  const counterOn = async (prefix?: string, options: Partial<RedisWindowCounterOptions> = {}) => {
    const keyPrefix = prefix ?? `${runPrefix}${++prefixes}:`;
    const counter = new RedisWindowCounter({ url: REDIS_URL!, keyPrefix, logger: quietLogger(), ...options });
    counters.push(counter);
    await counter.connect();
    return { counter, keyPrefix };
  };

  beforeAll(() => {
    raw = testRedisClient(REDIS_URL!);
  });

  afterAll(async () => {
    await Promise.all(counters.map((counter) => counter.close()));
    await deleteKeysAndQuit(raw, runPrefix);
  });

  it('allows up to the limit in a window that starts at the first hit, then refuses until the key expires', async () => {
    const { counter, keyPrefix } = await counterOn();
    expect(await counter.hit('a', 2, 300)).toEqual({ allowed: true, retryAfterSeconds: 1 });
    await sleep(150);
    // A later hit does not move the window: it still ends 300 ms after the first one.
    expect((await counter.hit('a', 2, 300)).allowed).toBe(true);
    expect(await counter.hit('a', 2, 300)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await counter.hit('b', 2, 300)).allowed).toBe(true);
    const pttl = await raw.pttl(`${keyPrefix}a`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(150);
    await sleep(200);
    expect(await raw.exists(`${keyPrefix}a`)).toBe(0);
    expect((await counter.hit('a', 2, 300)).allowed).toBe(true);
  });

  it('weighs a batch as several hits, refuses a batch that does not fit whole, and does not count refused hits', async () => {
    const { counter, keyPrefix } = await counterOn();
    expect((await counter.hit('k', 5, 60_000, 4)).allowed).toBe(true);
    expect((await counter.hit('k', 5, 60_000, 2)).allowed).toBe(false);
    for (let i = 0; i < 3; i++) expect((await counter.hit('k', 5, 60_000)).allowed).toBe(i === 0);
    expect(await raw.get(`${keyPrefix}k`)).toBe('5');
    // A first hit heavier than the limit is refused, and starts the window as in memory.
    expect(await counter.hit('heavy', 2, 60_000, 3)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await raw.get(`${keyPrefix}heavy`)).toBe('0');
  });

  it('tells a refused client when the window ends, in whole seconds rounded up', async () => {
    const { counter, keyPrefix } = await counterOn();
    await counter.hit('w', 1, 2_500);
    expect(await counter.hit('w', 1, 2_500)).toEqual({ allowed: false, retryAfterSeconds: 3 });
    await raw.pexpire(`${keyPrefix}w`, 40);
    expect(await counter.hit('w', 1, 2_500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // A key left without an expiry (never by the script) gets one rather than blocking for ever.
    await raw.set(`${keyPrefix}stuck`, '1');
    expect(await counter.hit('stuck', 1, 5_000)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    expect(await raw.pttl(`${keyPrefix}stuck`)).toBeGreaterThan(4_000);
  });

  it('shares the counts between counters on the same prefix (two replicas), and keeps other prefixes apart', async () => {
    const { counter: replica1, keyPrefix } = await counterOn();
    const { counter: replica2 } = await counterOn(keyPrefix);
    const { counter: otherDeployment } = await counterOn();
    expect((await replica1.hit('login:alice', 3, 60_000)).allowed).toBe(true);
    expect((await replica2.hit('login:alice', 3, 60_000)).allowed).toBe(true);
    expect((await replica1.hit('login:alice', 3, 60_000)).allowed).toBe(true);
    expect(await replica2.hit('login:alice', 3, 60_000)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect((await replica1.hit('login:alice', 3, 60_000)).allowed).toBe(false);
    expect((await otherDeployment.hit('login:alice', 3, 60_000)).allowed).toBe(true);
  });

  it('stores very long keys by their hash', async () => {
    const { counter, keyPrefix } = await counterOn();
    const long = `login:${'x'.repeat(10_000)}`;
    expect((await counter.hit(long, 1, 60_000)).allowed).toBe(true);
    expect((await counter.hit(long, 1, 60_000)).allowed).toBe(false);
    const keys = await raw.keys(`${keyPrefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^.+sha256:[0-9a-f]{64}$/);
  });

  it('counts in memory, within a bounded time, while Redis does not answer, and in Redis again once it does', async () => {
    const proxy = await freezableProxy(new URL(REDIS_URL!));
    try {
      const logger = quietLogger();
      const { counter, keyPrefix } = await counterOn(undefined, {
        url: `redis://127.0.0.1:${proxy.port}`,
        logger,
        failureBackoffMs: 500,
      });
      const { counter: other } = await counterOn(keyPrefix);
      expect((await counter.hit('s', 2, 60_000)).allowed).toBe(true);

      proxy.freeze();
      const [first, firstMs] = await timed(() => counter.hit('s', 2, 60_000));
      // Waited for the command timeout (200 ms), then counted in memory, where 's' is new.
      expect(first.allowed).toBe(true);
      expect(firstMs).toBeGreaterThanOrEqual(150);
      expect(firstMs).toBeLessThan(600);
      // Within the back-off, hits go straight to memory.
      const [rest, restMs] = await timed(async () => [
        await counter.hit('s', 2, 60_000),
        await counter.hit('s', 2, 60_000),
      ]);
      expect(restMs).toBeLessThan(100);
      expect(rest.map((hit) => hit.allowed)).toEqual([true, false]);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      // Meanwhile Redis counted only the hit it saw.
      expect((await other.hit('s', 2, 60_000)).allowed).toBe(true);
      expect((await other.hit('s', 2, 60_000)).allowed).toBe(false);

      proxy.thaw();
      await sleep(600);
      // The shared count (2 of 2) applies again, whatever memory counted.
      expect((await counter.hit('s', 5, 60_000)).allowed).toBe(true);
      expect(await raw.get(`${keyPrefix}s`)).toBe('3');
      expect(logger.log).toHaveBeenCalledWith(expect.stringMatching(/Redis again/));
    } finally {
      await proxy.close();
    }
  });
});

/**
 * A TCP proxy to Redis that can stop passing commands on (a Redis that hangs: the connection stays
 * up, replies stop) and then deliver them late, in order, as a slow server would.
 */
async function freezableProxy(target: URL) {
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
    client.on('data', (chunk) => (frozen ? held.push(() => upstream.write(chunk)) : upstream.write(chunk)));
    upstream.on('data', (chunk) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      for (const send of held.splice(0)) send();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
