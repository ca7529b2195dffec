import Redis from 'ioredis';

/**
 * A plain Redis client for tests that look at or clean up the counters: ioredis is a dependency of
 * the backend workspace, which tests/ cannot resolve directly. Left out of the build.
 */
export function testRedisClient(url: string): Redis {
  return new Redis(url);
}

/** Deletes the keys under `prefix` (a test's own), and closes the client. */
export async function deleteKeysAndQuit(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
