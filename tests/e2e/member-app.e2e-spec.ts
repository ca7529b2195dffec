/**
 * The member app (member-app.graphql) end to end: SMS login, then the whole `Viewer` of the
 * contract (vehicles, points, cards and benefits) showing only the logged-in member's own data,
 * and a one-time benefit code (CreateBenefitCode) redeemed at a store.
 */
import {
  CREATE_BENEFIT_CODE,
  CREATE_CARD,
  MEMBER_BENEFITS,
  MEMBER_LOGIN,
  RECHARGE_CARD,
  REDEEM_BENEFIT,
  REQUEST_MEMBER_LOGIN_CODE,
  SET_MEMBER_TIER,
  TIERS,
  VIEWER,
} from './support/contract';
import {
  apiKey,
  createDealership,
  createMember,
  lastCodeSentTo,
  recordTransaction,
} from './support/fixtures';
import { Credentials, errorCode, startTestApp, TestApp } from './support/test-app';

interface ViewerBenefit {
  id: string;
  benefit: { code: string; name: string; type: string };
  remaining: number;
  periodEnd: string;
  status: string;
}

describe('member app', () => {
  let t: TestApp;
  let key: string;
  let store: string;
  let seq = 0;
  const tiers: Record<string, string> = {};
  const admin = (): Credentials => ({ token: t.adminToken });

  const login = async (phone: string): Promise<Credentials> => {
    await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone } }, { apiKey: key });
    const code = await lastCodeSentTo(t, phone);
    const data = await t.ok(MEMBER_LOGIN, { input: { phone, code } }, { apiKey: key });
    return { apiKey: key, token: data.memberLogin.token };
  };
  const issueCard = async (memberId: string, type: string, extra: Record<string, unknown> = {}) =>
    (await t.ok(CREATE_CARD, { input: { memberId, type, dealershipId: store, ...extra } }, admin()))
      .createCard;
  const activeEntitlements = async (memberId: string) =>
    (await t.ok(MEMBER_BENEFITS, { filter: { memberId, status: 'ACTIVE' }, page: { perPage: 100 } }, admin()))
      .memberBenefits.items as {
      id: string;
      benefit: { code: string };
      quota: number;
      used: number;
      remaining: number;
      periodEnd: string;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    key = await apiKey(t, ['members:login', 'members:read']);
    store = await createDealership(t, 'APP-B', '深圳福田4S店');
    for (const tier of (await t.ok(TIERS, {}, admin())).tiers.items) tiers[tier.code] = tier.id;
  });
  afterAll(() => t?.close());

  describe('Viewer', () => {
    let me: Awaited<ReturnType<typeof createMember>>;
    let other: Awaited<ReturnType<typeof createMember>>;
    let session: Credentials;
    const cards: Record<string, string> = {};

    beforeAll(async () => {
      me = await createMember(t, {
        name: '应用会员',
        homeDealershipId: store,
        vehicle: { vin: 'LSVAPP00000000017', plateNumber: '粤B12345', model: '帕萨特' },
      });
      other = await createMember(t, { name: '别的会员', homeDealershipId: store });
      await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: me.id, tierId: tiers.GOLD, reason: '金卡体验' } },
        admin(),
      );
      cards.membership = (await issueCard(me.id, 'MEMBERSHIP')).id;
      const stored = await issueCard(me.id, 'STORED_VALUE');
      cards.stored = stored.id;
      await t.ok(
        RECHARGE_CARD,
        {
          input: {
            cardId: stored.id,
            amount: 1000_00,
            bonusAmount: 100_00,
            dealershipId: store,
            idempotencyKey: `app-recharge-${seq++}`,
          },
        },
        admin(),
      );
      cards.count = (await issueCard(me.id, 'COUNT', { serviceName: '精致洗车', uses: 10 })).id;
      await issueCard(other.id, 'STORED_VALUE');
      await recordTransaction(t, { memberId: me.id, dealershipId: store, amount: 800_00 });
      await recordTransaction(t, { memberId: other.id, dealershipId: store, amount: 300_00 });
      session = await login(me.phone);
    });

    it('returns the contract Viewer with only the logged-in member’s cards and ACTIVE benefits', async () => {
      const { viewer } = await t.ok(VIEWER, {}, session);
      expect(viewer).toMatchObject({
        id: me.id,
        memberNo: me.memberNo,
        name: '应用会员',
        phone: me.phone,
        status: 'ACTIVE',
        tier: { code: 'GOLD' },
      });
      expect(viewer.vehicles).toEqual([
        expect.objectContaining({ plateNumber: '粤B12345', model: '帕萨特' }),
      ]);
      expect(viewer.pointsEntries.total).toBeGreaterThan(0);
      expect(viewer.pointsBalance).toBeGreaterThan(0);

      const byId = Object.fromEntries(viewer.cards.map((c: { id: string }) => [c.id, c]));
      expect(Object.keys(byId).sort()).toEqual(Object.values(cards).sort());
      expect(byId[cards.stored]).toMatchObject({
        type: 'STORED_VALUE',
        status: 'ACTIVE',
        balance: 1100_00,
        remainingUses: null,
      });
      expect(byId[cards.count]).toMatchObject({ type: 'COUNT', remainingUses: 10, serviceName: '精致洗车' });
      expect(byId[cards.membership]).toMatchObject({ type: 'MEMBERSHIP' });

      const active = await activeEntitlements(me.id);
      expect(viewer.benefits.map((b: ViewerBenefit) => b.id).sort()).toEqual(active.map((e) => e.id).sort());
      const byCode = Object.fromEntries(viewer.benefits.map((b: ViewerBenefit) => [b.benefit.code, b]));
      expect(Object.keys(byCode).sort()).toEqual([
        'FREE_CAR_WASH',
        'FREE_DISINFECTION',
        'FREE_MAINTENANCE',
        'PRIORITY_BOOKING',
        'ROADSIDE_ASSISTANCE',
      ]);
      expect(byCode.FREE_MAINTENANCE).toMatchObject({
        benefit: { code: 'FREE_MAINTENANCE', name: '免费保养', type: 'FREE_SERVICE' },
        remaining: 3,
        status: 'ACTIVE',
      });
      expect(new Date(byCode.FREE_MAINTENANCE.periodEnd).getTime()).toBeGreaterThan(Date.now());

      const theirs = JSON.stringify(await activeEntitlements(other.id));
      for (const b of viewer.benefits) expect(theirs).not.toContain(b.id);
      const otherView = (await t.ok(VIEWER, {}, await login(other.phone))).viewer;
      expect(otherView.id).toBe(other.id);
      expect(otherView.cards).toHaveLength(1);
      expect(otherView.benefits.map((b: ViewerBenefit) => b.benefit.code)).toEqual(['FREE_MAINTENANCE']);
      expect(JSON.stringify(otherView)).not.toContain(me.id);
    });

    it('creates a one-time benefit code the store redeems; used-up benefits leave the Viewer', async () => {
      const { viewer } = await t.ok(VIEWER, {}, session);
      const wash = viewer.benefits.find(
        (b: ViewerBenefit) => b.benefit.code === 'FREE_CAR_WASH',
      ) as ViewerBenefit;
      const { createBenefitCode } = await t.ok(CREATE_BENEFIT_CODE, { memberBenefitId: wash.id }, session);
      expect(createBenefitCode).toEqual({
        code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/),
        expiresAt: expect.any(String),
      });
      expect(new Date(createBenefitCode.expiresAt).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);

      const staff = { token: await t.staffToken('STORE_STAFF', store) };
      const { redeemBenefit } = await t.ok(
        REDEEM_BENEFIT,
        {
          input: {
            code: createBenefitCode.code,
            dealershipId: store,
            note: '会员出示核销码',
            idempotencyKey: `app-redeem-${seq++}`,
          },
        },
        staff,
      );
      expect(redeemBenefit).toMatchObject({
        memberBenefitId: wash.id,
        memberId: me.id,
        dealershipId: store,
        memberBenefit: { id: wash.id, used: 1, remaining: 0, status: 'EXHAUSTED' },
      });

      const after = (await t.ok(VIEWER, {}, session)).viewer;
      expect(after.benefits.map((b: ViewerBenefit) => b.benefit.code)).not.toContain('FREE_CAR_WASH');
      expect(after.benefits).toHaveLength(viewer.benefits.length - 1);
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: wash.id }, session))).toBe(
        'QUOTA_EXHAUSTED',
      );
    });

    it('makes codes only for the viewer’s own entitlements, and only for members', async () => {
      const [theirs] = await activeEntitlements(other.id);
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: theirs.id }, session))).toBe(
        'NOT_FOUND',
      );
      const [mine] = await activeEntitlements(me.id);
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.id }, { apiKey: key }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.id }, admin()))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.id }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorCode(await t.gql(VIEWER, {}, { apiKey: key }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(VIEWER, {}, admin()))).toBe('FORBIDDEN');
    });
  });
});
