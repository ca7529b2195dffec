import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { SecurityConfig } from '../../config/app-config';
import { ErrorCode } from '../errors';
import { anonymousRateLimit, RateLimitService } from '../rate-limit';

const GRAPHQL_PATH = '/graphql';

/** A GraphQL-shaped error body for refusals made before GraphQL runs. */
function refuse(res: Response, status: number, code: ErrorCode, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** Bodies that are too large or not JSON get a coded JSON answer, never Express's HTML error page. */
function bodyErrors(limit: string) {
  return (error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.too.large') return refuse(res, 413, ErrorCode.BAD_USER_INPUT, `The request body is larger than ${limit}`);
    if (error.status && error.status >= 400 && error.status < 500) {
      return refuse(res, error.status, ErrorCode.BAD_USER_INPUT, error.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : 'The request body cannot be read');
    }
    next(error);
  };
}

/** A batch (a JSON array of operations) holds 1 to `maxBatch` operations. */
function batchCap(maxBatch: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!Array.isArray(req.body)) return next();
    if (req.body.length === 0) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'The batch holds no operations');
    if (req.body.length > maxBatch) {
      return refuse(res, 400, ErrorCode.QUERY_TOO_COMPLEX, `A request may hold at most ${maxBatch} operations; it held ${req.body.length}`);
    }
    next();
  };
}

function corsOrigin(origins: SecurityConfig['corsOrigins']): boolean | string[] {
  if (origins === '*') return true;
  return origins.length ? origins : false;
}

/**
 * The HTTP guards in front of every route, installed before the application's routes: security
 * headers (the CSP admits the admin SPA: its own scripts, and MUI's inline styles), CORS from the
 * configuration, the client IP through trusted proxies only, a bounded JSON body, the batch cap,
 * and the per-IP limit on anonymous GraphQL requests.
 */
export function hardenHttp(app: INestApplication, security: SecurityConfig): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', security.trustProxy);
  express.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // TLS ends at the proxy; upgrading would break plain-HTTP intranet installs.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  express.enableCors({
    origin: corsOrigin(security.corsOrigins),
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Api-Key', 'X-Request-Id', 'Apollo-Require-Preflight'],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  express.useBodyParser('json', { limit: security.requestBodyLimit });
  express.use(bodyErrors(security.requestBodyLimit));
  express.use(GRAPHQL_PATH, batchCap(security.maxBatch));
  express.use(GRAPHQL_PATH, anonymousRateLimit(app.get(RateLimitService)));
}
