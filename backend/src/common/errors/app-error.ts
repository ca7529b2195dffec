import { GraphQLError } from 'graphql';

/** The `extensions.code` values clients can rely on. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_BALANCE = 'INSUFFICIENT_BALANCE',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  QUOTA_EXHAUSTED = 'QUOTA_EXHAUSTED',
  INVALID_STATE = 'INVALID_STATE',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The one error family of the application: every expected failure is one of these. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** `fields` maps input paths (e.g. `input.phone`) to what is wrong with them. */
export class BadUserInputError extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    message = `Invalid input: ${Object.entries(fields)
      .map(([path, problem]) => `${path} ${problem}`)
      .join('; ')}`,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, { fields });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.CONFLICT, message, field ? { field } : {});
  }
}

export class InvalidStateError extends AppError {
  constructor(message: string) {
    super(ErrorCode.INVALID_STATE, message);
  }
}

/**
 * Answered with HTTP 429; `retryAfter` (seconds) is also sent as the `Retry-After` header. (Apollo
 * takes `extensions.http` off the error and applies it to the response.)
 */
export class RateLimitedError extends AppError {
  constructor(message = 'Too many requests, try again later', retryAfterSeconds?: number) {
    const retryAfter = retryAfterSeconds ? Math.ceil(retryAfterSeconds) : undefined;
    super(ErrorCode.RATE_LIMITED, message, {
      ...(retryAfter ? { retryAfter } : {}),
      http: { status: 429, headers: new Map(retryAfter ? [['retry-after', String(retryAfter)]] : []) },
    });
  }
}

/** The operation is too deep or asks for too much at once (depth, complexity, batch size). */
export class QueryTooComplexError extends AppError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, extra);
  }
}

export class InsufficientPointsError extends AppError {
  constructor(needed: number, available: number) {
    super(ErrorCode.INSUFFICIENT_POINTS, `Needs ${needed} points, ${available} available`, { needed, available });
  }
}

export class InsufficientBalanceError extends AppError {
  constructor(message = 'Insufficient balance') {
    super(ErrorCode.INSUFFICIENT_BALANCE, message);
  }
}

export class QuotaExhaustedError extends AppError {
  constructor(message = 'Quota exhausted') {
    super(ErrorCode.QUOTA_EXHAUSTED, message);
  }
}
