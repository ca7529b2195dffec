import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Logger } from '@nestjs/common';
import { ErrorCode } from './app-error';

const logger = new Logger('GraphQLError');

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/** GraphQL's own errors (parse, validation, variable coercion) keep their codes. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Shapes every error that leaves the server: a known `extensions.code`, never a stack trace, and
 * unexpected failures reduced to a generic message (and logged here with their detail).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code as string | undefined;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof GraphQLError && Object.values(ErrorCode).includes(original.extensions?.code as ErrorCode)) {
    const { stacktrace: _stack, http: _http, ...extensions } = original.extensions as Record<string, unknown>;
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    return { ...base, extensions: { code: HTTP_STATUS_CODES[status] ?? ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  if (code && PASS_THROUGH_CODES.has(code)) return { ...base, extensions: { code } };
  // graphql-js's own request-level errors (no resolver behind them, no path), such as "Too many
  // errors processing variables", are about the request the client sent.
  if (error instanceof GraphQLError && !error.originalError && !error.path && (!code || code === ErrorCode.INTERNAL_SERVER_ERROR)) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }

  logger.error({ err: original, path: formatted.path }, 'Unexpected error while resolving a request');
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
