/**
 * The guards in front of the API, over HTTP with tight limits: depth and complexity limits, the
 * batch cap, the body size limit, rate limits per IP, staff user, API key, member and login
 * subject (with Retry-After), security headers, CORS and the introspection switch for API keys.
 */
import { getIntrospectionQuery } from 'graphql';
import { Principal, StaffRole } from '../../backend/src/common/auth';
import { ApiClientsService } from '../../backend/src/modules/api-clients/api-clients.service';
import { MembersService } from '../../backend/src/modules/members/members.service';
import { StaffService } from '../../backend/src/modules/staff/staff.service';
import { lastCodeSentTo, uniquePhone } from './support/fixtures';
import { ADMIN, startTestApp, STAFF_PASSWORD, TestApp } from './support/test-app';
import { LOGIN, MEMBER_LOGIN, ME, MEMBERS, REQUEST_MEMBER_LOGIN_CODE, VIEWER } from './support/contract';

const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_ANONYMOUS: '5',
  RATE_LIMIT_STAFF: '6',
  RATE_LIMIT_API_KEY: '4',
  RATE_LIMIT_MEMBER: '3',
  RATE_LIMIT_LOGIN: '3',
  GRAPHQL_MAX_BATCH: '3',
  GRAPHQL_MAX_COMPLEXITY: '20000',
  REQUEST_BODY_LIMIT: '20kb',
  CORS_ORIGINS: 'https://admin.example.com',
  DB_QUERY_TIMEOUT_MS: '1500',
};

interface Call {
  token?: string;
  apiKey?: string;
  /** The client address, through the trusted local proxy (X-Forwarded-For). */
  ip: string;
}

const CREATE_API_CLIENT_WITH_LIMIT = `mutation CreateLimitedApiClient($input: CreateApiClientInput!) {
  createApiClient(input: $input) { apiKey client { id rateLimitPerWindow } }
}`;

let ipCounter = 0;
/** A client address of its own for each scenario, so their rate limits do not mix. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('hardening', () => {
  let t: TestApp;
  // Every staff call counts against RATE_LIMIT_STAFF, so set-up goes through the services directly.
  let setup: Principal;

  const post = (body: unknown, call: Call) => {
    let req = t.http().post('/graphql').set('Content-Type', 'application/json').set('X-Forwarded-For', call.ip);
    if (call.token) req = req.set('Authorization', `Bearer ${call.token}`);
    if (call.apiKey) req = req.set('X-Api-Key', call.apiKey);
    return req.send(body as object);
  };

  const loginFrom = async (ip: string, username: string, password: string) => {
    const res = await post({ query: LOGIN, variables: { input: { username, password } } }, { ip });
    return res;
  };

  const createStaff = async (role: StaffRole) => {
    const username = `hardening.${role.toLowerCase()}.${++ipCounter}`;
    await t.app.get(StaffService).create(setup, { username, password: STAFF_PASSWORD, name: role, role });
    return username;
  };

  /** A new staff user of that role, logged in from its own address. */
  const newStaff = async (role: StaffRole) => {
    const res = await loginFrom(freshIp(), await createStaff(role), STAFF_PASSWORD);
    return res.body.data.login.token as string;
  };

  const apiKey = async (scopes: string[]) => (await t.app.get(ApiClientsService).create({ name: `app ${++ipCounter}`, scopes })).apiKey;

  const createMember = async () => t.app.get(MembersService).create(setup, { name: '测试会员', phone: uniquePhone() } as never);

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
    const [admin] = await t.dataSource.query('SELECT id FROM staff_user WHERE username = ?', [ADMIN.username]);
    setup = { staff: { id: admin.id, username: ADMIN.username, name: 'setup', role: StaffRole.ADMIN, dealershipId: null } };
  });
  afterAll(() => t?.close());

  describe('query limits', () => {
    /** members → items → cards → member → cards → … : `levels` nested selection sets. */
    const nested = (levels: number) => {
      let inner = 'id';
      for (let level = levels; level > 2; level--) inner = `${level % 2 ? 'cards' : 'member'} { ${inner} }`;
      return `query { members { items { ${inner} } } }`;
    };

    it('refuses operations deeper than 10 levels as QUERY_TOO_COMPLEX, and admits 10', async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      const ok = await post({ query: nested(10) }, { token: admin, ip: freshIp() });
      expect(ok.status).toBe(200);
      expect(ok.body.errors).toBeUndefined();
      const deep = await post({ query: nested(11) }, { token: admin, ip: freshIp() });
      expect(deep.status).toBe(400);
      expect(deep.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', maxDepth: 10, depth: 11 });
      expect(deep.body.data).toBeUndefined();
    });

    it('admits the standard introspection query for staff despite its depth', async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      const res = await post({ query: getIntrospectionQuery() }, { token: admin, ip: freshIp() });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.__schema.queryType.name).toBe('Query');
    });

    it('cuts fragment cycles and unknown fragments with validation errors, not a crash', async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      const cyclic = await post(
        { query: 'query { members { items { ...A } } } fragment A on Member { cards { member { ...A } } }' },
        { token: admin, ip: freshIp() },
      );
      expect(cyclic.status).toBe(400);
      expect(cyclic.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const unknown = await post({ query: 'query { members { items { ...Missing } } }' }, { token: admin, ip: freshIp() });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('weighs lists by the page size they ask for', async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      // MEMBERS costs 1 + 36 × perPage: 25 per page is cheap, 1000 per page is over 20,000.
      const small = await post({ query: MEMBERS, variables: { page: { perPage: 25 } } }, { token: admin, ip: freshIp() });
      expect(small.body.errors).toBeUndefined();
      const large = await post({ query: MEMBERS, variables: { page: { perPage: 1000 } } }, { token: admin, ip: freshIp() });
      expect(large.status).toBe(400);
      expect(large.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', complexity: 36001, maxComplexity: 20000 });
      // Aliases add up: 126 each (1 + 25 × 5 fields), so 30 pass and 200 do not.
      const aliases = Array.from({ length: 30 }, (_, i) => `m${i}: members(page: { perPage: 25 }) { items { id name phone } total }`);
      const aliased = await post({ query: `query { ${aliases.join(' ')} }` }, { token: admin, ip: freshIp() });
      expect(aliased.body.errors).toBeUndefined();
      const many = Array.from({ length: 200 }, (_, i) => `m${i}: members(page: { perPage: 25 }) { items { id name phone } total }`);
      const refused = await post({ query: `query { ${many.join(' ')} }` }, { token: admin, ip: freshIp() });
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', complexity: 25200 });
      // The same text again is costed once and remembered: refused again, at the same cost.
      const again = await post({ query: `query { ${many.join(' ')} }` }, { token: admin, ip: freshIp() });
      expect(again.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', complexity: 25200 });
      // A cost that a variable switches is worked out per request, not remembered from the first.
      const switched = `query($all: Boolean!) { ${many.map((m) => m.replace(') {', ') @include(if: $all) {')).join(' ')} }`;
      const off = await post({ query: switched, variables: { all: false } }, { token: admin, ip: freshIp() });
      expect(off.body.errors).toBeUndefined();
      const on = await post({ query: switched, variables: { all: true } }, { token: admin, ip: freshIp() });
      expect(on.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', complexity: 25200 });
      // The same for a page size in a variable, the other way round: small after large.
      const after = await post({ query: MEMBERS, variables: { page: { perPage: 25 } } }, { token: admin, ip: freshIp() });
      expect(after.body.errors).toBeUndefined();
    });

    it('caps batched requests at GRAPHQL_MAX_BATCH operations', async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      const batch = (n: number) => Array.from({ length: n }, () => ({ query: ME }));
      const three = await post(batch(3), { token: admin, ip: freshIp() });
      expect(three.status).toBe(200);
      expect(three.body).toHaveLength(3);
      expect(three.body.every((r: { data?: { me?: unknown } }) => r.data?.me)).toBe(true);
      const four = await post(batch(4), { token: admin, ip: freshIp() });
      expect(four.status).toBe(400);
      expect(four.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      const none = await post([], { token: admin, ip: freshIp() });
      expect(none.status).toBe(400);
      expect(none.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('answers a body over REQUEST_BODY_LIMIT with 413 and malformed JSON with 400, coded, without a stack', async () => {
      const big = await post({ query: ME, variables: { pad: 'x'.repeat(30_000) } }, { ip: freshIp() });
      expect(big.status).toBe(413);
      expect(big.body).toEqual({ errors: [{ message: 'The request body is larger than 20kb', extensions: { code: 'BAD_USER_INPUT' } }] });
      const broken = await t.http().post('/graphql').set('Content-Type', 'application/json').set('X-Forwarded-For', freshIp()).send('{"query": ');
      expect(broken.status).toBe(400);
      expect(broken.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(broken.text).not.toMatch(/at .*\.js|stack/i);
    });
  });

  describe('rate limits', () => {
    type Refusal = { errors: { extensions: { code: string; retryAfter: number } }[] };
    const expectRateLimited = (res: { status: number; headers: Record<string, string>; body: Refusal | Refusal[] }) => {
      expect(res.status).toBe(429);
      const error = (Array.isArray(res.body) ? res.body[0] : res.body).errors[0];
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.extensions.retryAfter).toBeGreaterThan(0);
      expect(error.extensions.retryAfter).toBeLessThanOrEqual(60);
      expect(res.headers['retry-after']).toBe(String(error.extensions.retryAfter));
    };

    it('limits anonymous requests per client IP, invalid ones included', async () => {
      const ip = freshIp();
      for (let i = 0; i < 5; i++) expect((await post({ query: '{ __typename }' }, { ip })).status).toBe(200);
      expectRateLimited(await post({ query: '{ __typename }' }, { ip }));
      expectRateLimited(await post({ query: 'not graphql' }, { ip }));
      expect((await post({ query: '{ __typename }' }, { ip: freshIp() })).status).toBe(200);
    });

    it('counts requests with bad credentials against the client IP', async () => {
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        const res = await post({ query: ME }, { ip, token: 'forged.token.value' });
        expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      expectRateLimited(await post({ query: ME }, { ip, token: 'forged.token.value' }));
    });

    it('limits each staff user, whatever their address; a batch counts as its operations', async () => {
      const staff = await newStaff(StaffRole.MARKETING);
      const other = await newStaff(StaffRole.MARKETING);
      for (let i = 0; i < 4; i++) expect((await post({ query: ME }, { token: staff, ip: freshIp() })).body.data.me).toBeTruthy();
      // 4 used: a batch of 3 does not fit in the remaining 2 and is refused whole.
      expectRateLimited(await post([{ query: ME }, { query: ME }, { query: ME }], { token: staff, ip: freshIp() }));
      expect((await post([{ query: ME }, { query: ME }], { token: staff, ip: freshIp() })).status).toBe(200);
      const refused = await post({ query: ME }, { token: staff, ip: freshIp() });
      expectRateLimited(refused);
      expect(refused.body.data).toEqual({ me: null });
      expect((await post({ query: ME }, { token: other, ip: freshIp() })).body.data.me).toBeTruthy();
    });

    it('limits each API key, and each logged-in member separately from the app key', async () => {
      const key = await apiKey(['members:read']);
      const ip = freshIp();
      const query = { query: 'query { members(page: { perPage: 1 }) { total } }' };
      for (let i = 0; i < 4; i++) expect((await post(query, { apiKey: key, ip })).body.errors).toBeUndefined();
      expectRateLimited(await post(query, { apiKey: key, ip }));

      const appKey = await apiKey(['members:login']);
      const member = await createMember();
      const memberIp = freshIp();
      await post({ query: REQUEST_MEMBER_LOGIN_CODE, variables: { input: { phone: member.phone } } }, { apiKey: appKey, ip: memberIp });
      const code = await lastCodeSentTo(t, member.phone);
      const login = await post({ query: MEMBER_LOGIN, variables: { input: { phone: member.phone, code } } }, { apiKey: appKey, ip: memberIp });
      const memberToken = login.body.data.memberLogin.token as string;
      for (let i = 0; i < 3; i++) {
        expect((await post({ query: VIEWER }, { apiKey: appKey, token: memberToken, ip: memberIp })).body.data.viewer.id).toBe(member.id);
      }
      expectRateLimited(await post({ query: VIEWER }, { apiKey: appKey, token: memberToken, ip: memberIp }));
    });

    it("limits a key created with its own rateLimitPerWindow to that, validated, while other keys keep the default", async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      const createClient = (rateLimitPerWindow: number) =>
        post(
          { query: CREATE_API_CLIENT_WITH_LIMIT, variables: { input: { name: 'DMS 限流', scopes: ['members:read'], rateLimitPerWindow } } },
          { token: admin, ip: freshIp() },
        );
      for (const invalid of [0, -5, 1_000_001]) {
        const refused = await createClient(invalid);
        expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(Object.keys(refused.body.errors[0].extensions.fields)).toEqual(['input.rateLimitPerWindow']);
      }
      const created = await createClient(3);
      expect(created.body.data.createApiClient.client.rateLimitPerWindow).toBe(3);
      const limited = created.body.data.createApiClient.apiKey as string;
      const other = await apiKey(['members:read']);

      const query = { query: 'query { members(page: { perPage: 1 }) { total } }' };
      for (let i = 0; i < 3; i++) expect((await post(query, { apiKey: limited, ip: freshIp() })).body.errors).toBeUndefined();
      expectRateLimited(await post(query, { apiKey: limited, ip: freshIp() }));
      // The other key has no limit of its own: RATE_LIMIT_API_KEY (4) applies to it alone.
      for (let i = 0; i < 4; i++) expect((await post(query, { apiKey: other, ip: freshIp() })).body.errors).toBeUndefined();
      expectRateLimited(await post(query, { apiKey: other, ip: freshIp() }));
    });

    it('limits logins per username across addresses, and per address across usernames', async () => {
      const username = await createStaff(StaffRole.FINANCE);
      for (let i = 0; i < 3; i++) {
        const wrong = await loginFrom(freshIp(), username, 'Wrong12345');
        expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      // The right password no longer helps within the window: guessing is capped per username.
      expectRateLimited(await loginFrom(freshIp(), username, STAFF_PASSWORD));

      const ip = freshIp();
      for (let i = 0; i < 3; i++) {
        expect((await loginFrom(ip, `nobody.${i}`, 'Wrong12345')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      expectRateLimited(await loginFrom(ip, ADMIN.username, ADMIN.password));
    });

    it('limits SMS-code requests and member logins per phone', async () => {
      const appKey = await apiKey(['members:login']);
      const member = await createMember();
      const codeRequest = { query: REQUEST_MEMBER_LOGIN_CODE, variables: { input: { phone: member.phone } } };
      const wrongLogin = { query: MEMBER_LOGIN, variables: { input: { phone: member.phone, code: '000001' } } };
      await post(codeRequest, { apiKey: appKey, ip: freshIp() });
      await post(wrongLogin, { apiKey: appKey, ip: freshIp() });
      await post(wrongLogin, { apiKey: appKey, ip: freshIp() });
      expectRateLimited(await post(codeRequest, { apiKey: appKey, ip: freshIp() }));
    });
  });

  describe('headers, CORS and introspection', () => {
    it('sends security headers whose CSP admits the admin SPA (own scripts, inline styles)', async () => {
      const res = await t.http().get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect((await t.http().get('/admin/')).headers['content-security-policy']).toBe(csp);
    });

    it('allows the configured origins only', async () => {
      const allowed = await post({ query: '{ __typename }' }, { ip: freshIp() }).set('Origin', 'https://admin.example.com');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
      expect(allowed.headers['access-control-expose-headers']).toContain('Retry-After');
      const other = await post({ query: '{ __typename }' }, { ip: freshIp() }).set('Origin', 'https://evil.example.net');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t
        .http()
        .options('/graphql')
        .set('Origin', 'https://admin.example.com')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization,x-api-key');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Api-Key/i);
    });

    it('keeps introspection for staff and anonymous callers and refuses it to API keys', async () => {
      const admin = await newStaff(StaffRole.ADMIN);
      const schemaQuery = { query: '{ __schema { queryType { name } } }' };
      expect((await post(schemaQuery, { token: admin, ip: freshIp() })).body.data.__schema.queryType.name).toBe('Query');
      expect((await post(schemaQuery, { ip: freshIp() })).body.data.__schema.queryType.name).toBe('Query');
      const key = await apiKey(['members:read']);
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Member") { name } }', '{ ...F } fragment F on Query { __schema { queryType { name } } }']) {
        const refused = await post({ query }, { apiKey: key, ip: freshIp() });
        expect(refused.status).toBe(403);
        expect(refused.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
      }
      // __typename is not introspection.
      expect((await post({ query: '{ __typename }' }, { apiKey: key, ip: freshIp() })).body.data.__typename).toBe('Query');
    });
  });

  describe('database statement timeout', () => {
    const onMysql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '') ? it : it.skip;
    onMysql('aborts a statement running longer than DB_QUERY_TIMEOUT_MS (MySQL/MariaDB)', async () => {
      const started = Date.now();
      await expect(t.dataSource.query('SELECT SLEEP(5)')).rejects.toThrow(/max_statement_time|maximum statement execution time|interrupted/i);
      expect(Date.now() - started).toBeLessThan(4000);
    });
  });
});
