import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';
import { RateLimitService } from './rate-limit.service';

/**
 * Charges requests that carry no credentials to their IP before GraphQL parses them, so anonymous
 * floods (including introspection and invalid queries, which reach no resolver) are refused cheaply.
 * Requests with credentials are charged to their caller once authenticated.
 */
export function anonymousRateLimit(rateLimits: RateLimitService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' && req.method !== 'GET') return next();
    if (req.headers.authorization || req.headers['x-api-key']) return next();
    try {
      await rateLimits.chargeRequest(req, undefined);
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      const { http: _http, ...extensions } = error.extensions;
      if (extensions.retryAfter) res.setHeader('Retry-After', String(extensions.retryAfter));
      res.status(429).json({ errors: [{ message: error.message, extensions }] });
      return;
    }
    next();
  };
}
