/**
 * The one reader of API errors, for the generated views (data/errors.ts) and the task screens
 * (screens/shared/apiError.ts) alike: the `extensions.code`, the message and the per-field problems.
 */

/** An API error as the admin uses it. */
export interface ApiError {
  code: string;
  message: string;
  /** Input path (e.g. "input.phone") → what is wrong with it: BAD_USER_INPUT's `fields`, or a CONFLICT's one `field`. */
  fields: Record<string, string>;
  /** RATE_LIMITED: seconds until the API accepts the request again, when it says. */
  retryAfter?: number;
}

/**
 * i18n key of the notice for an error whose problems show under their inputs: the field texts are
 * the API's specific details, the notice only points at them.
 */
export const CHECK_FIELDS = 'errors.checkFields';

export interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; fields?: unknown; field?: unknown; retryAfter?: unknown };
}

interface ApolloErrorLike {
  message?: string;
  body?: unknown;
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: { statusCode?: number; result?: { errors?: GraphQLErrorLike[] } } | null;
}

/** The first GraphQL error of an Apollo error, also one sent with an HTTP error status or wrapped by ra-data-graphql. */
export function firstGraphQLError(thrown: unknown): GraphQLErrorLike | undefined {
  const error = (thrown ?? {}) as ApolloErrorLike;
  const wrapped = error.body && typeof error.body === 'object' ? (error.body as ApolloErrorLike) : undefined;
  return [wrapped, error]
    .map((e) => e?.graphQLErrors?.[0] ?? e?.networkError?.result?.errors?.[0])
    .find((e) => e !== undefined);
}

export function readApiError(error: unknown): ApiError {
  const apollo = (error ?? {}) as ApolloErrorLike;
  const first = firstGraphQLError(error);
  if (!first) {
    return { code: apollo.networkError ? 'NETWORK_ERROR' : 'INTERNAL_SERVER_ERROR', message: apollo.message ?? '', fields: {} };
  }
  const { code, fields, field, retryAfter } = first.extensions ?? {};
  const read: ApiError = {
    code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
    message: first.message,
    fields:
      fields && typeof fields === 'object'
        ? Object.fromEntries(Object.entries(fields).map(([path, text]) => [path, String(text)]))
        : typeof field === 'string'
          ? { [field]: first.message }
          : {},
  };
  if (typeof retryAfter === 'number' && retryAfter > 0) read.retryAfter = retryAfter;
  return read;
}

export function hasFieldProblems(error: ApiError): boolean {
  return Object.keys(error.fields).length > 0;
}
