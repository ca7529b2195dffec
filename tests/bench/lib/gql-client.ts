/** A minimal GraphQL-over-HTTP client for the benchmarks' set-up requests (the load itself is autocannon's). */
export interface GqlCredentials {
  token?: string;
  apiKey?: string;
}

export function authHeaders(credentials: GqlCredentials = {}): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.apiKey) headers['x-api-key'] = credentials.apiKey;
  return headers;
}

/** Posts one operation and returns `data`; any GraphQL error throws with its code. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: GqlCredentials = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: authHeaders(credentials),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new Error(`GraphQL ${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  }
  return body.data as T;
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    baseUrl,
    'mutation($input: LoginInput!) { login(input: $input) { token } }',
    { input: { username, password } },
  );
  return data.login.token;
}
