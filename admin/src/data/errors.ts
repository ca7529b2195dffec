/**
 * API errors as react-admin understands them: UNAUTHENTICATED → 401 and FORBIDDEN → 403 (the auth
 * provider's checkError logs out or reports the refusal), BAD_USER_INPUT's `extensions.fields`
 * (`{ "input.phone": "…" }`) → `body.errors` keyed by form field (`{ phone: "…" }`) so each message
 * shows under its input, while the notice only says to correct the highlighted fields.
 */
import { HttpError } from 'ra-core';
import { CHECK_FIELDS, firstGraphQLError, hasFieldProblems, readApiError } from './api-error';
import { RecordNotFoundError } from './build-query';

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_BALANCE: 409,
  INSUFFICIENT_POINTS: 409,
  QUOTA_EXHAUSTED: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
};

export interface ApiErrorBody {
  code: string;
  errors?: Record<string, unknown>;
}

/** `{ "input.vehicle.vin": "…" }` → `{ vehicle: { vin: "…" } }`, the shape of react-admin form errors. */
export function fieldErrors(fields: Record<string, unknown>): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.');
    if (parts[0] === 'input' && parts.length > 1) parts.shift();
    let node = errors;
    parts.slice(0, -1).forEach((part) => {
      node[part] = typeof node[part] === 'object' && node[part] ? node[part] : {};
      node = node[part] as Record<string, unknown>;
    });
    node[parts[parts.length - 1]] = String(message);
  }
  return errors;
}

export function toHttpError(thrown: unknown): Error {
  if (thrown instanceof RecordNotFoundError) return new HttpError(thrown.message, 404, { code: 'NOT_FOUND' });
  if (!firstGraphQLError(thrown)) {
    const failure = (thrown ?? {}) as { message?: string; status?: number; networkError?: { statusCode?: number } | null };
    const status = failure.networkError?.statusCode ?? failure.status ?? 500;
    return new HttpError(failure.message ?? 'Network error', status || 500, { code: 'NETWORK_ERROR' });
  }
  const error = readApiError(thrown);
  const body: ApiErrorBody = { code: error.code };
  if (hasFieldProblems(error)) {
    body.errors = fieldErrors(error.fields);
    // The form's "not valid" notice (react-admin shows root.serverError, translating it): a pointer
    // to the fields, whose own texts are the API's details.
    body.errors.root = { serverError: CHECK_FIELDS };
  }
  return new HttpError(error.message, STATUS_BY_CODE[error.code] ?? 500, body);
}
