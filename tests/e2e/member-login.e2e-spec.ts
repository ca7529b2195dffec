import {
  CREATE_VEHICLE,
  MEMBER,
  MEMBER_LOGIN,
  MEMBERS,
  NOTIFICATIONS,
  POINTS_ENTRIES,
  REGISTER_MEMBER,
  REQUEST_MEMBER_LOGIN_CODE,
  SET_MEMBER_STATUS,
  VIEWER_CORE,
} from './support/contract';
import {
  apiKey,
  createDealership,
  createMember,
  lastCodeSentTo,
  recordTransaction,
  uniquePhone,
  uniqueVin,
} from './support/fixtures';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;

describe('member login in an app', () => {
  let t: TestApp;
  let admin: { token: string };
  let key: string;
  let store: string;

  const sentTo = async (phone: string) => {
    const rows: { n: number | string }[] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM `notification` WHERE `recipient` = ?',
      [phone],
    );
    return Number(rows[0].n);
  };
  /** Logs a member in through the app and returns the member token. */
  const loginAs = async (phone: string) => {
    await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone } }, { apiKey: key });
    const code = await lastCodeSentTo(t, phone);
    const data = await t.ok(MEMBER_LOGIN, { input: { phone, code } }, { apiKey: key });
    return data.memberLogin.token as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = { token: t.adminToken };
    key = await apiKey(t, ['members:read']);
    store = await createDealership(t, 'APP-1', '广州天河4S店');
  });
  afterAll(() => t?.close());

  describe('requestMemberLoginCode and memberLogin', () => {
    it('needs an app API key with a members scope', async () => {
      const m = await createMember(t);
      expect(errorCode(await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: m.phone } }))).toBe(
        'UNAUTHENTICATED',
      );
      const staff = await t.gql(
        REQUEST_MEMBER_LOGIN_CODE,
        { input: { phone: m.phone } },
        { token: t.adminToken },
      );
      expect(errorCode(staff)).toBe('FORBIDDEN');
      const wrongScope = await apiKey(t, ['transactions:write']);
      expect(
        errorCode(
          await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: m.phone } }, { apiKey: wrongScope }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: m.phone } }, { apiKey: 'not-a-key' }),
        ),
      ).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(MEMBER_LOGIN, { input: { phone: m.phone, code: '123456' } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(await sentTo(m.phone)).toBe(0);
      const bad = await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: '12345' } }, { apiKey: key });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.fields).toHaveProperty(['input.phone']);
    });

    it('sends a LOGIN_CODE and logs in with it once; a wrong code is refused', async () => {
      const m = await createMember(t, { name: '登录会员' });
      const requested = await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: m.phone } }, { apiKey: key });
      expect(requested.requestMemberLoginCode).toBe(true);
      const sent = await t.ok(NOTIFICATIONS, { filter: { memberId: m.id, template: 'LOGIN_CODE' } }, admin);
      expect(sent.notifications.total).toBe(1);
      const code = await lastCodeSentTo(t, m.phone);
      expect(sent.notifications.items[0].body).toContain(code);

      const wrong = await t.gql(
        MEMBER_LOGIN,
        { input: { phone: m.phone, code: code === '000000' ? '999999' : '000000' } },
        { apiKey: key },
      );
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.data?.memberLogin ?? null).toBeNull();

      const login = await t.ok(MEMBER_LOGIN, { input: { phone: m.phone, code } }, { apiKey: key });
      expect(login.memberLogin.member).toEqual({ id: m.id, memberNo: m.memberNo, name: '登录会员' });
      expect(login.memberLogin.token).toEqual(expect.any(String));
      expect(new Date(login.memberLogin.expiresAt).getTime()).toBeGreaterThan(Date.now() + DAY);

      const again = await t.gql(MEMBER_LOGIN, { input: { phone: m.phone, code } }, { apiKey: key });
      expect(errorCode(again)).toBe('UNAUTHENTICATED');
    });

    it('answers true for a phone of no active member, but sends nothing', async () => {
      const unknown = uniquePhone();
      expect(
        (await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: unknown } }, { apiKey: key }))
          .requestMemberLoginCode,
      ).toBe(true);
      expect(await sentTo(unknown)).toBe(0);
      expect(
        errorCode(await t.gql(MEMBER_LOGIN, { input: { phone: unknown, code: '123456' } }, { apiKey: key })),
      ).toBe('UNAUTHENTICATED');
      // The rate limit applies either way, so the answer reveals nothing.
      expect(
        errorCode(await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: unknown } }, { apiKey: key })),
      ).toBe('RATE_LIMITED');

      const writeKey = await apiKey(t, ['members:write']);
      const phone = uniquePhone();
      await t.ok(REGISTER_MEMBER, { input: { name: '未激活', phone, channel: 'APP' } }, { apiKey: writeKey });
      const before = await sentTo(phone);
      expect(before).toBe(1); // the activation code
      const login = await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone } }, { apiKey: key });
      expect(login.data?.requestMemberLoginCode).toBe(true);
      expect(await sentTo(phone)).toBe(before);
    });

    it('rate-limits a second code within 60 seconds', async () => {
      const m = await createMember(t);
      await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: m.phone } }, { apiKey: key });
      const second = await t.gql(REQUEST_MEMBER_LOGIN_CODE, { input: { phone: m.phone } }, { apiKey: key });
      expect(errorCode(second)).toBe('RATE_LIMITED');
      expect(await sentTo(m.phone)).toBe(1);
    });
  });

  describe('viewer', () => {
    let me: { id: string; memberNo: string; phone: string };
    let other: { id: string };
    let token: string;
    let myVehicle: string;
    let oldPoints: number;
    let oldExpiresAt: Date;

    beforeAll(async () => {
      me = await createMember(t, { name: '我自己' });
      other = await createMember(t, { name: '别人' });
      myVehicle = (
        await t.ok(
          CREATE_VEHICLE,
          { input: { memberId: me.id, vin: uniqueVin(), plateNumber: '粤A6B6C6', model: '雅阁' } },
          admin,
        )
      ).createVehicle.id;
      await t.ok(
        CREATE_VEHICLE,
        { input: { memberId: other.id, vin: uniqueVin(), plateNumber: '粤A7B7C7' } },
        admin,
      );

      // Earned 24 months ago: the lot expires at the end of this month (Shanghai).
      const earned = new Date();
      earned.setUTCMonth(earned.getUTCMonth() - 24);
      await recordTransaction(t, {
        dealershipId: store,
        memberId: me.id,
        amount: 300_00,
        occurredAt: earned.toISOString(),
      });
      await recordTransaction(t, { dealershipId: store, memberId: me.id, amount: 700_00 });
      await recordTransaction(t, { dealershipId: store, memberId: other.id, amount: 900_00 });
      const entries = await t.ok(
        POINTS_ENTRIES,
        { filter: { memberId: me.id }, sort: [{ field: 'CREATED_AT', order: 'ASC' }] },
        admin,
      );
      oldPoints = entries.pointsEntries.items[0].points;
      oldExpiresAt = new Date(entries.pointsEntries.items[0].expiresAt);
      expect(oldPoints).toBe(300);
      token = await loginAs(me.phone);
    });

    it('shows only the logged-in member’s own data', async () => {
      const data = await t.ok(VIEWER_CORE, {}, { apiKey: key, token });
      const viewer = data.viewer;
      expect(viewer).toMatchObject({
        id: me.id,
        memberNo: me.memberNo,
        name: '我自己',
        phone: me.phone,
        status: 'ACTIVE',
        tier: { code: 'REGULAR' },
        pointsBalance: 1000,
      });
      expect(viewer.vehicles).toEqual([
        expect.objectContaining({ id: myVehicle, plateNumber: '粤A6B6C6', model: '雅阁' }),
      ]);
      expect(viewer.pointsEntries.total).toBe(2);
      expect(
        viewer.pointsEntries.items
          .map((e: { points: number }) => e.points)
          .sort((a: number, b: number) => a - b),
      ).toEqual([300, 700]);
      const expiresSoon = oldExpiresAt.getTime() <= Date.now() + 30 * DAY;
      expect(viewer.expiringPoints).toBe(expiresSoon ? oldPoints : 0);
      const staffView = await t.ok(MEMBER, { id: me.id }, admin);
      expect(viewer.expiringPoints).toBe(staffView.member.expiringPoints);
      expect(JSON.stringify(viewer)).not.toContain('粤A7B7C7');
    });

    it('needs the app API key with the member token, and gives members no staff operations', async () => {
      expect(errorCode(await t.gql(VIEWER_CORE, {}, { token }))).toBe('UNAUTHENTICATED');
      // The app alone is no member: refused (the key itself is valid, so FORBIDDEN is acceptable too).
      const appOnly = await t.gql(VIEWER_CORE, {}, { apiKey: key });
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(errorCode(appOnly));
      expect(appOnly.data?.viewer ?? null).toBeNull();
      expect(errorCode(await t.gql(VIEWER_CORE, {}, { apiKey: key, token: `${token}x` }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorCode(await t.gql(MEMBERS, {}, { apiKey: key, token }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(MEMBER, { id: other.id }, { apiKey: key, token }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(VIEWER_CORE, {}, { token: t.adminToken }))).toBe('FORBIDDEN');
    });

    it('refuses the member token while the membership is frozen', async () => {
      await t.ok(
        SET_MEMBER_STATUS,
        { input: { memberId: me.id, status: 'FROZEN', reason: '账户冻结' } },
        admin,
      );
      const frozen = await t.gql(VIEWER_CORE, {}, { apiKey: key, token });
      expect(errorCode(frozen)).toBe('UNAUTHENTICATED');
      expect(frozen.data?.viewer ?? null).toBeNull();
      await t.ok(SET_MEMBER_STATUS, { input: { memberId: me.id, status: 'ACTIVE', reason: '解冻' } }, admin);
      expect((await t.ok(VIEWER_CORE, {}, { apiKey: key, token })).viewer.id).toBe(me.id);
      await t.ok(
        SET_MEMBER_STATUS,
        { input: { memberId: me.id, status: 'CANCELLED', reason: '注销' } },
        admin,
      );
      expect(errorCode(await t.gql(VIEWER_CORE, {}, { apiKey: key, token }))).toBe('UNAUTHENTICATED');
    });
  });
});
