/**
 * The one Apollo Client of the admin: the data provider's transport and, through <ApolloProvider>,
 * the task screens' useQuery/useMutation. Every request carries the staff token.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { readSession } from '../auth/session';

const authLink = new ApolloLink((operation, forward) => {
  const token = readSession()?.token;
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([authLink, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: {
    // Admin screens show the database as it is now; the cache only batches within a render.
    query: { fetchPolicy: 'network-only' },
    watchQuery: { fetchPolicy: 'cache-and-network' },
  },
});
