import { useCallback } from 'react';
import { useTranslate } from 'react-admin';

/** An API error as the screens use it: the `extensions.code`, the message and any per-field problems. */
export interface ApiError {
  code: string;
  message: string;
  /** Input path (e.g. "input.phone") → what is wrong with it. */
  fields: Record<string, string>;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; fields?: unknown };
}

interface ApolloErrorLike {
  message?: string;
  graphQLErrors?: readonly GraphQLErrorLike[];
  networkError?: { result?: { errors?: GraphQLErrorLike[] } } | null;
}

/** Reads the first GraphQL error of an Apollo error (also those sent with an HTTP 400). */
export function readApiError(error: unknown): ApiError {
  const apollo = (error ?? {}) as ApolloErrorLike;
  const first = apollo.graphQLErrors?.[0] ?? apollo.networkError?.result?.errors?.[0];
  if (first) {
    const fields = first.extensions?.fields;
    return {
      code: typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR',
      message: first.message,
      fields: fields && typeof fields === 'object' ? (fields as Record<string, string>) : {},
    };
  }
  return {
    code: apollo.networkError ? 'NETWORK_ERROR' : 'INTERNAL_SERVER_ERROR',
    message: apollo.message ?? '',
    fields: {},
  };
}

/** Turns an API error into a sentence for the user: the translated code, then the server's detail. */
export function useApiErrorText(): (error: unknown) => string {
  const translate = useTranslate();
  return useCallback(
    (error: unknown) => {
      const { code, message } = readApiError(error);
      const title = translate(`screens.errors.${code}`, {
        _: translate('screens.errors.INTERNAL_SERVER_ERROR'),
      });
      return message && code !== 'INTERNAL_SERVER_ERROR' ? `${title}: ${message}` : title;
    },
    [translate],
  );
}
