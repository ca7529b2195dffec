import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { FixedWindowCounter, Hit } from './fixed-window-counter';
import type { WindowCounter } from './window-counter';

/**
 * One hit, atomically: KEYS[1] the window's key; ARGV weight, limit, window length in ms.
 * The window starts at the key's first hit (refused or not, as in the memory counter) and ends when
 * the key expires. A hit that would take the count over the limit is refused and not counted.
 * Returns { 1 if allowed else 0, milliseconds left in the window }.
 */
const HIT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]))
if count == nil then
  count = 0
  redis.call('SET', KEYS[1], 0, 'PX', ARGV[3])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  ttl = tonumber(ARGV[3])
end
local weight = tonumber(ARGV[1])
if count + weight > tonumber(ARGV[2]) then
  return {0, ttl}
end
redis.call('INCRBY', KEYS[1], weight)
return {1, ttl}
`;

type RedisWithHit = Redis & {
  rateLimitHit(key: string, weight: number, limit: number, windowMs: number): Promise<[number, number]>;
};

/** Keys longer than this (a login with a huge "username") are stored by their SHA-256. */
const MAX_PLAIN_KEY = 200;

export interface RedisWindowCounterOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. */
  url: string;
  /** Prepended to every key, so that the counters do not collide with other users of the server. */
  keyPrefix?: string;
  /** Longest wait for one Redis call before the hit is counted in memory instead. */
  commandTimeoutMs?: number;
  /** After a failed call, hits are counted in memory for this long before Redis is tried again. */
  failureBackoffMs?: number;
  /** Longest wait for the first connection at start-up. */
  connectTimeoutMs?: number;
  /** Warnings about Redis are logged at most once per this interval. */
  warningIntervalMs?: number;
  logger?: Pick<Logger, 'warn' | 'log'>;
  now?: () => number;
}

/**
 * Counts in Redis, shared by every replica that uses the same server and prefix, in one round trip
 * per hit (a Lua script). Redis being down or slow never holds a request up for long: each call is
 * bounded (`commandTimeoutMs`), calls fail at once while disconnected (no offline queue), and a hit
 * whose call fails is counted in this process's memory instead — per replica, as without Redis —
 * until Redis answers again (ioredis reconnects by itself).
 */
export class RedisWindowCounter implements WindowCounter {
  private readonly redis: RedisWithHit;
  private readonly fallback: FixedWindowCounter;
  private readonly prefix: string;
  private readonly failureBackoffMs: number;
  private readonly connectTimeoutMs: number;
  private readonly warningIntervalMs: number;
  private readonly logger: Pick<Logger, 'warn' | 'log'>;
  private readonly now: () => number;
  /** Until when hits go straight to memory after a failure. */
  private skipRedisUntil = 0;
  private lastWarningAt = -Infinity;
  /** Whether hits have been counted in memory since Redis last answered. */
  private degraded = false;
  private closed = false;

  constructor(options: RedisWindowCounterOptions) {
    this.prefix = options.keyPrefix ?? 'dl:rl:';
    this.failureBackoffMs = options.failureBackoffMs ?? 1000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 2000;
    this.warningIntervalMs = options.warningIntervalMs ?? 60_000;
    this.logger = options.logger ?? new Logger('RateLimit');
    this.now = options.now ?? Date.now;
    this.fallback = new FixedWindowCounter(this.now);
    this.redis = new Redis(options.url, {
      lazyConnect: true,
      // Fail fast while disconnected rather than queue behind a dead connection.
      enableOfflineQueue: false,
      commandTimeout: options.commandTimeoutMs ?? 200,
      connectTimeout: this.connectTimeoutMs,
      // A hit already answered from memory must not be counted again by a resend after a reconnect.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      // How long a closing connection may take before it is destroyed (ioredis waits 2 s by default,
      // even for a socket that is already gone, which would hold the process open on shutdown).
      disconnectTimeout: 200,
      // Names the connection in CLIENT LIST after its key prefix.
      connectionName: this.prefix.replace(/[^\x21-\x7e]/g, '_'),
    }) as RedisWithHit;
    this.redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    // Connection errors are reported through hits counted in memory; an unhandled 'error' event
    // would only print to the console.
    this.redis.on('error', (error: Error) => this.warn(`Redis error: ${error.message}`));
    this.redis.on('ready', () => (this.skipRedisUntil = 0));
  }

  async hit(key: string, limit: number, windowMs: number, weight = 1): Promise<Hit> {
    if (this.redis.status === 'ready' && this.now() >= this.skipRedisUntil) {
      try {
        const [allowed, ttl] = await this.redis.rateLimitHit(this.redisKey(key), weight, limit, windowMs);
        if (this.degraded) {
          this.degraded = false;
          this.logger.log('Rate limits are counted in Redis again, shared by the replicas');
        }
        return {
          allowed: Number(allowed) === 1,
          retryAfterSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)),
        };
      } catch (error) {
        this.skipRedisUntil = this.now() + this.failureBackoffMs;
        this.warn(`Redis call failed: ${(error as Error).message}`);
      }
    } else if (!this.closed) {
      if (this.redis.status === 'wait') void this.connect();
      this.warn(this.redis.status === 'ready' ? 'Redis failed recently' : `Redis is ${this.redis.status}`);
    }
    return this.fallback.hit(key, limit, windowMs, weight);
  }

  /** Connects, waiting at most `connectTimeoutMs`; if Redis is not there yet, hits count in memory meanwhile. */
  async connect(): Promise<void> {
    if (this.redis.status !== 'wait') return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.connectTimeoutMs);
      timer.unref();
    });
    // A failed first attempt rejects; ioredis keeps reconnecting in the background.
    await Promise.race([
      this.redis.connect().catch((error: Error) => this.warn(`cannot connect to Redis: ${error.message}`)),
      timeout,
    ]);
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.redis.status === 'ready') {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.connectTimeoutMs)));
      await Promise.race([this.redis.quit().catch(() => undefined), timeout]);
      clearTimeout(timer);
    }
    // Stops reconnecting; after a QUIT the connection is already closed ('end').
    if (this.redis.status !== 'end') this.redis.disconnect();
  }

  private redisKey(key: string): string {
    return (
      this.prefix +
      (key.length > MAX_PLAIN_KEY ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key)
    );
  }

  /** Logs that hits are being counted in memory, at most once per `warningIntervalMs`. */
  private warn(reason: string) {
    if (this.closed) return;
    this.degraded = true;
    const now = this.now();
    if (now - this.lastWarningAt < this.warningIntervalMs) return;
    this.lastWarningAt = now;
    this.logger.warn(
      `Rate limits counted in this replica's memory (not shared) while Redis is unavailable: ${reason}`,
    );
  }
}
