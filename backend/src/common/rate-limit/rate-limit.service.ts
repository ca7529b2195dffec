import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { Principal } from '../auth/principal';
import { RateLimitedError } from '../errors';
import { RedisWindowCounter } from './redis-window-counter';
import { MemoryWindowCounter, WindowCounter } from './window-counter';

/** Operations in one HTTP request: a batch counts as that many requests. */
function operationsIn(req: Request): number {
  return Array.isArray(req.body) ? Math.max(1, req.body.length) : 1;
}

/**
 * The rate limits of the API, per caller: per staff user, per member, per API key (the key's own
 * `rateLimitPerWindow`, carried on its principal, or the default), and per client IP for everyone
 * else; logins and SMS-code requests also per username or phone. Each HTTP request is charged
 * once, however many root fields it resolves. Counted in Redis, shared by the replicas, when
 * REDIS_URL is set (in this process's memory while Redis is unreachable); otherwise in memory.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnApplicationShutdown {
  private readonly counter: WindowCounter;
  /** The decision taken (or being taken) for a request: null when it was admitted. */
  private readonly charged = new WeakMap<Request, Promise<RateLimitedError | null>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.counter = config.redis
      ? new RedisWindowCounter({ url: config.redis.url, keyPrefix: `${config.redis.keyPrefix}rl:` })
      : new MemoryWindowCounter();
  }

  async onModuleInit(): Promise<void> {
    await this.counter.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.close();
  }

  private get limits() {
    return this.config.security.rateLimits;
  }

  /**
   * Charges a request to its caller (`principal`; undefined for anonymous callers and for failed
   * authentication, which count against the IP). Rejects with RATE_LIMITED when over the limit.
   */
  async chargeRequest(req: Request, principal: Principal | undefined): Promise<void> {
    let decision = this.charged.get(req);
    if (!decision) {
      const [bucket, limit] = this.bucketOf(req, principal);
      decision = this.check(bucket, limit, operationsIn(req));
      this.charged.set(req, decision);
    }
    const refusal = await decision;
    if (refusal) throw refusal;
  }

  /** Counts one login or code request for `subject` (a username or phone) and for the client IP. */
  async chargeLoginAttempt(req: Request, subject: string): Promise<void> {
    const limit = this.limits.login;
    const refusal =
      (await this.check(`login:${subject.trim().toLowerCase()}`, limit)) ?? (await this.check(`login-ip:${req.ip ?? 'unknown'}`, limit));
    if (refusal) throw new RateLimitedError('Too many login attempts; try again later', refusal.extensions.retryAfter as number);
  }

  private bucketOf(req: Request, principal: Principal | undefined): [string, number] {
    if (principal?.staff) return [`staff:${principal.staff.id}`, this.limits.staff];
    if (principal?.member) return [`member:${principal.member.id}`, this.limits.member];
    if (principal?.apiClient) return [`key:${principal.apiClient.id}`, principal.apiClient.rateLimitPerWindow ?? this.limits.apiKey];
    return [`ip:${req.ip ?? 'unknown'}`, this.limits.anonymous];
  }

  private async check(bucket: string, limit: number, weight = 1): Promise<RateLimitedError | null> {
    if (limit <= 0) return null;
    const hit = await this.counter.hit(bucket, limit, this.limits.windowSeconds * 1000, weight);
    return hit.allowed ? null : new RateLimitedError('Too many requests; try again later', hit.retryAfterSeconds);
  }
}
