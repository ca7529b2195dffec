import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import type { Principal } from '../auth/principal';
import { RateLimitedError } from '../errors';
import { FixedWindowCounter } from './fixed-window-counter';

/** Operations in one HTTP request: a batch counts as that many requests. */
function operationsIn(req: Request): number {
  return Array.isArray(req.body) ? Math.max(1, req.body.length) : 1;
}

/**
 * The rate limits of the API, per caller: per staff user, per member, per API key (the key's own
 * `rateLimitPerWindow`, carried on its principal, or the default), and per client IP for everyone
 * else; logins and SMS-code requests also per username or phone. Each HTTP request is charged
 * once, however many root fields it resolves.
 */
@Injectable()
export class RateLimitService {
  private readonly counter = new FixedWindowCounter();
  /** The decision already taken for a request: null when it was admitted. */
  private readonly charged = new WeakMap<Request, RateLimitedError | null>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get limits() {
    return this.config.security.rateLimits;
  }

  /**
   * Charges a request to its caller (`principal`; undefined for anonymous callers and for failed
   * authentication, which count against the IP). Throws RATE_LIMITED when over the limit.
   */
  chargeRequest(req: Request, principal: Principal | undefined): void {
    if (!this.charged.has(req)) {
      const [bucket, limit] = this.bucketOf(req, principal);
      this.charged.set(req, this.check(bucket, limit, operationsIn(req)));
    }
    const refusal = this.charged.get(req);
    if (refusal) throw refusal;
  }

  /** Counts one login or code request for `subject` (a username or phone) and for the client IP. */
  chargeLoginAttempt(req: Request, subject: string): void {
    const limit = this.limits.login;
    const refusal =
      this.check(`login:${subject.trim().toLowerCase()}`, limit) ?? this.check(`login-ip:${req.ip ?? 'unknown'}`, limit);
    if (refusal) throw new RateLimitedError('Too many login attempts; try again later', refusal.extensions.retryAfter as number);
  }

  private bucketOf(req: Request, principal: Principal | undefined): [string, number] {
    if (principal?.staff) return [`staff:${principal.staff.id}`, this.limits.staff];
    if (principal?.member) return [`member:${principal.member.id}`, this.limits.member];
    if (principal?.apiClient) return [`key:${principal.apiClient.id}`, principal.apiClient.rateLimitPerWindow ?? this.limits.apiKey];
    return [`ip:${req.ip ?? 'unknown'}`, this.limits.anonymous];
  }

  private check(bucket: string, limit: number, weight = 1): RateLimitedError | null {
    if (limit <= 0) return null;
    const hit = this.counter.hit(bucket, limit, this.limits.windowSeconds * 1000, weight);
    return hit.allowed ? null : new RateLimitedError('Too many requests; try again later', hit.retryAfterSeconds);
  }
}
