import { AUDIT_LOGS, CREATE_DEALERSHIP, CREATE_STAFF_USER, DEALERSHIP, DEALERSHIPS, DELETE_DEALERSHIP, STAFF_USERS, UPDATE_DEALERSHIP, UPDATE_STAFF_USER } from './support/contract';
import { errorCode, startTestApp, STAFF_PASSWORD, TestApp } from './support/test-app';

const dealership = (code: string, extra: Record<string, unknown> = {}) => ({ code, name: `${code} 4S店`, brand: '宝马', city: '上海', ...extra });

describe('CRUD convention on dealerships and staff users', () => {
  let t: TestApp;
  let admin: { token: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = { token: t.adminToken };
    for (const [code, city, brand] of [
      ['SH-01', '上海', '宝马'],
      ['SH-02', '上海', '大众'],
      ['BJ-01', '北京', '奥迪'],
      ['GZ-01', '广州', '丰田'],
      ['CD-01', '成都', '比亚迪'],
    ]) {
      const data = await t.ok(CREATE_DEALERSHIP, { input: dealership(code, { city, brand }) }, admin);
      ids[code] = data.createDealership.id;
    }
  });
  afterAll(() => t?.close());

  it('lists with totals, filters ids/q/city/brand and sorts', async () => {
    const all = await t.ok(DEALERSHIPS, {}, admin);
    expect(all.dealerships.total).toBe(5);

    const byIds = await t.ok(DEALERSHIPS, { filter: { ids: [ids['SH-01'], ids['BJ-01']] } }, admin);
    expect(byIds.dealerships.items.map((d: { code: string }) => d.code).sort()).toEqual(['BJ-01', 'SH-01']);

    const q = await t.ok(DEALERSHIPS, { filter: { q: 'sh-' } }, admin);
    expect(q.dealerships.total).toBe(2);
    // LIKE wildcards in q are matched literally.
    expect((await t.ok(DEALERSHIPS, { filter: { q: '%' } }, admin)).dealerships.total).toBe(0);
    expect((await t.ok(DEALERSHIPS, { filter: { q: 'SH_0' } }, admin)).dealerships.total).toBe(0);
    const city = await t.ok(DEALERSHIPS, { filter: { city: '北京' } }, admin);
    expect(city.dealerships.items.map((d: { code: string }) => d.code)).toEqual(['BJ-01']);
    const brand = await t.ok(DEALERSHIPS, { filter: { brand: '丰田' } }, admin);
    expect(brand.dealerships.total).toBe(1);

    const sorted = await t.ok(DEALERSHIPS, { sort: [{ field: 'CODE', order: 'ASC' }] }, admin);
    expect(sorted.dealerships.items.map((d: { code: string }) => d.code)).toEqual(['BJ-01', 'CD-01', 'GZ-01', 'SH-01', 'SH-02']);
    const desc = await t.ok(DEALERSHIPS, { sort: [{ field: 'CODE', order: 'DESC' }] }, admin);
    expect(desc.dealerships.items[0].code).toBe('SH-02');
  });

  it('paginates with a stable total', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const data = await t.ok(DEALERSHIPS, { sort: [{ field: 'CODE', order: 'ASC' }], page: { page, perPage: 2 } }, admin);
      expect(data.dealerships.total).toBe(5);
      seen.push(...data.dealerships.items.map((d: { code: string }) => d.code));
    }
    expect(seen).toEqual(['BJ-01', 'CD-01', 'GZ-01', 'SH-01', 'SH-02']);
    const beyond = await t.ok(DEALERSHIPS, { page: { page: 9, perPage: 2 } }, admin);
    expect(beyond.dealerships).toEqual({ items: [], total: 5 });
  });

  it('refuses a duplicate code with CONFLICT and writes nothing', async () => {
    const result = await t.gql(CREATE_DEALERSHIP, { input: dealership('SH-01') }, admin);
    expect(errorCode(result)).toBe('CONFLICT');
    expect((await t.ok(DEALERSHIPS, {}, admin)).dealerships.total).toBe(5);
    const rename = await t.gql(UPDATE_DEALERSHIP, { id: ids['SH-02'], input: { code: 'SH-01' } }, admin);
    expect(errorCode(rename)).toBe('CONFLICT');
  });

  it('reports every invalid field by input path, and writes nothing', async () => {
    const result = await t.gql(CREATE_DEALERSHIP, { input: { code: '!', name: '', phone: 'call me' } }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors![0].extensions!.fields!).sort()).toEqual(['input.code', 'input.name', 'input.phone']);
    expect((await t.ok(DEALERSHIPS, {}, admin)).dealerships.total).toBe(5);
  });

  it('reads, updates (every field optional) and returns null for an unknown id', async () => {
    const updated = await t.ok(UPDATE_DEALERSHIP, { id: ids['GZ-01'], input: { address: '天河路1号', phone: '020-12345678', active: false } }, admin);
    expect(updated.updateDealership).toMatchObject({ code: 'GZ-01', city: '广州', address: '天河路1号', active: false });
    const read = await t.ok(DEALERSHIP, { id: ids['GZ-01'] }, admin);
    expect(read.dealership).toMatchObject({ address: '天河路1号', phone: '020-12345678' });
    expect((await t.ok(DEALERSHIP, { id: 'does-not-exist' }, admin)).dealership).toBeNull();
    expect(errorCode(await t.gql(UPDATE_DEALERSHIP, { id: 'does-not-exist', input: { name: 'x' } }, admin))).toBe('NOT_FOUND');
    expect((await t.ok(DEALERSHIPS, { filter: { active: false } }, admin)).dealerships.total).toBe(1);
  });

  it('deletes an unreferenced dealership, and refuses one that is referenced with INVALID_STATE', async () => {
    const removed = await t.ok(DELETE_DEALERSHIP, { id: ids['CD-01'] }, admin);
    expect(removed.deleteDealership).toEqual({ id: ids['CD-01'], code: 'CD-01' });
    expect((await t.ok(DEALERSHIP, { id: ids['CD-01'] }, admin)).dealership).toBeNull();

    await t.ok(CREATE_STAFF_USER, { input: { username: 'bj.front', password: STAFF_PASSWORD, name: '前台', role: 'STORE_STAFF', dealershipId: ids['BJ-01'] } }, admin);
    const refused = await t.gql(DELETE_DEALERSHIP, { id: ids['BJ-01'] }, admin);
    expect(errorCode(refused)).toBe('INVALID_STATE');
    expect((await t.ok(DEALERSHIP, { id: ids['BJ-01'] }, admin)).dealership).not.toBeNull();
  });

  it('writes an audit record with before and after for creates and updates', async () => {
    const created = await t.ok(CREATE_DEALERSHIP, { input: dealership('HZ-01', { city: '杭州' }) }, admin);
    const id = created.createDealership.id;
    await t.ok(UPDATE_DEALERSHIP, { id, input: { name: '杭州西湖4S店' } }, admin);
    const logs = await t.ok(AUDIT_LOGS, { filter: { entityId: id }, sort: [{ field: 'CREATED_AT', order: 'ASC' }] }, admin);
    expect(logs.auditLogs.total).toBe(2);
    const [create, update] = logs.auditLogs.items;
    expect(create).toMatchObject({ actorType: 'STAFF', action: 'createDealership', entityType: 'Dealership', entityId: id, before: null });
    expect(create.after).toMatchObject({ code: 'HZ-01', city: '杭州' });
    expect(update).toMatchObject({ action: 'updateDealership' });
    expect(update.before).toMatchObject({ name: 'HZ-01 4S店' });
    expect(update.after).toMatchObject({ name: '杭州西湖4S店', code: 'HZ-01' });
    expect(create.actorName).toBe('Administrator');

    const byAction = await t.ok(AUDIT_LOGS, { filter: { action: 'createDealership', entityType: 'Dealership' } }, admin);
    expect(byAction.auditLogs.total).toBe(6);
  });

  it('never copies password hashes into the audit trail', async () => {
    const created = await t.ok(CREATE_STAFF_USER, { input: { username: 'audit.check', password: STAFF_PASSWORD, name: '审计', role: 'FINANCE' } }, admin);
    const logs = await t.ok(AUDIT_LOGS, { filter: { entityId: created.createStaffUser.id } }, admin);
    expect(logs.auditLogs.items[0].after.passwordHash).toBe('[redacted]');
    expect(JSON.stringify(logs)).not.toMatch(/\$2[aby]\$/);
  });

  describe('staff users and dealership scoping', () => {
    it('lists staff with filters and the dealership relation', async () => {
      await t.ok(CREATE_STAFF_USER, { input: { username: 'sh.front', password: STAFF_PASSWORD, name: '上海前台', role: 'STORE_STAFF', dealershipId: ids['SH-01'] } }, admin);
      const data = await t.ok(STAFF_USERS, { filter: { role: 'STORE_STAFF' }, sort: [{ field: 'USERNAME', order: 'ASC' }] }, admin);
      expect(data.staffUsers.items.map((s: { username: string }) => s.username)).toEqual(['bj.front', 'sh.front']);
      expect(data.staffUsers.items[1].dealership).toEqual({ id: ids['SH-01'], name: 'SH-01 4S店' });
      const q = await t.ok(STAFF_USERS, { filter: { q: '上海' } }, admin);
      expect(q.staffUsers.total).toBe(1);
    });

    it('shows dealership-bound staff only their colleagues', async () => {
      const token = await t.login('sh.front', STAFF_PASSWORD);
      const data = await t.ok(STAFF_USERS, {}, { token });
      expect(data.staffUsers.items.every((s: { dealershipId: string }) => s.dealershipId === ids['SH-01'])).toBe(true);
      expect(data.staffUsers.total).toBe(1);
      const other = await t.ok(STAFF_USERS, { filter: { dealershipId: ids['BJ-01'] } }, { token });
      expect(other.staffUsers.total).toBe(0);
    });

    it('lets a dealership-bound admin manage only their own dealership', async () => {
      const scopedAdmin = await t.staffToken('ADMIN', ids['SH-01']);
      const own = await t.gql(UPDATE_DEALERSHIP, { id: ids['SH-01'], input: { phone: '021-88886666' } }, { token: scopedAdmin });
      expect(own.errors).toBeUndefined();
      expect(errorCode(await t.gql(UPDATE_DEALERSHIP, { id: ids['BJ-01'], input: { phone: '010-1' } }, { token: scopedAdmin }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_DEALERSHIP, { input: dealership('XX-01') }, { token: scopedAdmin }))).toBe('FORBIDDEN');
      const otherStore = await t.gql(CREATE_STAFF_USER, { input: { username: 'bj.x', password: STAFF_PASSWORD, name: 'x', role: 'STORE_STAFF', dealershipId: ids['BJ-01'] } }, { token: scopedAdmin });
      expect(errorCode(otherStore)).toBe('FORBIDDEN');
    });

    it('refuses a duplicate username with CONFLICT and an unknown dealership by field', async () => {
      const dup = await t.gql(CREATE_STAFF_USER, { input: { username: 'sh.front', password: STAFF_PASSWORD, name: 'x', role: 'FINANCE' } }, admin);
      expect(errorCode(dup)).toBe('CONFLICT');
      const bad = await t.gql(CREATE_STAFF_USER, { input: { username: 'ghost.store', password: STAFF_PASSWORD, name: 'x', role: 'FINANCE', dealershipId: 'nope' } }, admin);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.fields).toHaveProperty(['input.dealershipId']);
    });

    it('moves a user to group-wide by clearing the dealership', async () => {
      const created = await t.ok(CREATE_STAFF_USER, { input: { username: 'mover', password: STAFF_PASSWORD, name: 'x', role: 'CUSTOMER_SERVICE', dealershipId: ids['SH-02'] } }, admin);
      const moved = await t.ok(UPDATE_STAFF_USER, { id: created.createStaffUser.id, input: { dealershipId: null } }, admin);
      expect(moved.updateStaffUser.dealershipId).toBeNull();
    });
  });
});
