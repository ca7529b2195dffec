/**
 * API errors as react-admin understands them: UNAUTHENTICATED → 401 and FORBIDDEN → 403 (the auth
 * provider's checkError logs out or reports the refusal), BAD_USER_INPUT's `extensions.fields`
 * (`{ "input.phone": "…" }`) → `body.errors` keyed by form field (`{ phone: "…" }`) so each message
 * shows under its input.
 */
import { HttpError } from 'ra-core';
import { RecordNotFoundError } from './build-query';

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; fields?: unknown; field?: unknown };
}

interface ApolloErrorLike {
  message?: string;
  status?: number;
  body?: unknown;
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: { statusCode?: number; message?: string; result?: { errors?: GraphQLErrorLike[] } } | null;
}

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

/** The first GraphQL error inside whatever Apollo or ra-data-graphql threw. */
function firstGraphQLError(error: ApolloErrorLike): GraphQLErrorLike | undefined {
  const apollo = (error.body && typeof error.body === 'object' ? error.body : error) as ApolloErrorLike;
  return apollo.graphQLErrors?.[0] ?? apollo.networkError?.result?.errors?.[0] ?? error.networkError?.result?.errors?.[0];
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
  const error = (thrown ?? {}) as ApolloErrorLike;
  const graphQLError = firstGraphQLError(error);
  if (!graphQLError) {
    const status = error.networkError?.statusCode ?? error.status ?? 500;
    return new HttpError(error.message ?? 'Network error', status || 500, { code: 'NETWORK_ERROR' });
  }
  const code = typeof graphQLError.extensions?.code === 'string' ? graphQLError.extensions.code : 'INTERNAL_SERVER_ERROR';
  const body: ApiErrorBody = { code };
  const fields = graphQLError.extensions?.fields;
  if (fields && typeof fields === 'object') body.errors = fieldErrors(fields as Record<string, unknown>);
  const field = graphQLError.extensions?.field;
  if (!body.errors && typeof field === 'string') body.errors = fieldErrors({ [field]: graphQLError.message });
  // The whole message too, shown in the "form is not valid" notice, in case a path has no input.
  if (body.errors) body.errors.root = { serverError: graphQLError.message };
  return new HttpError(graphQLError.message, STATUS_BY_CODE[code] ?? 500, body);
}
