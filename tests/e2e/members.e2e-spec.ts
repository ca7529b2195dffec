import {
  ACTIVATE_MEMBER,
  AUDIT_LOGS,
  CREATE_MEMBER,
  ERASE_MEMBER,
  MEMBER,
  MEMBERS,
  NOTIFICATIONS,
  POINTS_ENTRIES,
  REGISTER_MEMBER,
  SEND_ACTIVATION_CODE,
  SET_MEMBER_STATUS,
  SET_MEMBER_TIER,
  TIERS,
  TRANSACTIONS,
  UPDATE_MEMBER,
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
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const ID_NUMBER = '11010519491231002X';
const ID_NUMBER_MASKED = '110105********002X';

let plateSeq = 10000;
/** A valid mainland plate not used before in this file. */
const newPlate = (prefix = '沪A') => `${prefix}${plateSeq++}`;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
const fieldsOf = (result: GqlResult) => result.errors?.[0]?.extensions?.fields ?? {};
const codes = (items: { memberNo: string }[]) => items.map((m) => m.memberNo).sort();

/** Rewinds the last code sent to a phone by `seconds`, as if that time had passed. */
async function ageCodes(t: TestApp, phone: string, seconds: number) {
  const at = new Date(Date.now() - seconds * 1000).toISOString().replace('T', ' ').slice(0, 23);
  await t.dataSource.query('UPDATE `verification_code` SET `createdAt` = ? WHERE `phone` = ?', [at, phone]);
}

describe('members', () => {
  let t: TestApp;
  let admin: { token: string };
  let writeKey: { apiKey: string };
  let storeA: string;
  let storeB: string;
  const tierIds: Record<string, string> = {};

  const memberTotal = async () =>
    (await t.ok(MEMBERS, { page: { perPage: 1 } }, admin)).members.total as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { token: t.adminToken };
    writeKey = { apiKey: await apiKey(t, ['members:write', 'members:read']) };
    storeA = await createDealership(t, 'STORE-A', '上海浦东4S店');
    storeB = await createDealership(t, 'STORE-B', '北京朝阳4S店');
    const tiers = await t.ok(TIERS, {}, admin);
    for (const tier of tiers.tiers.items) tierIds[tier.code] = tier.id;
  });
  afterAll(() => t?.close());

  describe('registration at a store (createMember)', () => {
    it('creates an ACTIVE member on channel STORE in the entry tier, with generated numbers', async () => {
      const phone = uniquePhone();
      const data = await t.ok(
        CREATE_MEMBER,
        {
          input: {
            name: '张三',
            phone,
            gender: 'MALE',
            birthday: '1990-05-20',
            email: 'zhang.san@example.com',
            city: '上海',
            homeDealershipId: storeA,
          },
        },
        admin,
      );
      const m = data.createMember;
      expect(m).toMatchObject({
        name: '张三',
        phone,
        gender: 'MALE',
        birthday: '1990-05-20',
        email: 'zhang.san@example.com',
        status: 'ACTIVE',
        channel: 'STORE',
        homeDealershipId: storeA,
        tierId: tierIds.REGULAR,
        tier: { id: tierIds.REGULAR, code: 'REGULAR' },
        tierReviewAt: null,
        pointsBalance: 0,
        referredById: null,
        vehicles: [],
      });
      expect(m.memberNo).toMatch(/^M\d{11}$/);
      expect(m.referralCode).toMatch(/^[A-Z0-9]{8}$/);
      expect(m.activatedAt).not.toBeNull();
      expect(m.tierAchievedAt).not.toBeNull();
      const other = await createMember(t);
      expect(other.memberNo).not.toBe(m.memberNo);
    });

    it('adds the first vehicle in the same transaction', async () => {
      const vin = uniqueVin();
      const plate = newPlate();
      const data = await t.ok(
        CREATE_MEMBER,
        {
          input: {
            name: '李四',
            phone: uniquePhone(),
            homeDealershipId: storeA,
            vehicle: { vin: vin.toLowerCase(), plateNumber: `${plate.slice(0, 2)}·${plate.slice(2)}` },
          },
        },
        admin,
      );
      expect(data.createMember.vehicles).toEqual([{ id: expect.any(String), vin, plateNumber: plate }]);
      const read = await t.ok(MEMBER, { id: data.createMember.id }, admin);
      expect(read.member.vehicles).toEqual([expect.objectContaining({ vin, plateNumber: plate })]);
      expect(read.member.homeDealership).toEqual({ id: storeA, name: '上海浦东4S店' });
      expect(read.member.expiringPoints).toBe(0);
    });

    it('does not create the member when the vehicle is invalid or its VIN is taken', async () => {
      const before = await memberTotal();
      const phone = uniquePhone();
      const invalid = await t.gql(
        CREATE_MEMBER,
        { input: { name: '王五', phone, vehicle: { vin: 'LSVAB1234567890' } } },
        admin,
      );
      expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(invalid)).toHaveProperty(['input.vehicle.vin']);

      const taken = (await createMember(t, { vehicle: { vin: uniqueVin() } })).vehicles[0].vin;
      const duplicate = await t.gql(
        CREATE_MEMBER,
        { input: { name: '王五', phone, vehicle: { vin: taken } } },
        admin,
      );
      expect(errorCode(duplicate)).toBe('CONFLICT');
      expect(await memberTotal()).toBe(before + 1);
      const found = await t.ok(MEMBERS, { filter: { q: phone } }, admin);
      expect(found.members.total).toBe(0);
      // The phone was never taken: the same registration with a good vehicle goes through.
      const retry = await t.ok(
        CREATE_MEMBER,
        { input: { name: '王五', phone, vehicle: { vin: uniqueVin() } } },
        admin,
      );
      expect(retry.createMember.phone).toBe(phone);
    });

    it.each([
      ['a mobile number with a bad prefix', { phone: '12812345678' }, 'input.phone'],
      ['a mobile number with 10 digits', { phone: '1381234567' }, 'input.phone'],
      ['an ID-card number with a bad checksum', { idNumber: '110105194912310021' }, 'input.idNumber'],
      ['a bad e-mail', { email: 'zhang.at.example' }, 'input.email'],
      ['a VIN with an I', { vehicle: { vin: 'LSVAI2345678901AB' } }, 'input.vehicle.vin'],
      ['a VIN with an O', { vehicle: { vin: 'LSVAO2345678901AB' } }, 'input.vehicle.vin'],
      ['a VIN with a Q', { vehicle: { vin: 'LSVAQ2345678901AB' } }, 'input.vehicle.vin'],
      ['a VIN of 16 characters', { vehicle: { vin: 'LSVA12345678901A' } }, 'input.vehicle.vin'],
      [
        'a bad plate',
        { vehicle: { vin: 'LSVA12345678901AB', plateNumber: 'AB12345' } },
        'input.vehicle.plateNumber',
      ],
      [
        'a plate with an O',
        { vehicle: { vin: 'LSVA12345678901AB', plateNumber: '沪AO1234' } },
        'input.vehicle.plateNumber',
      ],
    ])('refuses %s with BAD_USER_INPUT on the field and writes nothing', async (_label, bad, field) => {
      const before = await memberTotal();
      const result = await t.gql(
        CREATE_MEMBER,
        { input: { name: '赵六', phone: uniquePhone(), ...bad } },
        admin,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(result))).toEqual([field]);
      expect(await memberTotal()).toBe(before);
    });

    it('keeps phones unique among members that are not erased, and frees the phone on erasure', async () => {
      const first = await createMember(t);
      const second = await t.gql(CREATE_MEMBER, { input: { name: '重复', phone: first.phone } }, admin);
      expect(errorCode(second)).toBe('CONFLICT');
      const online = await t.gql(
        REGISTER_MEMBER,
        { input: { name: '重复', phone: first.phone, channel: 'APP' } },
        writeKey,
      );
      expect(errorCode(online)).toBe('CONFLICT');

      await t.ok(ERASE_MEMBER, { input: { memberId: first.id, reason: 'PIPL request #1' } }, admin);
      const again = await t.ok(CREATE_MEMBER, { input: { name: '新会员', phone: first.phone } }, admin);
      expect(again.createMember).toMatchObject({ phone: first.phone, status: 'ACTIVE' });
      expect(again.createMember.id).not.toBe(first.id);
    });
  });

  describe('personal data', () => {
    it('returns the ID-card number only masked and stores it encrypted', async () => {
      const created = await t.ok(
        CREATE_MEMBER,
        { input: { name: '身份证', phone: uniquePhone(), idNumber: ID_NUMBER.toLowerCase() } },
        admin,
      );
      const id = created.createMember.id;
      expect(created.createMember.idNumberMasked).toBe(ID_NUMBER_MASKED);

      const responses = [
        created,
        await t.ok(MEMBER, { id }, admin),
        await t.ok(MEMBERS, { filter: { ids: [id] } }, admin),
        await t.ok(UPDATE_MEMBER, { id, input: { city: '杭州' } }, admin),
        await t.ok(AUDIT_LOGS, { filter: { entityId: id } }, admin),
      ];
      for (const response of responses) {
        const text = JSON.stringify(response);
        expect(text).not.toContain(ID_NUMBER);
        expect(text).not.toContain(ID_NUMBER.slice(6, 14));
      }
      expect((await t.ok(MEMBER, { id }, admin)).member.idNumberMasked).toBe(ID_NUMBER_MASKED);

      const rows: { idNumberEncrypted: string | null }[] = await t.dataSource.query(
        'SELECT `idNumberEncrypted` FROM `member` WHERE `id` = ?',
        [id],
      );
      expect(rows[0].idNumberEncrypted).toBeTruthy();
      expect(rows[0].idNumberEncrypted).not.toContain(ID_NUMBER);
      expect(rows[0].idNumberEncrypted).not.toContain(ID_NUMBER.slice(0, 14));
    });

    it('masks the phone for MARKETING and FINANCE, and shows it in full to ADMIN and STORE_STAFF', async () => {
      const m = await createMember(t, { homeDealershipId: storeA });
      for (const role of ['MARKETING', 'FINANCE']) {
        const token = await t.staffToken(role);
        const list = await t.ok(MEMBERS, { filter: { ids: [m.id] } }, { token });
        expect(list.members.items[0].phone).toBe(masked(m.phone));
        expect(list.members.items[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
        const one = await t.ok(MEMBER, { id: m.id }, { token });
        expect(one.member.phone).toBe(masked(m.phone));
      }
      const store = await t.staffToken('STORE_STAFF', storeA);
      for (const token of [t.adminToken, store]) {
        const list = await t.ok(MEMBERS, { filter: { ids: [m.id] } }, { token });
        expect(list.members.items[0].phone).toBe(m.phone);
        expect((await t.ok(MEMBER, { id: m.id }, { token })).member.phone).toBe(m.phone);
      }
    });
  });

  describe('online registration (registerMember)', () => {
    it('refuses without an API key scope or from the STORE channel', async () => {
      const readOnly = { apiKey: await apiKey(t, ['members:read']) };
      const input = { name: '网上', phone: uniquePhone(), channel: 'APP' };
      expect(errorCode(await t.gql(REGISTER_MEMBER, { input }, readOnly))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(REGISTER_MEMBER, { input }))).toBe('UNAUTHENTICATED');
      const before = await memberTotal();
      const store = await t.gql(REGISTER_MEMBER, { input: { ...input, channel: 'STORE' } }, writeKey);
      expect(errorCode(store)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(store)).toHaveProperty(['input.channel']);
      expect(await memberTotal()).toBe(before);
    });

    it('registers PENDING_ACTIVATION, sends an ACTIVATION_CODE and activates with the right code only', async () => {
      const phone = uniquePhone();
      const data = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '在线会员', phone, channel: 'WECHAT' } },
        writeKey,
      );
      const member = data.registerMember;
      expect(member).toMatchObject({ status: 'PENDING_ACTIVATION', channel: 'WECHAT', referredById: null });
      expect(member.memberNo).toMatch(/^M\d{11}$/);

      const sent = await t.ok(
        NOTIFICATIONS,
        { filter: { memberId: member.id, template: 'ACTIVATION_CODE' } },
        admin,
      );
      expect(sent.notifications.total).toBe(1);
      expect(['PENDING', 'SENT']).toContain(sent.notifications.items[0].status);
      const code = await lastCodeSentTo(t, phone);
      expect(sent.notifications.items[0].body).toContain(code);

      const wrong = code === '000000' ? '111111' : '000000';
      const refused = await t.gql(ACTIVATE_MEMBER, { input: { memberId: member.id, code: wrong } }, writeKey);
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(refused)).toHaveProperty(['input.code']);
      expect((await t.ok(MEMBER, { id: member.id }, admin)).member).toMatchObject({
        status: 'PENDING_ACTIVATION',
        activatedAt: null,
      });

      const activated = await t.ok(ACTIVATE_MEMBER, { input: { memberId: member.id, code } }, writeKey);
      expect(activated.activateMember).toMatchObject({ id: member.id, status: 'ACTIVE' });
      expect(new Date(activated.activateMember.activatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const reused = await t.gql(ACTIVATE_MEMBER, { input: { memberId: member.id, code } }, writeKey);
      expect(errorCode(reused)).toBe('INVALID_STATE');
    });

    it('rate-limits sendActivationCode and replaces the earlier code with the new one', async () => {
      const phone = uniquePhone();
      const { registerMember: member } = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '重发', phone, channel: 'APP' } },
        writeKey,
      );
      const first = await lastCodeSentTo(t, phone);

      const tooSoon = await t.gql(SEND_ACTIVATION_CODE, { memberId: member.id }, writeKey);
      expect(errorCode(tooSoon)).toBe('RATE_LIMITED');

      await ageCodes(t, phone, 61);
      expect((await t.ok(SEND_ACTIVATION_CODE, { memberId: member.id }, writeKey)).sendActivationCode).toBe(
        true,
      );
      const again = await t.gql(SEND_ACTIVATION_CODE, { memberId: member.id }, writeKey);
      expect(errorCode(again)).toBe('RATE_LIMITED');
      const sent = await t.ok(
        NOTIFICATIONS,
        { filter: { memberId: member.id, template: 'ACTIVATION_CODE' } },
        admin,
      );
      expect(sent.notifications.total).toBe(2);
      const second = await lastCodeSentTo(t, phone);

      if (second !== first) {
        const old = await t.gql(ACTIVATE_MEMBER, { input: { memberId: member.id, code: first } }, writeKey);
        expect(errorCode(old)).toBe('BAD_USER_INPUT');
      }
      const ok = await t.ok(ACTIVATE_MEMBER, { input: { memberId: member.id, code: second } }, writeKey);
      expect(ok.activateMember.status).toBe('ACTIVE');
      // An active member gets no activation code.
      expect(errorCode(await t.gql(SEND_ACTIVATION_CODE, { memberId: member.id }, writeKey))).toBe(
        'INVALID_STATE',
      );
    });

    it('locks the code after 5 wrong attempts, even against the right code', async () => {
      const phone = uniquePhone();
      const { registerMember: member } = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '猜码', phone, channel: 'APP' } },
        writeKey,
      );
      const code = await lastCodeSentTo(t, phone);
      const wrong = code === '123456' ? '654321' : '123456';
      for (let i = 0; i < 5; i++) {
        const result = await t.gql(
          ACTIVATE_MEMBER,
          { input: { memberId: member.id, code: wrong } },
          writeKey,
        );
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
      }
      const locked = await t.gql(ACTIVATE_MEMBER, { input: { memberId: member.id, code } }, writeKey);
      expect(errorCode(locked)).toBe('RATE_LIMITED');
      expect((await t.ok(MEMBER, { id: member.id }, admin)).member.status).toBe('PENDING_ACTIVATION');
    });

    it('links a referrer by referral code and refuses an unknown code by field', async () => {
      const referrer = await t.ok(CREATE_MEMBER, { input: { name: '推荐人', phone: uniquePhone() } }, admin);
      const code: string = referrer.createMember.referralCode;
      const referred = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '被推荐', phone: uniquePhone(), channel: 'APP', referralCode: code.toLowerCase() } },
        writeKey,
      );
      expect(referred.registerMember.referredById).toBe(referrer.createMember.id);
      const atStore = await t.ok(
        CREATE_MEMBER,
        { input: { name: '门店被推荐', phone: uniquePhone(), referralCode: code } },
        admin,
      );
      expect(atStore.createMember.referredById).toBe(referrer.createMember.id);

      const before = await memberTotal();
      const unknown = await t.gql(
        REGISTER_MEMBER,
        { input: { name: '无效推荐', phone: uniquePhone(), channel: 'APP', referralCode: 'ZZZZ9999' } },
        writeKey,
      );
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(unknown))).toEqual(['input.referralCode']);
      expect(await memberTotal()).toBe(before);
    });
  });

  describe('profile, status and erasure', () => {
    it('updates fields, and refuses a phone another member holds with CONFLICT', async () => {
      const m = await createMember(t, { homeDealershipId: storeA });
      const other = await createMember(t);
      const newPhone = uniquePhone();
      const updated = await t.ok(
        UPDATE_MEMBER,
        {
          id: m.id,
          input: {
            name: '改名',
            phone: newPhone,
            birthday: '1985-12-01',
            email: 'new@example.com',
            idNumber: ID_NUMBER,
            marketingConsent: true,
          },
        },
        admin,
      );
      expect(updated.updateMember).toMatchObject({
        id: m.id,
        name: '改名',
        phone: newPhone,
        birthday: '1985-12-01',
        email: 'new@example.com',
        idNumberMasked: ID_NUMBER_MASKED,
        marketingConsent: true,
        homeDealershipId: storeA,
      });
      const taken = await t.gql(UPDATE_MEMBER, { id: m.id, input: { phone: other.phone } }, admin);
      expect(errorCode(taken)).toBe('CONFLICT');
      expect((await t.ok(MEMBER, { id: m.id }, admin)).member.phone).toBe(newPhone);
      // The old phone is free again.
      expect((await createMember(t, { phone: m.phone })).phone).toBe(m.phone);

      const bad = await t.gql(UPDATE_MEMBER, { id: m.id, input: { phone: '1381234567', email: 'x' } }, admin);
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(bad)).sort()).toEqual(['input.email', 'input.phone']);
      expect(
        errorCode(await t.gql(UPDATE_MEMBER, { id: 'no-such-member', input: { name: 'x' } }, admin)),
      ).toBe('NOT_FOUND');
    });

    it('freezes, unfreezes and cancels, refusing other transitions', async () => {
      const m = await createMember(t);
      const set = (status: string) =>
        t.gql(SET_MEMBER_STATUS, { input: { memberId: m.id, status, reason: '客户要求' } }, admin);
      expect((await set('FROZEN')).data.setMemberStatus).toEqual({ id: m.id, status: 'FROZEN' });
      expect(errorCode(await set('FROZEN'))).toBe('INVALID_STATE');
      expect((await set('ACTIVE')).data.setMemberStatus.status).toBe('ACTIVE');
      expect(errorCode(await set('ACTIVE'))).toBe('INVALID_STATE');
      const erased = await set('ERASED');
      expect(errorCode(erased)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(erased)).toHaveProperty(['input.status']);
      for (const reason of ['', '    ']) {
        const noReason = await t.gql(
          SET_MEMBER_STATUS,
          { input: { memberId: m.id, status: 'FROZEN', reason } },
          admin,
        );
        expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(noReason)).toHaveProperty(['input.reason']);
      }
      expect((await set('CANCELLED')).data.setMemberStatus.status).toBe('CANCELLED');
      expect(errorCode(await set('ACTIVE'))).toBe('INVALID_STATE');
      expect(errorCode(await set('FROZEN'))).toBe('INVALID_STATE');
      expect((await t.ok(MEMBER, { id: m.id }, admin)).member.status).toBe('CANCELLED');

      const pending = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '未激活', phone: uniquePhone(), channel: 'APP' } },
        writeKey,
      );
      const freezePending = await t.gql(
        SET_MEMBER_STATUS,
        { input: { memberId: pending.registerMember.id, status: 'FROZEN', reason: '测试' } },
        admin,
      );
      expect(errorCode(freezePending)).toBe('INVALID_STATE');
    });

    it('erases personal data but keeps transactions and the points ledger', async () => {
      const created = await t.ok(
        CREATE_MEMBER,
        {
          input: {
            name: '待删除',
            phone: uniquePhone(),
            idNumber: ID_NUMBER,
            email: 'erase.me@example.com',
            birthday: '1970-01-02',
            city: '成都',
            homeDealershipId: storeA,
          },
        },
        admin,
      );
      const m = created.createMember;
      await recordTransaction(t, { dealershipId: storeA, memberId: m.id, amount: 500_00 });
      const balance = (await t.ok(MEMBER, { id: m.id }, admin)).member.pointsBalance;
      expect(balance).toBe(500);

      const blank = await t.gql(ERASE_MEMBER, { input: { memberId: m.id, reason: '   ' } }, admin);
      expect(errorCode(blank)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(blank)).toHaveProperty(['input.reason']);
      expect((await t.ok(MEMBER, { id: m.id }, admin)).member.status).toBe('ACTIVE');
      const erased = await t.ok(
        ERASE_MEMBER,
        { input: { memberId: m.id, reason: 'PIPL deletion request 2024-001' } },
        admin,
      );
      expect(erased.eraseMember).toMatchObject({
        id: m.id,
        phone: '',
        idNumberMasked: null,
        status: 'ERASED',
      });
      expect(erased.eraseMember.name).not.toContain('待删除');
      const read = (await t.ok(MEMBER, { id: m.id }, admin)).member;
      expect(read).toMatchObject({
        email: null,
        birthday: null,
        idNumberMasked: null,
        phone: '',
        status: 'ERASED',
      });
      expect(read.pointsBalance).toBe(balance);
      expect(JSON.stringify(read)).not.toContain('erase.me');

      const txs = await t.ok(TRANSACTIONS, { filter: { memberId: m.id } }, admin);
      expect(txs.transactions.total).toBe(1);
      expect(txs.transactions.items[0].amount).toBe(500_00);
      const entries = await t.ok(POINTS_ENTRIES, { filter: { memberId: m.id } }, admin);
      expect(entries.pointsEntries.total).toBe(1);
      expect(entries.pointsEntries.items[0].points).toBe(500);
      const rows: { idNumberEncrypted: string | null; email: string | null }[] = await t.dataSource.query(
        'SELECT `idNumberEncrypted`, `email` FROM `member` WHERE `id` = ?',
        [m.id],
      );
      expect(rows[0]).toEqual({ idNumberEncrypted: null, email: null });

      const twice = await t.gql(ERASE_MEMBER, { input: { memberId: m.id, reason: 'again please' } }, admin);
      expect(errorCode(twice)).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(UPDATE_MEMBER, { id: m.id, input: { name: '复活' } }, admin))).toBe(
        'INVALID_STATE',
      );
    });
  });

  describe('listing', () => {
    let store: string;
    const m: Record<string, { id: string; memberNo: string; phone: string; createdAt: string }> = {};

    beforeAll(async () => {
      store = await createDealership(t, 'LIST-1', '列表门店');
      const specs: [string, Record<string, unknown>][] = [
        [
          'alpha',
          { name: '陈一', birthday: '1980-03-05', vehicle: { vin: uniqueVin(), plateNumber: '粤B7K3M1' } },
        ],
        ['bravo', { name: '陈二', birthday: '1985-03-28' }],
        [
          'charlie',
          { name: '刘三', birthday: '1990-11-11', vehicle: { vin: uniqueVin(), plateNumber: '粤B9Z8Y7' } },
        ],
        ['delta', { name: '周四', birthday: null }],
      ];
      for (const [key, input] of specs) {
        const data = await t.ok(
          CREATE_MEMBER,
          { input: { phone: uniquePhone(), homeDealershipId: store, ...input } },
          admin,
        );
        m[key] = data.createMember;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await t.ok(
        SET_MEMBER_STATUS,
        { input: { memberId: m.delta.id, status: 'FROZEN', reason: '挂失' } },
        admin,
      );
      await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: m.charlie.id, tierId: tierIds.GOLD, reason: '集团VIP' } },
        admin,
      );
    });

    const list = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      (await t.ok(MEMBERS, { filter: { homeDealershipId: store, ...filter }, ...extra }, admin)).members;

    it('filters by home dealership, status, tier and birthday month', async () => {
      expect((await list({})).total).toBe(4);
      expect(codes((await list({ status: 'FROZEN' })).items)).toEqual([m.delta.memberNo]);
      expect((await list({ status: 'ACTIVE' })).total).toBe(3);
      expect(codes((await list({ tierId: tierIds.GOLD })).items)).toEqual([m.charlie.memberNo]);
      expect((await list({ tierId: tierIds.REGULAR })).total).toBe(3);
      expect(codes((await list({ birthdayMonth: 3 })).items)).toEqual(codes([m.alpha, m.bravo]));
      expect((await list({ birthdayMonth: 12 })).total).toBe(0);
      const badMonth = await t.gql(MEMBERS, { filter: { birthdayMonth: 13 } }, admin);
      expect(errorCode(badMonth)).toBe('BAD_USER_INPUT');
      const items = (await list({})).items;
      expect(items.every((i: { homeDealership: { id: string } }) => i.homeDealership.id === store)).toBe(
        true,
      );
    });

    it('searches q over name, phone, member number and plate', async () => {
      expect(codes((await list({ q: '陈' })).items)).toEqual(codes([m.alpha, m.bravo]));
      expect(codes((await list({ q: m.bravo.phone.slice(-6) })).items)).toEqual([m.bravo.memberNo]);
      expect(codes((await list({ q: m.delta.memberNo })).items)).toEqual([m.delta.memberNo]);
      expect(codes((await list({ q: '9Z8' })).items)).toEqual([m.charlie.memberNo]);
      expect(codes((await list({ q: '粤b·7k3m1' })).items)).toEqual([m.alpha.memberNo]);
      expect(codes((await list({ q: '粤B' })).items)).toEqual(codes([m.alpha, m.charlie]));
      expect((await list({ q: '不存在' })).total).toBe(0);
      expect((await list({ q: '%' })).total).toBe(0);
    });

    it('filters by creation time', async () => {
      expect(codes((await list({ createdFrom: m.charlie.createdAt })).items)).toEqual(
        codes([m.charlie, m.delta]),
      );
      expect(codes((await list({ createdTo: m.alpha.createdAt })).items)).toEqual([m.alpha.memberNo]);
      expect(
        codes((await list({ createdFrom: m.bravo.createdAt, createdTo: m.charlie.createdAt })).items),
      ).toEqual(codes([m.bravo, m.charlie]));
    });

    it('sorts and pages with a stable total', async () => {
      const byName = await list({}, { sort: [{ field: 'NAME', order: 'ASC' }] });
      expect(byName.items.map((i: { name: string }) => i.name)).toEqual(
        ['刘三', '周四', '陈一', '陈二'].sort(),
      );
      const newest = await list({}, { sort: [{ field: 'CREATED_AT', order: 'DESC' }] });
      expect(newest.items.map((i: { id: string }) => i.id)).toEqual([
        m.delta.id,
        m.charlie.id,
        m.bravo.id,
        m.alpha.id,
      ]);
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const p = await list(
          {},
          { sort: [{ field: 'CREATED_AT', order: 'ASC' }], page: { page, perPage: 3 } },
        );
        expect(p.total).toBe(4);
        seen.push(...p.items.map((i: { id: string }) => i.id));
      }
      expect(seen).toEqual([m.alpha.id, m.bravo.id, m.charlie.id, m.delta.id]);
    });
  });

  describe('dealership scoping of store staff', () => {
    let storeToken: { token: string };
    let mineA: { id: string; memberNo: string; phone: string };
    let theirsB: { id: string; memberNo: string; phone: string; vehicles: { plateNumber: string | null }[] };
    const plateB = '京N8H6J2';

    beforeAll(async () => {
      storeToken = { token: await t.staffToken('STORE_STAFF', storeA) };
      mineA = await createMember(t, { name: '本店客户', homeDealershipId: storeA });
      theirsB = await createMember(t, {
        name: '外店客户',
        homeDealershipId: storeB,
        vehicle: { vin: uniqueVin(), plateNumber: plateB },
      });
    });

    it('lists only members of their own dealership', async () => {
      const all = await t.ok(MEMBERS, { page: { perPage: 1000 } }, storeToken);
      expect(all.members.total).toBeGreaterThan(0);
      expect(
        all.members.items.every((i: { homeDealershipId: string }) => i.homeDealershipId === storeA),
      ).toBe(true);
      expect(all.members.items.map((i: { id: string }) => i.id)).toContain(mineA.id);
      expect(all.members.items.map((i: { id: string }) => i.id)).not.toContain(theirsB.id);
      const asked = await t.ok(MEMBERS, { filter: { homeDealershipId: storeB } }, storeToken);
      expect(asked.members.total).toBe(0);
      expect((await t.ok(MEMBERS, { filter: { ids: [theirsB.id] } }, storeToken)).members.total).toBe(0);
    });

    it('finds another store’s member only by exact phone, member number or full plate', async () => {
      for (const q of [
        theirsB.phone,
        theirsB.memberNo,
        plateB,
        `${plateB.slice(0, 2)}·${plateB.slice(2).toLowerCase()}`,
      ]) {
        const found = await t.ok(MEMBERS, { filter: { q } }, storeToken);
        expect(found.members.items.map((i: { id: string }) => i.id)).toEqual([theirsB.id]);
      }
      for (const q of [theirsB.phone.slice(0, 8), theirsB.memberNo.slice(0, 8), plateB.slice(0, 5), '外店']) {
        const found = await t.ok(MEMBERS, { filter: { q } }, storeToken);
        expect(found.members.items.map((i: { id: string }) => i.id)).not.toContain(theirsB.id);
      }
      // A partial q still finds their own members.
      expect(
        (await t.ok(MEMBERS, { filter: { q: '本店' } }, storeToken)).members.items.map(
          (i: { id: string }) => i.id,
        ),
      ).toContain(mineA.id);
      expect((await t.ok(MEMBER, { id: theirsB.id }, storeToken)).member.phone).toBe(theirsB.phone);
    });

    it('edits only their own dealership’s members', async () => {
      const forbidden = await t.gql(UPDATE_MEMBER, { id: theirsB.id, input: { name: '改不了' } }, storeToken);
      expect(errorCode(forbidden)).toBe('FORBIDDEN');
      expect((await t.ok(MEMBER, { id: theirsB.id }, admin)).member.name).toBe('外店客户');
      const freeze = await t.gql(
        SET_MEMBER_STATUS,
        { input: { memberId: theirsB.id, status: 'FROZEN', reason: '越权' } },
        storeToken,
      );
      expect(errorCode(freeze)).toBe('FORBIDDEN');
      const move = await t.gql(
        UPDATE_MEMBER,
        { id: mineA.id, input: { homeDealershipId: storeB } },
        storeToken,
      );
      expect(errorCode(move)).toBe('FORBIDDEN');
      const own = await t.ok(UPDATE_MEMBER, { id: mineA.id, input: { city: '苏州' } }, storeToken);
      expect(own.updateMember).toMatchObject({ city: '苏州', homeDealershipId: storeA });
    });

    it('registers at their own dealership, and refuses another one', async () => {
      const created = await t.ok(
        CREATE_MEMBER,
        { input: { name: '门店新客', phone: uniquePhone() } },
        storeToken,
      );
      expect(created.createMember).toMatchObject({
        homeDealershipId: storeA,
        channel: 'STORE',
        status: 'ACTIVE',
      });
      const before = await memberTotal();
      const other = await t.gql(
        CREATE_MEMBER,
        { input: { name: '别家', phone: uniquePhone(), homeDealershipId: storeB } },
        storeToken,
      );
      expect(errorCode(other)).toBe('FORBIDDEN');
      expect(await memberTotal()).toBe(before);
    });
  });

  describe('audit', () => {
    it('records updateMember with before and after, by the staff user who made it', async () => {
      const store = await t.staffToken('STORE_STAFF', storeA);
      const m = await createMember(t, { name: '审计前', homeDealershipId: storeA });
      await t.ok(UPDATE_MEMBER, { id: m.id, input: { name: '审计后' } }, { token: store });
      const logs = await t.ok(AUDIT_LOGS, { filter: { entityId: m.id, action: 'updateMember' } }, admin);
      expect(logs.auditLogs.total).toBe(1);
      const [log] = logs.auditLogs.items;
      expect(log).toMatchObject({
        actorType: 'STAFF',
        action: 'updateMember',
        entityType: 'Member',
        entityId: m.id,
      });
      expect(log.actorName).toBe('STORE_STAFF user');
      expect(log.before).toMatchObject({ name: '审计前' });
      expect(log.after).toMatchObject({ name: '审计后' });
    });

    it('records setMemberTier with the member and both tiers', async () => {
      const marketing = await t.staffToken('MARKETING');
      const m = await createMember(t);
      await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: tierIds.SILVER, reason: '补录等级' } },
        { token: marketing },
      );
      const logs = await t.ok(AUDIT_LOGS, { filter: { action: 'setMemberTier' } }, admin);
      const mine = logs.auditLogs.items.filter(
        (l: { entityId: string; after: Record<string, unknown> | null }) =>
          l.entityId === m.id || l.after?.memberId === m.id,
      );
      expect(mine.length).toBeGreaterThan(0);
      expect(
        mine.every(
          (l: { actorType: string; actorName: string }) =>
            l.actorType === 'STAFF' && l.actorName === 'MARKETING user',
        ),
      ).toBe(true);
      const tierChange = mine.find((l: { entityType: string }) => l.entityType === 'TierChange');
      expect(tierChange.after).toMatchObject({
        memberId: m.id,
        fromTierId: tierIds.REGULAR,
        toTierId: tierIds.SILVER,
        note: '补录等级',
      });
      const memberChange = mine.find((l: { entityType: string }) => l.entityType === 'Member');
      expect(memberChange.before).toMatchObject({ tierId: tierIds.REGULAR });
      expect(memberChange.after).toMatchObject({ tierId: tierIds.SILVER });
    });
  });

  it('refuses a birthday in the future, writing nothing', async () => {
    const phone = uniquePhone();
    const result = await t.gql(
      CREATE_MEMBER,
      { input: { name: '未来人', phone, birthday: '2999-01-01' } },
      admin,
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields).toHaveProperty(['input.birthday']);
    expect((await t.ok(MEMBERS, { filter: { q: phone } }, admin)).members.total).toBe(0);
  });
  it('refuses to clear the name or phone with null', async () => {
    const m = await createMember(t);
    const result = await t.gql(UPDATE_MEMBER, { id: m.id, input: { name: null, phone: null } }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors![0].extensions!.fields as object).sort()).toEqual([
      'input.name',
      'input.phone',
    ]);
  });
});
