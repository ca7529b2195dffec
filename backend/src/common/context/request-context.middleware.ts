import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Gives each HTTP request an id (kept from `X-Request-Id` when sane) and its own request context. */
export function requestContextMiddleware(req: Request & { id?: string }, res: Response, next: NextFunction) {
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = requestId;
  res.setHeader('X-Request-Id', requestId);
  requestContext.run({ requestId }, next);
}
