import type { ApolloClient } from '@apollo/client';
import { getIntrospectionQuery, parse, type IntrospectionQuery } from 'graphql';
import { buildRegistry, type Registry } from './registry';

const INTROSPECTION = parse(getIntrospectionQuery({ descriptions: true }));

let pending: Promise<Registry> | undefined;

/**
 * The registry of the running API, introspected once per session (staff may introspect; the
 * schema is the same for every role, what a role may call is decided by the server).
 */
export function loadRegistry(client: ApolloClient<unknown>): Promise<Registry> {
  pending ??= client
    .query<IntrospectionQuery>({ query: INTROSPECTION, fetchPolicy: 'no-cache' })
    .then(({ data }) => buildRegistry(data.__schema))
    .catch((error: unknown) => {
      pending = undefined; // a later attempt (after logging in) may succeed
      throw error;
    });
  return pending;
}

/** Forget the schema, e.g. on logout, so the next session reads the server's current one. */
export function resetRegistry(): void {
  pending = undefined;
}
