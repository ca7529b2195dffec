import { API_CLIENTS, CREATE_API_CLIENT, DEALERSHIPS, LOGIN, ME, REVOKE_API_CLIENT, UPDATE_STAFF_USER, STAFF_USERS } from './support/contract';
import { ADMIN, errorCode, STAFF_PASSWORD, startTestApp, TestApp } from './support/test-app';

describe('staff login and API clients', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('logs a staff user in and returns a token that identifies them', async () => {
    const data = await t.ok(LOGIN, { input: ADMIN });
    expect(data.login.staff).toMatchObject({ username: ADMIN.username, role: 'ADMIN', dealershipId: null });
    expect(new Date(data.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.ok(ME, {}, { token: data.login.token });
    expect(me.me).toMatchObject({ username: ADMIN.username, role: 'ADMIN', active: true, dealership: null });
  });

  it('refuses a wrong password and an unknown user with the same error', async () => {
    const wrong = await t.gql(LOGIN, { input: { username: ADMIN.username, password: 'Wrong12345' } });
    const unknown = await t.gql(LOGIN, { input: { username: 'nobody.here', password: 'Wrong12345' } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('refuses operations without a token, and with a forged one', async () => {
    expect(errorCode(await t.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(ME, {}, { token: 'not.a.jwt' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a deactivated user at once, including tokens issued before', async () => {
    const token = await t.staffToken('FINANCE');
    const me = await t.ok(ME, {}, { token });
    await t.ok(UPDATE_STAFF_USER, { id: me.me.id, input: { active: false } }, { token: t.adminToken });
    expect(errorCode(await t.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
    const relogin = await t.gql(LOGIN, { input: { username: me.me.username, password: STAFF_PASSWORD } });
    expect(errorCode(relogin)).toBe('UNAUTHENTICATED');
  });

  it('changes a password: the old one stops working, the new one works', async () => {
    const token = await t.staffToken('MARKETING');
    const me = await t.ok(ME, {}, { token });
    await t.ok(UPDATE_STAFF_USER, { id: me.me.id, input: { password: 'NewPass2026' } }, { token: t.adminToken });
    expect(errorCode(await t.gql(LOGIN, { input: { username: me.me.username, password: STAFF_PASSWORD } }))).toBe('UNAUTHENTICATED');
    await t.login(me.me.username, 'NewPass2026');
  });

  it('enforces the password rule: 8+ characters with letters and digits', async () => {
    const me = await t.ok(ME, {}, { token: await t.staffToken('FINANCE') });
    for (const password of ['short1', 'lettersonly', '1234567890']) {
      const result = await t.gql(UPDATE_STAFF_USER, { id: me.me.id, input: { password } }, { token: t.adminToken });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields).toHaveProperty(['input.password']);
    }
  });

  it('keeps the last active administrator from being deactivated', async () => {
    const me = await t.ok(ME, {}, { token: t.adminToken });
    const result = await t.gql(UPDATE_STAFF_USER, { id: me.me.id, input: { active: false } }, { token: t.adminToken });
    expect(errorCode(result)).toBe('INVALID_STATE');
  });

  describe('API clients', () => {
    it('creates a key shown once, stores only its hash, and lets the key call what its scopes allow', async () => {
      const created = await t.ok(CREATE_API_CLIENT, { input: { name: '会员小程序', scopes: ['dealerships:read'] } }, { token: t.adminToken });
      const { apiKey, client } = created.createApiClient;
      expect(apiKey).toMatch(/^dlk_/);
      expect(client).toMatchObject({ name: '会员小程序', scopes: ['dealerships:read'], active: true });

      const listed = await t.ok(API_CLIENTS, { page: { perPage: 100 } }, { token: t.adminToken });
      const row = listed.apiClients.items.find((c: { id: string }) => c.id === client.id);
      expect(row.lastUsedAt).toBeNull();
      expect(JSON.stringify(listed)).not.toContain(apiKey);
      const [stored] = await t.dataSource.query('SELECT keyHash FROM api_client WHERE id = ?', [client.id]);
      expect(stored.keyHash).not.toContain(apiKey);
      expect(stored.keyHash).toHaveLength(64);

      const viaKey = await t.gql(DEALERSHIPS, {}, { apiKey });
      expect(viaKey.errors).toBeUndefined();
      expect(viaKey.data.dealerships.total).toBeGreaterThanOrEqual(0);
      // Not in its scopes, and never staff-only operations.
      expect(errorCode(await t.gql(STAFF_USERS, {}, { apiKey }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ME, {}, { apiKey }))).toBe('FORBIDDEN');

      const after = await t.ok(API_CLIENTS, { page: { perPage: 100 } }, { token: t.adminToken });
      expect(after.apiClients.items.find((c: { id: string }) => c.id === client.id).lastUsedAt).not.toBeNull();
    });

    it('revokes a key: it stops working at once', async () => {
      const created = await t.ok(CREATE_API_CLIENT, { input: { name: 'DMS 北京', scopes: ['dealerships:read'] } }, { token: t.adminToken });
      const { apiKey, client } = created.createApiClient;
      const revoked = await t.ok(REVOKE_API_CLIENT, { id: client.id }, { token: t.adminToken });
      expect(revoked.revokeApiClient).toEqual({ id: client.id, active: false });
      expect(errorCode(await t.gql(DEALERSHIPS, {}, { apiKey }))).toBe('UNAUTHENTICATED');
    });

    it('rejects unknown scopes, naming the field, and writes nothing', async () => {
      const before = await t.ok(API_CLIENTS, {}, { token: t.adminToken });
      const result = await t.gql(CREATE_API_CLIENT, { input: { name: 'x', scopes: ['everything:all'] } }, { token: t.adminToken });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors![0].extensions!.fields!)).toEqual(['input.scopes']);
      const after = await t.ok(API_CLIENTS, {}, { token: t.adminToken });
      expect(after.apiClients.total).toBe(before.apiClients.total);
    });

    it('is managed by administrators only', async () => {
      const token = await t.staffToken('STORE_STAFF');
      expect(errorCode(await t.gql(API_CLIENTS, {}, { token }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_API_CLIENT, { input: { name: 'x', scopes: ['members:read'] } }, { token }))).toBe('FORBIDDEN');
    });
  });
});
