import type { Request } from 'express';
import type { AppConfig } from '../../config/app-config';
import { RateLimitedError } from '../errors';
import { RateLimitService } from './rate-limit.service';

const config = {
  security: { rateLimits: { windowSeconds: 60, anonymous: 2, staff: 5, member: 5, apiKey: 5, login: 2 } },
} as AppConfig;

const requestFrom = (ip: string, body: unknown = {}) => ({ ip, body }) as Request;

describe('RateLimitService (in memory, without REDIS_URL)', () => {
  it('charges a request once however many root fields ask at the same moment', async () => {
    const service = new RateLimitService(config);
    const first = requestFrom('192.0.2.1');
    // Root fields of one operation pass the guard concurrently: one charge between them.
    await Promise.all([1, 2, 3].map(() => service.chargeRequest(first, undefined)));
    await service.chargeRequest(requestFrom('192.0.2.1'), undefined);
    const third = requestFrom('192.0.2.1');
    const refusals = await Promise.allSettled([1, 2].map(() => service.chargeRequest(third, undefined)));
    for (const refusal of refusals) {
      expect(refusal.status).toBe('rejected');
      expect((refusal as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitedError);
    }
    // The same refusal again for the request's later fields, without charging anew.
    await expect(service.chargeRequest(third, undefined)).rejects.toMatchObject({ extensions: { retryAfter: 60 } });
  });

  it('counts a login against the username first, and against the address only when the username is not refused', async () => {
    const service = new RateLimitService(config);
    const req = requestFrom('192.0.2.9');
    await service.chargeLoginAttempt(req, ' Alice ');
    await service.chargeLoginAttempt(requestFrom('192.0.2.10'), 'alice');
    await expect(service.chargeLoginAttempt(req, 'ALICE')).rejects.toBeInstanceOf(RateLimitedError);
    // 192.0.2.9 was counted once (the refused attempt stopped at the username): one more is allowed.
    await service.chargeLoginAttempt(req, 'bob');
    await expect(service.chargeLoginAttempt(req, 'carol')).rejects.toMatchObject({ message: /login attempts/ });
  });
});
