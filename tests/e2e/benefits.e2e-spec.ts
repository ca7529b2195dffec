/**
 * Benefits (权益) through the API: the default programme's benefits, their configuration by
 * marketing, entitlements granted on registration and tier changes (top-up on upgrade, revocation
 * on downgrade), the BENEFIT_GRANTS job (new benefits, lapse and renewal, idempotent re-runs),
 * redemption (核销) by entitlement and by the member's one-time code, quota under concurrency on
 * SQLite and MariaDB, idempotency, access and dealership scoping.
 */
import {
  ACTIVATE_MEMBER,
  BENEFIT_REDEMPTIONS,
  BENEFITS,
  CREATE_BENEFIT,
  CREATE_BENEFIT_CODE,
  MEMBER_BENEFITS,
  MEMBER_LOGIN,
  ME,
  REDEEM_BENEFIT,
  REGISTER_MEMBER,
  REQUEST_MEMBER_LOGIN_CODE,
  RUN_JOB,
  SET_MEMBER_STATUS,
  SET_MEMBER_TIER,
  TIERS,
  UPDATE_BENEFIT,
} from './support/contract';
import {
  apiKey,
  countStatements,
  createDealership,
  createMember,
  lastCodeSentTo,
  uniquePhone,
} from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

/** Not in the public contract: per-tier quotas and the tiers' benefits, as the admin reads them. */
const BENEFIT_QUOTAS = `query BenefitQuotas($filter: BenefitFilter) {
  benefits(filter: $filter, page: { perPage: 100 }) { items { code quota quotaByTier { tierId quota } } total }
}`;
const TIER_BENEFITS = `query TierBenefits { tiers { items { code benefits { code } } } }`;
const BENEFIT = `query Benefit($id: ID!) { benefit(id: $id) { id code name tierIds tiers { code } active } }`;

const DAY = 86_400_000;
const BENEFIT_CODE = /^[2-9A-HJKMNP-Z]{8}$/;

interface Entitlement {
  id: string;
  memberId: string;
  benefitId: string;
  benefit: { code: string; name: string; type: string };
  quota: number;
  used: number;
  remaining: number;
  periodStart: string;
  periodEnd: string;
  status: string;
}

interface Redemption {
  id: string;
  memberBenefitId: string;
  memberId: string;
  dealershipId: string;
  operatorId: string | null;
  note: string | null;
  createdAt: string;
  memberBenefit: { id: string; used: number; remaining: number; status: string };
}

const days = (from: string, to: string) => (new Date(to).getTime() - new Date(from).getTime()) / DAY;

describe('benefits', () => {
  let t: TestApp;
  let dealerA: string;
  let dealerB: string;
  let adminId: string;
  let appKey: string;
  const tiers: Record<string, string> = {};
  let seq = 0;

  const admin = (): Credentials => ({ token: t.adminToken });
  const key = (prefix = 'redeem') => `${prefix}-${Date.now().toString(36)}-${seq++}`;

  const entitlements = async (
    memberId: string,
    filter: Record<string, unknown> = {},
  ): Promise<Entitlement[]> =>
    (
      await t.ok(
        MEMBER_BENEFITS,
        {
          filter: { memberId, ...filter },
          sort: [{ field: 'CREATED_AT', order: 'ASC' }],
          page: { perPage: 100 },
        },
        admin(),
      )
    ).memberBenefits.items;
  /** The member's entitlements that are not closed, by benefit code. */
  const open = async (memberId: string): Promise<Record<string, Entitlement>> =>
    Object.fromEntries(
      (await entitlements(memberId))
        .filter((e) => e.status === 'ACTIVE' || e.status === 'EXHAUSTED')
        .map((e) => [e.benefit.code, e]),
    );
  const redeem = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(REDEEM_BENEFIT, { input: { dealershipId: dealerA, idempotencyKey: key(), ...input } }, credentials);
  const redeemed = async (
    input: Record<string, unknown>,
    credentials: Credentials = admin(),
  ): Promise<Redemption> => {
    const result = await redeem(input, credentials);
    expect(result.errors).toBeUndefined();
    return result.data.redeemBenefit;
  };
  const setTier = (memberId: string, code: string) =>
    t
      .ok(SET_MEMBER_TIER, { input: { memberId, tierId: tiers[code], reason: `测试调整为${code}` } }, admin())
      .then((d) => d.setMemberTier);
  const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\` WHERE ${where}`, params))[0].n);
  /** Every entitlement row, to prove that something changed nothing. */
  const snapshot = () =>
    t.dataSource.query(
      'SELECT `id`, `memberId`, `benefitId`, `tierId`, `quota`, `used`, `periodStart`, `periodEnd`, `status` FROM `member_benefit` ORDER BY `id`',
    );
  const runJob = async (asOf: Date) => {
    const { runJob: run } = await t.ok(
      RUN_JOB,
      { input: { job: 'BENEFIT_GRANTS', asOf: asOf.toISOString() } },
      admin(),
    );
    expect(run).toMatchObject({ job: 'BENEFIT_GRANTS', status: 'SUCCEEDED', error: null });
    return run as { processed: number; affected: number };
  };
  const benefitId = async (code: string) =>
    (await t.ok(BENEFITS, { filter: { q: code }, page: { perPage: 100 } }, admin())).benefits.items.find(
      (b: { code: string }) => b.code === code,
    ).id as string;
  /** Logs a member in through the app and returns the credentials of the app acting for them. */
  const memberSession = async (phone: string): Promise<Credentials> => {
    await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone } }, { apiKey: appKey });
    const code = await lastCodeSentTo(t, phone);
    const data = await t.ok(MEMBER_LOGIN, { input: { phone, code } }, { apiKey: appKey });
    return { apiKey: appKey, token: data.memberLogin.token };
  };

  beforeAll(async () => {
    t = await startTestApp();
    dealerA = await createDealership(t, 'BEN-A', '北京朝阳4S店');
    dealerB = await createDealership(t, 'BEN-B', '上海浦东4S店');
    adminId = (await t.ok(ME, {}, admin())).me.id;
    appKey = await apiKey(t, ['members:login']);
    for (const tier of (await t.ok(TIERS, {}, admin())).tiers.items) tiers[tier.code] = tier.id;
  });
  afterAll(() => t?.close());

  describe('the default programme', () => {
    it('seeds the tier benefits of DESIGN.md, values in fen', async () => {
      const { benefits } = await t.ok(BENEFITS, { sort: [{ field: 'CODE', order: 'ASC' }] }, admin());
      const byCode = Object.fromEntries(benefits.items.map((b: { code: string }) => [b.code, b]));
      expect(benefits.total).toBe(5);
      const tierCodes = (code: string) =>
        byCode[code].tiers.map((tier: { code: string }) => tier.code).sort();
      expect(byCode.FREE_MAINTENANCE).toMatchObject({
        name: '免费保养',
        type: 'FREE_SERVICE',
        period: 'YEAR',
        value: 600_00,
        active: true,
      });
      expect(tierCodes('FREE_MAINTENANCE')).toEqual(['GOLD', 'PLATINUM', 'REGULAR', 'SILVER']);
      expect(byCode.FREE_DISINFECTION).toMatchObject({
        name: '免费全车消毒',
        type: 'FREE_SERVICE',
        period: 'YEAR',
        quota: 1,
      });
      expect(tierCodes('FREE_DISINFECTION')).toEqual(['GOLD', 'PLATINUM']);
      expect(byCode.PRIORITY_BOOKING).toMatchObject({
        name: '优先预约',
        type: 'PRIORITY_SERVICE',
        period: 'ONCE',
        value: null,
      });
      expect(tierCodes('PRIORITY_BOOKING')).toEqual(['GOLD', 'PLATINUM', 'SILVER']);
      expect(byCode.FREE_CAR_WASH).toMatchObject({
        name: '免费洗车',
        type: 'FREE_SERVICE',
        period: 'MONTH',
        quota: 1,
        value: 50_00,
      });
      expect(tierCodes('FREE_CAR_WASH')).toEqual(['GOLD', 'PLATINUM', 'SILVER']);
      expect(byCode.ROADSIDE_ASSISTANCE).toMatchObject({ name: '道路救援', period: 'YEAR' });
      expect(tierCodes('ROADSIDE_ASSISTANCE')).toEqual(['GOLD', 'PLATINUM']);
      for (const b of benefits.items)
        expect(b.tierIds).toEqual(b.tiers.map((tier: { id: string }) => tier.id));

      const quotas = (await t.ok(BENEFIT_QUOTAS, { filter: { q: 'FREE_MAINTENANCE' } }, admin())).benefits
        .items[0];
      const byTier = Object.fromEntries(
        quotas.quotaByTier.map((q: { tierId: string; quota: number }) => [q.tierId, q.quota]),
      );
      expect(byTier).toEqual({ [tiers.REGULAR]: 1, [tiers.SILVER]: 2, [tiers.GOLD]: 3, [tiers.PLATINUM]: 4 });
    });

    it('filters by tier (JSON array membership), text, type and active; each tier lists its benefits', async () => {
      const codes = async (filter: Record<string, unknown>) =>
        (
          await t.ok(BENEFITS, { filter, sort: [{ field: 'CODE', order: 'ASC' }] }, admin())
        ).benefits.items.map((b: { code: string }) => b.code);
      expect(await codes({ tierId: tiers.REGULAR })).toEqual(['FREE_MAINTENANCE']);
      expect(await codes({ tierId: tiers.SILVER })).toEqual([
        'FREE_CAR_WASH',
        'FREE_MAINTENANCE',
        'PRIORITY_BOOKING',
      ]);
      expect(await codes({ tierId: tiers.GOLD })).toEqual([
        'FREE_CAR_WASH',
        'FREE_DISINFECTION',
        'FREE_MAINTENANCE',
        'PRIORITY_BOOKING',
        'ROADSIDE_ASSISTANCE',
      ]);
      expect(await codes({ tierId: 'no-such-tier' })).toEqual([]);
      expect(await codes({ q: '洗车' })).toEqual(['FREE_CAR_WASH']);
      expect(await codes({ q: 'road' })).toEqual(['ROADSIDE_ASSISTANCE']);
      expect(await codes({ type: 'PRIORITY_SERVICE' })).toEqual(['PRIORITY_BOOKING']);
      expect(await codes({ tierId: tiers.GOLD, active: false })).toEqual([]);
      const id = await benefitId('FREE_CAR_WASH');
      expect(await codes({ ids: [id] })).toEqual(['FREE_CAR_WASH']);
      const { benefit } = await t.ok(BENEFIT, { id }, admin());
      expect(benefit).toMatchObject({
        code: 'FREE_CAR_WASH',
        tiers: [{ code: 'SILVER' }, { code: 'GOLD' }, { code: 'PLATINUM' }],
      });
      expect((await t.ok(BENEFIT, { id: 'missing' }, admin())).benefit).toBeNull();

      const tierBenefits = Object.fromEntries(
        (await t.ok(TIER_BENEFITS, {}, admin())).tiers.items.map(
          (tier: { code: string; benefits: { code: string }[] }) => [
            tier.code,
            tier.benefits.map((b) => b.code),
          ],
        ),
      );
      expect(tierBenefits).toEqual({
        REGULAR: ['FREE_MAINTENANCE'],
        SILVER: ['FREE_CAR_WASH', 'FREE_MAINTENANCE', 'PRIORITY_BOOKING'],
        GOLD: [
          'FREE_CAR_WASH',
          'FREE_DISINFECTION',
          'FREE_MAINTENANCE',
          'PRIORITY_BOOKING',
          'ROADSIDE_ASSISTANCE',
        ],
        PLATINUM: [
          'FREE_CAR_WASH',
          'FREE_DISINFECTION',
          'FREE_MAINTENANCE',
          'PRIORITY_BOOKING',
          'ROADSIDE_ASSISTANCE',
        ],
      });
    });
  });

  describe('configuration', () => {
    it('lets only MARKETING and ADMIN create and update benefits; every staff role and benefits:read keys read them', async () => {
      const marketing = { token: await t.staffToken('MARKETING') };
      const input = {
        code: 'BIRTHDAY_GIFT',
        name: '生日礼包',
        type: 'GIFT',
        period: 'YEAR',
        quota: 1,
        value: 88_00,
        tierIds: [tiers.GOLD, tiers.PLATINUM],
      };
      const before = await count('benefit');
      for (const role of ['FINANCE', 'CUSTOMER_SERVICE', 'STORE_STAFF']) {
        const token = await t.staffToken(role, role === 'STORE_STAFF' ? dealerA : null);
        expect(errorCode(await t.gql(CREATE_BENEFIT, { input }, { token }))).toBe('FORBIDDEN');
        expect(
          errorCode(
            await t.gql(
              UPDATE_BENEFIT,
              { id: await benefitId('FREE_CAR_WASH'), input: { quota: 9 } },
              { token },
            ),
          ),
        ).toBe('FORBIDDEN');
        expect((await t.ok(BENEFITS, {}, { token })).benefits.total).toBe(5);
      }
      expect(
        errorCode(await t.gql(CREATE_BENEFIT, { input }, { apiKey: await apiKey(t, ['benefits:write']) })),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(BENEFITS, {}, { apiKey: await apiKey(t, ['members:read']) }))).toBe(
        'FORBIDDEN',
      );
      expect((await t.ok(BENEFITS, {}, { apiKey: await apiKey(t, ['benefits:read']) })).benefits.total).toBe(
        5,
      );
      expect(await count('benefit')).toBe(before);

      const { createBenefit: created } = await t.ok(CREATE_BENEFIT, { input }, marketing);
      expect(created).toEqual({ id: expect.any(String), ...input, active: true });
      const { updateBenefit: updated } = await t.ok(
        UPDATE_BENEFIT,
        {
          id: created.id,
          input: { name: '生日礼包（升级）', quota: 2, tierIds: [tiers.PLATINUM], active: false },
        },
        admin(),
      );
      expect(updated).toMatchObject({
        id: created.id,
        code: 'BIRTHDAY_GIFT',
        name: '生日礼包（升级）',
        quota: 2,
        tierIds: [tiers.PLATINUM],
        active: false,
        value: 88_00,
      });
      const { updateBenefit: again } = await t.ok(
        UPDATE_BENEFIT,
        { id: created.id, input: { description: '每年生日月领取' } },
        marketing,
      );
      expect(again).toMatchObject({ name: '生日礼包（升级）', quota: 2, active: false });
      // An explicit null leaves a required field as it is, and clears an optional one.
      const { updateBenefit: nulls } = await t.ok(
        UPDATE_BENEFIT,
        { id: created.id, input: { code: null, quota: null, value: null } },
        admin(),
      );
      expect(nulls).toMatchObject({ code: 'BIRTHDAY_GIFT', quota: 2, value: null });
    });

    it('refuses a taken code (CONFLICT), unknown tiers and bad input (BAD_USER_INPUT), and writes nothing', async () => {
      const before = await snapshot();
      const benefits = await count('benefit');
      const base = {
        code: 'VALID_CODE',
        name: '测试',
        type: 'VOUCHER',
        period: 'MONTH',
        quota: 1,
        tierIds: [tiers.SILVER],
      };
      const dup = await t.gql(CREATE_BENEFIT, { input: { ...base, code: 'FREE_MAINTENANCE' } }, admin());
      expect(errorCode(dup)).toBe('CONFLICT');
      expect(dup.errors![0].extensions!.field).toBe('input.code');
      const unknownTier = await t.gql(
        CREATE_BENEFIT,
        { input: { ...base, tierIds: [tiers.SILVER, 'no-such-tier'] } },
        admin(),
      );
      expect(errorCode(unknownTier)).toBe('BAD_USER_INPUT');
      expect(unknownTier.errors![0].extensions!.fields).toHaveProperty(['input.tierIds']);
      const invalid = await t.gql(
        CREATE_BENEFIT,
        { input: { ...base, code: 'bad code', quota: 0, value: -1 } },
        admin(),
      );
      expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
      expect(Object.keys(invalid.errors![0].extensions!.fields!).sort()).toEqual([
        'input.code',
        'input.quota',
        'input.value',
      ]);
      const quotaOfOtherTier = await t.gql(
        CREATE_BENEFIT,
        { input: { ...base, quotaByTier: [{ tierId: tiers.GOLD, quota: 2 }] } },
        admin(),
      );
      expect(quotaOfOtherTier.errors![0].extensions!.fields).toHaveProperty(['input.quotaByTier[0].tierId']);

      const washId = await benefitId('FREE_CAR_WASH');
      const taken = await t.gql(UPDATE_BENEFIT, { id: washId, input: { code: 'FREE_MAINTENANCE' } }, admin());
      expect(errorCode(taken)).toBe('CONFLICT');
      expect(
        errorCode(await t.gql(UPDATE_BENEFIT, { id: washId, input: { tierIds: ['no-such-tier'] } }, admin())),
      ).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(UPDATE_BENEFIT, { id: 'missing', input: { quota: 2 } }, admin()))).toBe(
        'NOT_FOUND',
      );
      expect(await count('benefit')).toBe(benefits);
      expect(await snapshot()).toEqual(before);
      expect((await t.ok(BENEFIT, { id: washId }, admin())).benefit).toMatchObject({
        code: 'FREE_CAR_WASH',
        tierIds: [tiers.SILVER, tiers.GOLD, tiers.PLATINUM],
      });
    });
  });

  describe('grants', () => {
    it('gives a member registered at a store the entry tier’s free maintenance at once (quota 1, 12 months)', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const list = await entitlements(m.id);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        memberId: m.id,
        benefit: { code: 'FREE_MAINTENANCE', name: '免费保养', type: 'FREE_SERVICE' },
        quota: 1,
        used: 0,
        remaining: 1,
        status: 'ACTIVE',
      });
      expect(Math.abs(new Date(list[0].periodStart).getTime() - Date.now())).toBeLessThan(60_000);
      expect(days(list[0].periodStart, list[0].periodEnd)).toBeGreaterThanOrEqual(365);
      expect(days(list[0].periodStart, list[0].periodEnd)).toBeLessThanOrEqual(366);
    });

    it('grants an online registration only once it is activated', async () => {
      const phone = uniquePhone();
      const { registerMember } = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '线上会员', phone, channel: 'APP' } },
        admin(),
      );
      expect(await entitlements(registerMember.id)).toEqual([]);
      await t.ok(
        ACTIVATE_MEMBER,
        { input: { memberId: registerMember.id, code: await lastCodeSentTo(t, phone) } },
        admin(),
      );
      expect((await entitlements(registerMember.id)).map((e) => [e.benefit.code, e.quota, e.status])).toEqual(
        [['FREE_MAINTENANCE', 1, 'ACTIVE']],
      );
    });

    it('on an upgrade grants the new tier’s benefits and tops up the running free maintenance to its quota', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const [entry] = await entitlements(m.id);
      await redeemed({ memberBenefitId: entry.id });
      expect((await open(m.id)).FREE_MAINTENANCE).toMatchObject({
        used: 1,
        remaining: 0,
        status: 'EXHAUSTED',
      });

      const gold = await setTier(m.id, 'GOLD');
      const held = await open(m.id);
      expect(Object.keys(held).sort()).toEqual([
        'FREE_CAR_WASH',
        'FREE_DISINFECTION',
        'FREE_MAINTENANCE',
        'PRIORITY_BOOKING',
        'ROADSIDE_ASSISTANCE',
      ]);
      // The same entitlement, same period: quota 3 with the use already made, usable again.
      expect(held.FREE_MAINTENANCE).toMatchObject({
        id: entry.id,
        quota: 3,
        used: 1,
        remaining: 2,
        status: 'ACTIVE',
        periodStart: entry.periodStart,
        periodEnd: entry.periodEnd,
      });
      expect(held.FREE_DISINFECTION).toMatchObject({ quota: 1, used: 0, status: 'ACTIVE' });
      expect(held.ROADSIDE_ASSISTANCE).toMatchObject({ quota: 2, status: 'ACTIVE' });
      expect(
        days(held.ROADSIDE_ASSISTANCE.periodStart, held.ROADSIDE_ASSISTANCE.periodEnd),
      ).toBeGreaterThanOrEqual(365);
      expect(days(held.FREE_CAR_WASH.periodStart, held.FREE_CAR_WASH.periodEnd)).toBeGreaterThanOrEqual(28);
      expect(days(held.FREE_CAR_WASH.periodStart, held.FREE_CAR_WASH.periodEnd)).toBeLessThanOrEqual(31);
      // ONCE runs until the tier review.
      expect(held.PRIORITY_BOOKING).toMatchObject({ quota: 12, periodEnd: gold.tierReviewAt });
      expect(await entitlements(m.id)).toHaveLength(5);

      // PLATINUM: free maintenance 4, nothing granted twice.
      await setTier(m.id, 'PLATINUM');
      const platinum = await open(m.id);
      expect(platinum.FREE_MAINTENANCE).toMatchObject({ id: entry.id, quota: 4, used: 1, remaining: 3 });
      expect(platinum.ROADSIDE_ASSISTANCE.id).toBe(held.ROADSIDE_ASSISTANCE.id);
      expect(await entitlements(m.id)).toHaveLength(5);
    });

    it('on a downgrade revokes what only the old tier gave and keeps what the new tier also grants', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'GOLD');
      const gold = await open(m.id);
      await redeemed({ memberBenefitId: gold.ROADSIDE_ASSISTANCE.id });

      await setTier(m.id, 'SILVER');
      const silver = Object.fromEntries((await entitlements(m.id)).map((e) => [e.benefit.code, e]));
      expect(silver.FREE_DISINFECTION.status).toBe('REVOKED');
      expect(silver.ROADSIDE_ASSISTANCE).toMatchObject({ status: 'REVOKED', used: 1 });
      // Kept as it is until its period ends (never lowered); renewals then follow the new tier.
      expect(silver.FREE_MAINTENANCE).toMatchObject({
        id: gold.FREE_MAINTENANCE.id,
        status: 'ACTIVE',
        quota: 3,
      });
      expect(silver.FREE_CAR_WASH).toMatchObject({ id: gold.FREE_CAR_WASH.id, status: 'ACTIVE' });
      expect(silver.PRIORITY_BOOKING).toMatchObject({ id: gold.PRIORITY_BOOKING.id, status: 'ACTIVE' });

      const before = await count('benefit_redemption');
      const revoked = await redeem({ memberBenefitId: silver.FREE_DISINFECTION.id });
      expect(errorCode(revoked)).toBe('INVALID_STATE');
      expect(await count('benefit_redemption')).toBe(before);

      await setTier(m.id, 'REGULAR');
      const regular = Object.fromEntries((await entitlements(m.id)).map((e) => [e.benefit.code, e.status]));
      expect(regular).toEqual({
        FREE_MAINTENANCE: 'ACTIVE',
        FREE_DISINFECTION: 'REVOKED',
        ROADSIDE_ASSISTANCE: 'REVOKED',
        FREE_CAR_WASH: 'REVOKED',
        PRIORITY_BOOKING: 'REVOKED',
      });

      // Back up to GOLD: fresh grants of what was revoked, the running maintenance kept.
      await setTier(m.id, 'GOLD');
      const regained = await open(m.id);
      expect(Object.keys(regained).sort()).toEqual([
        'FREE_CAR_WASH',
        'FREE_DISINFECTION',
        'FREE_MAINTENANCE',
        'PRIORITY_BOOKING',
        'ROADSIDE_ASSISTANCE',
      ]);
      expect(regained.FREE_MAINTENANCE.id).toBe(gold.FREE_MAINTENANCE.id);
      expect(regained.ROADSIDE_ASSISTANCE.id).not.toBe(gold.ROADSIDE_ASSISTANCE.id);
      expect(regained.ROADSIDE_ASSISTANCE).toMatchObject({ used: 0, quota: 2 });
    });

    it('grants a benefit created for a tier to its members through the job, once however often it runs', async () => {
      const silverMember = await createMember(t, { homeDealershipId: dealerA });
      await setTier(silverMember.id, 'SILVER');
      const regularMember = await createMember(t, { homeDealershipId: dealerA });
      const { createBenefit: gift } = await t.ok(
        CREATE_BENEFIT,
        {
          input: {
            code: 'SILVER_WELCOME_KIT',
            name: '银卡礼包',
            type: 'GIFT',
            period: 'ONCE',
            quota: 1,
            tierIds: [tiers.SILVER],
          },
        },
        admin(),
      );
      const { createBenefit: coffee } = await t.ok(
        CREATE_BENEFIT,
        {
          input: {
            code: 'LOUNGE_COFFEE',
            name: '休息区咖啡',
            type: 'GIFT',
            period: 'MONTH',
            quota: 2,
            tierIds: [tiers.REGULAR, tiers.SILVER],
            quotaByTier: [{ tierId: tiers.SILVER, quota: 5 }],
          },
        },
        admin(),
      );
      expect(Object.keys(await open(silverMember.id))).not.toContain('SILVER_WELCOME_KIT');

      const asOf = new Date();
      const first = await runJob(asOf);
      expect(first.affected).toBeGreaterThanOrEqual(3);
      const silver = await open(silverMember.id);
      expect(silver.SILVER_WELCOME_KIT).toMatchObject({
        benefitId: gift.id,
        quota: 1,
        status: 'ACTIVE',
        periodStart: asOf.toISOString(),
      });
      expect(silver.LOUNGE_COFFEE).toMatchObject({
        benefitId: coffee.id,
        quota: 5,
        status: 'ACTIVE',
        periodStart: asOf.toISOString(),
      });
      const regular = await open(regularMember.id);
      expect(regular.SILVER_WELCOME_KIT).toBeUndefined();
      expect(regular.LOUNGE_COFFEE).toMatchObject({ quota: 2 });

      const before = await snapshot();
      const again = await runJob(asOf);
      expect(again.affected).toBe(0);
      expect(await snapshot()).toEqual(before);
      // A day later nothing is due either.
      expect((await runJob(new Date(asOf.getTime() + DAY))).affected).toBe(0);
      expect(await snapshot()).toEqual(before);

      // An inactive benefit is not granted.
      await t.ok(UPDATE_BENEFIT, { id: coffee.id, input: { active: false } }, admin());
      const later = await createMember(t, { homeDealershipId: dealerA });
      await runJob(new Date());
      expect(Object.keys(await open(later.id))).toEqual(['FREE_MAINTENANCE']);
    });
  });

  describe('redemption', () => {
    it('redeems by entitlement at a store, records store, operator and note, and refuses beyond the quota', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const [e] = await entitlements(m.id);
      const r = await redeemed({ memberBenefitId: e.id, note: '5000公里保养' });
      expect(r).toEqual({
        id: expect.any(String),
        memberBenefitId: e.id,
        memberId: m.id,
        dealershipId: dealerA,
        operatorId: adminId,
        note: '5000公里保养',
        createdAt: expect.any(String),
        memberBenefit: { id: e.id, used: 1, remaining: 0, status: 'EXHAUSTED' },
      });
      const before = await count('benefit_redemption');
      const over = await redeem({ memberBenefitId: e.id });
      expect(errorCode(over)).toBe('QUOTA_EXHAUSTED');
      expect(await count('benefit_redemption')).toBe(before);
      expect((await entitlements(m.id))[0]).toMatchObject({ used: 1, status: 'EXHAUSTED' });

      const { benefitRedemptions } = await t.ok(BENEFIT_REDEMPTIONS, { filter: { memberId: m.id } }, admin());
      expect(benefitRedemptions).toEqual({
        total: 1,
        items: [
          {
            id: r.id,
            memberBenefitId: e.id,
            memberId: m.id,
            dealershipId: dealerA,
            operatorId: adminId,
            note: '5000公里保养',
            createdAt: r.createdAt,
          },
        ],
      });
      const byBenefit = await t.ok(
        BENEFIT_REDEMPTIONS,
        { filter: { benefitId: e.benefitId, dealershipId: dealerA, ids: [r.id] } },
        admin(),
      );
      expect(byBenefit.benefitRedemptions.total).toBe(1);
      const future = await t.ok(
        BENEFIT_REDEMPTIONS,
        { filter: { memberId: m.id, createdFrom: new Date(Date.now() + DAY).toISOString() } },
        admin(),
      );
      expect(future.benefitRedemptions.total).toBe(0);
    });

    it('replays the same idempotency key and payload, refuses it with another payload (CONFLICT)', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'GOLD');
      const { FREE_MAINTENANCE: e } = await open(m.id);
      const idempotencyKey = key('replay');
      const first = await redeemed({ memberBenefitId: e.id, note: '首保', idempotencyKey });
      const replay = await redeemed({ memberBenefitId: e.id, note: '首保', idempotencyKey });
      expect(replay.id).toBe(first.id);
      expect((await open(m.id)).FREE_MAINTENANCE).toMatchObject({ used: 1, remaining: 2 });
      const before = await count('benefit_redemption');
      const conflict = await redeem({ memberBenefitId: e.id, note: '另一次', idempotencyKey });
      expect(errorCode(conflict)).toBe('CONFLICT');
      expect(conflict.errors![0].extensions!.field).toBe('input.idempotencyKey');
      expect(await count('benefit_redemption')).toBe(before);
      expect((await open(m.id)).FREE_MAINTENANCE.used).toBe(1);
    });

    it('refuses bad input, unknown records and frozen members, writing nothing', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const [e] = await entitlements(m.id);
      const before = { redemptions: await count('benefit_redemption'), rows: await snapshot() };

      const neither = await redeem({});
      expect(errorCode(neither)).toBe('BAD_USER_INPUT');
      expect(neither.errors![0].extensions!.fields).toHaveProperty(['input.memberBenefitId']);
      const both = await redeem({ memberBenefitId: e.id, code: 'ABCDEFGH' });
      expect(errorCode(both)).toBe('BAD_USER_INPUT');
      expect(both.errors![0].extensions!.fields).toHaveProperty(['input.code']);
      const badKey = await redeem({ memberBenefitId: e.id, idempotencyKey: 'short' });
      expect(badKey.errors![0].extensions!.fields).toHaveProperty(['input.idempotencyKey']);
      const wrongCode = await redeem({ code: 'ABCDEFGH' });
      expect(errorCode(wrongCode)).toBe('BAD_USER_INPUT');
      expect(wrongCode.errors![0].extensions!.fields).toHaveProperty(['input.code']);
      expect(errorCode(await redeem({ memberBenefitId: e.id, dealershipId: 'no-such-store' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await redeem({ memberBenefitId: 'no-such-entitlement' }))).toBe('NOT_FOUND');

      await t.ok(
        SET_MEMBER_STATUS,
        { input: { memberId: m.id, status: 'FROZEN', reason: '会员申请冻结' } },
        admin(),
      );
      expect(errorCode(await redeem({ memberBenefitId: e.id }))).toBe('INVALID_STATE');
      expect(await count('benefit_redemption')).toBe(before.redemptions);
      expect(await snapshot()).toEqual(before.rows);
      await t.ok(SET_MEMBER_STATUS, { input: { memberId: m.id, status: 'ACTIVE', reason: '解冻' } }, admin());
      expect((await redeemed({ memberBenefitId: e.id })).memberBenefit.used).toBe(1);
    });

    it('lets ADMIN, STORE_STAFF at their own store and benefits:write keys redeem; nobody else', async () => {
      const m = await createMember(t, { homeDealershipId: dealerB });
      await setTier(m.id, 'PLATINUM');
      const { FREE_MAINTENANCE: e } = await open(m.id);
      const before = await count('benefit_redemption');
      for (const role of ['MARKETING', 'FINANCE', 'CUSTOMER_SERVICE']) {
        expect(errorCode(await redeem({ memberBenefitId: e.id }, { token: await t.staffToken(role) }))).toBe(
          'FORBIDDEN',
        );
      }
      expect(
        errorCode(await redeem({ memberBenefitId: e.id }, { apiKey: await apiKey(t, ['benefits:read']) })),
      ).toBe('FORBIDDEN');
      const storeA = { token: await t.staffToken('STORE_STAFF', dealerA) };
      expect(errorCode(await redeem({ memberBenefitId: e.id, dealershipId: dealerB }, storeA))).toBe(
        'FORBIDDEN',
      );
      expect(await count('benefit_redemption')).toBe(before);

      // Any store serves any member: a dealer-B member's benefit redeemed at store A, by store A.
      const atA = await redeemed({ memberBenefitId: e.id, dealershipId: dealerA }, storeA);
      expect(atA).toMatchObject({
        dealershipId: dealerA,
        memberId: m.id,
        memberBenefit: { used: 1, remaining: 3 },
      });
      const dms = await redeemed(
        { memberBenefitId: e.id, dealershipId: dealerB, note: 'DMS' },
        { apiKey: await apiKey(t, ['benefits:write']) },
      );
      expect(dms).toMatchObject({ dealershipId: dealerB, memberBenefit: { used: 2 } });
    });

    it('scopes store staff: entitlements of their own members (or one member by id) and redemptions at their store', async () => {
      const ownMember = await createMember(t, { homeDealershipId: dealerA });
      const otherMember = await createMember(t, { homeDealershipId: dealerB });
      const [own] = await entitlements(ownMember.id);
      const [other] = await entitlements(otherMember.id);
      const atB = await redeemed({ memberBenefitId: other.id, dealershipId: dealerB });
      const atA = await redeemed({ memberBenefitId: own.id, dealershipId: dealerA });
      const storeA = { token: await t.staffToken('STORE_STAFF', dealerA) };

      const listed = (await t.ok(MEMBER_BENEFITS, { page: { perPage: 1000 } }, storeA)).memberBenefits;
      const memberIds = new Set(listed.items.map((e: Entitlement) => e.memberId));
      expect(memberIds.has(ownMember.id)).toBe(true);
      expect(memberIds.has(otherMember.id)).toBe(false);
      const allHomes: { homeDealershipId: string | null }[] = await t.dataSource.query(
        `SELECT m.homeDealershipId FROM member_benefit mb JOIN member m ON m.id = mb.memberId WHERE mb.id IN (${listed.items.map(() => '?').join(',')})`,
        listed.items.map((e: Entitlement) => e.id),
      );
      expect(new Set(allHomes.map((r) => r.homeDealershipId))).toEqual(new Set([dealerA]));
      const oneMember = (await t.ok(MEMBER_BENEFITS, { filter: { memberId: otherMember.id } }, storeA))
        .memberBenefits;
      expect(oneMember.items.map((e: Entitlement) => e.id)).toEqual([other.id]);

      const redemptions = (await t.ok(BENEFIT_REDEMPTIONS, { page: { perPage: 1000 } }, storeA))
        .benefitRedemptions.items;
      expect(redemptions.map((r: Redemption) => r.id)).toContain(atA.id);
      expect(redemptions.map((r: Redemption) => r.id)).not.toContain(atB.id);
      expect(new Set(redemptions.map((r: Redemption) => r.dealershipId))).toEqual(new Set([dealerA]));
      expect(
        (await t.ok(BENEFIT_REDEMPTIONS, { filter: { memberId: otherMember.id } }, storeA)).benefitRedemptions
          .total,
      ).toBe(0);
      // Group-wide roles see both.
      const marketing = { token: await t.staffToken('MARKETING') };
      const all = (await t.ok(BENEFIT_REDEMPTIONS, { filter: { ids: [atA.id, atB.id] } }, marketing))
        .benefitRedemptions;
      expect(all.total).toBe(2);
      expect(
        (await t.ok(MEMBER_BENEFITS, { filter: { ids: [own.id, other.id] } }, marketing)).memberBenefits
          .total,
      ).toBe(2);
    });

    it('filters and sorts entitlements by benefit, status and period end', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'GOLD');
      const washId = await benefitId('FREE_CAR_WASH');
      const wash = (await t.ok(MEMBER_BENEFITS, { filter: { memberId: m.id, benefitId: washId } }, admin()))
        .memberBenefits;
      expect(wash.items.map((e: Entitlement) => e.benefit.code)).toEqual(['FREE_CAR_WASH']);
      await redeemed({ memberBenefitId: wash.items[0].id });
      const exhausted = (
        await t.ok(MEMBER_BENEFITS, { filter: { memberId: m.id, status: 'EXHAUSTED' } }, admin())
      ).memberBenefits;
      expect(exhausted.items.map((e: Entitlement) => e.benefit.code)).toEqual(['FREE_CAR_WASH']);
      const sorted = (
        await t.ok(
          MEMBER_BENEFITS,
          { filter: { memberId: m.id }, sort: [{ field: 'PERIOD_END', order: 'ASC' }] },
          admin(),
        )
      ).memberBenefits.items;
      expect(sorted[0].benefit.code).toBe('FREE_CAR_WASH');
      const ends = sorted.map((e: Entitlement) => new Date(e.periodEnd).getTime());
      expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    });

    it('never exceeds the quota under concurrent redemptions, and applies one key once', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'GOLD');
      const { FREE_MAINTENANCE: e } = await open(m.id);
      expect(e.quota).toBe(3);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => redeem({ memberBenefitId: e.id, note: `并发${i}` })),
      );
      const succeeded = results.filter((r) => !r.errors);
      expect(succeeded).toHaveLength(3);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(7).fill('QUOTA_EXHAUSTED'));
      expect((await open(m.id)).FREE_MAINTENANCE).toMatchObject({
        used: 3,
        remaining: 0,
        status: 'EXHAUSTED',
      });
      expect(await count('benefit_redemption', '`memberBenefitId` = ?', [e.id])).toBe(3);

      const { ROADSIDE_ASSISTANCE: roadside } = await open(m.id);
      const idempotencyKey = key('same');
      const same = await Promise.all(
        Array.from({ length: 5 }, () => redeem({ memberBenefitId: roadside.id, idempotencyKey })),
      );
      expect(same.map((r) => r.errors)).toEqual(Array(5).fill(undefined));
      expect(new Set(same.map((r) => r.data.redeemBenefit.id)).size).toBe(1);
      expect((await open(m.id)).ROADSIDE_ASSISTANCE.used).toBe(1);
    });
  });

  describe('one-time codes', () => {
    it('redeems with a code the member app created; the code works once and is stored hashed', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'GOLD');
      const { FREE_MAINTENANCE: e } = await open(m.id);
      const app = await memberSession(m.phone);

      const { createBenefitCode } = await t.ok(CREATE_BENEFIT_CODE, { memberBenefitId: e.id }, app);
      expect(createBenefitCode.code).toMatch(BENEFIT_CODE);
      const ttl = new Date(createBenefitCode.expiresAt).getTime() - Date.now();
      expect(ttl).toBeGreaterThan(9 * 60_000);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000);
      const stored: { codeHash: string }[] = await t.dataSource.query(
        'SELECT `codeHash` FROM `benefit_code` WHERE `memberBenefitId` = ?',
        [e.id],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].codeHash).not.toContain(createBenefitCode.code);
      expect(stored[0].codeHash).toMatch(/^[0-9a-f]{64}$/);

      const storeB = { token: await t.staffToken('STORE_STAFF', dealerB) };
      const r = await redeemed(
        { code: createBenefitCode.code.toLowerCase(), dealershipId: dealerB, note: '凭码核销' },
        storeB,
      );
      expect(r).toMatchObject({
        memberBenefitId: e.id,
        memberId: m.id,
        dealershipId: dealerB,
        note: '凭码核销',
        memberBenefit: { used: 1, remaining: 2 },
      });

      const before = await count('benefit_redemption');
      const reused = await redeem({ code: createBenefitCode.code, dealershipId: dealerB }, storeB);
      expect(errorCode(reused)).toBe('BAD_USER_INPUT');
      expect(reused.errors![0].extensions!.fields).toHaveProperty(['input.code']);
      expect(await count('benefit_redemption')).toBe(before);
      expect((await open(m.id)).FREE_MAINTENANCE.used).toBe(1);
    });

    it('refuses expired and superseded codes, and leaves a code unused when the redemption is refused', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const [e] = await entitlements(m.id);
      const app = await memberSession(m.phone);
      const first = (await t.ok(CREATE_BENEFIT_CODE, { memberBenefitId: e.id }, app)).createBenefitCode.code;
      const second = (await t.ok(CREATE_BENEFIT_CODE, { memberBenefitId: e.id }, app)).createBenefitCode.code;
      const superseded = await redeem({ code: first });
      expect(errorCode(superseded)).toBe('BAD_USER_INPUT');

      await t.dataSource.query(
        'UPDATE `benefit_code` SET `expiresAt` = ? WHERE `memberBenefitId` = ? AND `usedAt` IS NULL',
        [
          t.databaseKind === 'mysql'
            ? new Date(Date.now() - 1000)
            : new Date(Date.now() - 1000).toISOString().replace('T', ' ').replace('Z', ''),
          e.id,
        ],
      );
      const expired = await redeem({ code: second });
      expect(errorCode(expired)).toBe('BAD_USER_INPUT');
      expect(expired.errors![0].extensions!.fields).toHaveProperty(['input.code']);

      // Used up by entitlement id; a code made before stays unused when its redemption is refused.
      const third = (await t.ok(CREATE_BENEFIT_CODE, { memberBenefitId: e.id }, app)).createBenefitCode.code;
      await t.ok(SET_MEMBER_TIER, { input: { memberId: m.id, tierId: tiers.GOLD, reason: '升级' } }, admin());
      await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: tiers.REGULAR, reason: '降级' } },
        admin(),
      );
      const fresh = (await open(m.id)).FREE_MAINTENANCE;
      for (let i = fresh.used; i < fresh.quota; i++) await redeemed({ memberBenefitId: e.id });
      expect(errorCode(await redeem({ code: third }))).toBe('QUOTA_EXHAUSTED');
      expect(await count('benefit_code', '`memberBenefitId` = ? AND `usedAt` IS NOT NULL', [e.id])).toBe(0);
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: e.id }, app))).toBe(
        'QUOTA_EXHAUSTED',
      );
    });

    it('makes codes only for the logged-in member’s own usable entitlements', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const other = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'GOLD');
      await setTier(m.id, 'REGULAR');
      const mine = Object.fromEntries((await entitlements(m.id)).map((e) => [e.benefit.code, e]));
      const [theirs] = await entitlements(other.id);
      const app = await memberSession(m.phone);
      const before = await count('benefit_code');

      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: theirs.id }, app))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: 'missing' }, app))).toBe(
        'NOT_FOUND',
      );
      expect(
        errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.ROADSIDE_ASSISTANCE.id }, app)),
      ).toBe('INVALID_STATE');
      expect(
        errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.FREE_MAINTENANCE.id }, admin())),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.FREE_MAINTENANCE.id }, { apiKey: appKey }),
        ),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CREATE_BENEFIT_CODE, { memberBenefitId: mine.FREE_MAINTENANCE.id }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(await count('benefit_code')).toBe(before);
    });

    it('lets one code through once under concurrent redemptions', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      await setTier(m.id, 'PLATINUM');
      const { FREE_MAINTENANCE: e } = await open(m.id);
      const app = await memberSession(m.phone);
      const { code } = (await t.ok(CREATE_BENEFIT_CODE, { memberBenefitId: e.id }, app)).createBenefitCode;
      const results = await Promise.all(Array.from({ length: 6 }, () => redeem({ code })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('BAD_USER_INPUT'));
      expect((await open(m.id)).FREE_MAINTENANCE.used).toBe(1);
    });
  });

  describe('batching', () => {
    /** SQL statements the server runs while answering one request. */
    const statementsFor = (query: string, variables: Record<string, unknown>) =>
      countStatements(t, async () => expect((await t.gql(query, variables, admin())).errors).toBeUndefined());

    it('loads members’ benefits, their definitions and tiers, and tiers’ benefits without a statement per row', async () => {
      const query = `query Page($perPage: Int) {
        members(page: { perPage: $perPage }) {
          items { id benefits { id remaining benefit { code tiers { code } } member { id } } tier { code benefits { code tiers { code } } } }
        }
        memberBenefits(page: { perPage: $perPage }) { items { id member { id } benefit { code } } }
        benefitRedemptions(page: { perPage: $perPage }) { items { id memberBenefit { id remaining } } }
      }`;
      expect((await t.ok(query, { perPage: 18 }, admin())).members.items).toHaveLength(18);
      const small = await statementsFor(query, { perPage: 2 });
      const large = await statementsFor(query, { perPage: 18 });
      expect(small).toBeGreaterThan(0);
      // Nine times the rows: a statement per row would add 16 or more. Batches that meet in one
      // tick merge, so the count may differ by a statement or two with timing, never by the rows.
      expect(large).toBeLessThanOrEqual(small + 2);
    });
  });

  // Runs the job as of a year from now: last, since it closes every entitlement of the database.
  describe('lapse and renewal (BENEFIT_GRANTS a year on)', () => {
    it('expires unused quota at the period end, renews YEAR and MONTH benefits while the tier is held, not ONCE or revoked ones; re-runs change nothing', async () => {
      const m = await createMember(t, { homeDealershipId: dealerA });
      const gold = await setTier(m.id, 'GOLD');
      const held = await open(m.id);
      for (let i = 0; i < 3; i++) await redeemed({ memberBenefitId: held.FREE_MAINTENANCE.id });
      const dropped = await createMember(t, { homeDealershipId: dealerA });
      await setTier(dropped.id, 'GOLD');
      await setTier(dropped.id, 'REGULAR');
      const droppedBefore = await entitlements(dropped.id);

      const asOf = new Date(new Date(gold.tierReviewAt).getTime() + 2 * DAY);
      const run = await runJob(asOf);
      expect(run.affected).toBeGreaterThan(0);
      const all = await entitlements(m.id);
      const status = (id: string) => all.find((e) => e.id === id)!.status;
      expect(status(held.FREE_MAINTENANCE.id)).toBe('EXHAUSTED');
      expect(status(held.FREE_DISINFECTION.id)).toBe('EXPIRED');
      expect(status(held.ROADSIDE_ASSISTANCE.id)).toBe('EXPIRED');
      expect(status(held.FREE_CAR_WASH.id)).toBe('EXPIRED');
      expect(status(held.PRIORITY_BOOKING.id)).toBe('EXPIRED');

      const renewed = Object.fromEntries(
        all.filter((e) => e.status === 'ACTIVE').map((e) => [e.benefit.code, e]),
      );
      expect(Object.keys(renewed).sort()).toEqual([
        'FREE_CAR_WASH',
        'FREE_DISINFECTION',
        'FREE_MAINTENANCE',
        'ROADSIDE_ASSISTANCE',
      ]);
      // YEAR: the next period starts where the last one ended; GOLD's quota again.
      expect(renewed.FREE_MAINTENANCE).toMatchObject({
        quota: 3,
        used: 0,
        periodStart: held.FREE_MAINTENANCE.periodEnd,
      });
      expect(
        days(renewed.FREE_MAINTENANCE.periodStart, renewed.FREE_MAINTENANCE.periodEnd),
      ).toBeGreaterThanOrEqual(365);
      expect(renewed.ROADSIDE_ASSISTANCE).toMatchObject({
        quota: 2,
        periodStart: held.ROADSIDE_ASSISTANCE.periodEnd,
      });
      // MONTH: months passed without a grant, so a fresh month from the run.
      expect(renewed.FREE_CAR_WASH).toMatchObject({ quota: 1, periodStart: asOf.toISOString() });

      const revoked = (await entitlements(dropped.id)).filter(
        (e) => e.benefit.code === 'ROADSIDE_ASSISTANCE',
      );
      expect(revoked.map((e) => e.status)).toEqual(['REVOKED']);
      const droppedNow = await entitlements(dropped.id);
      expect(droppedNow.filter((e) => e.status === 'ACTIVE').map((e) => e.benefit.code)).toEqual([
        'FREE_MAINTENANCE',
      ]);
      expect(droppedNow.length).toBe(droppedBefore.length + 1);

      const before = await snapshot();
      expect((await runJob(asOf)).affected).toBe(0);
      expect(await snapshot()).toEqual(before);

      // The next month renews the car wash seamlessly.
      const nextMonth = new Date(new Date(renewed.FREE_CAR_WASH.periodEnd).getTime() + DAY);
      await runJob(nextMonth);
      const washes = (await entitlements(m.id)).filter((e) => e.benefit.code === 'FREE_CAR_WASH');
      expect(washes.map((e) => e.status)).toEqual(['EXPIRED', 'EXPIRED', 'ACTIVE']);
      expect(washes[2].periodStart).toBe(renewed.FREE_CAR_WASH.periodEnd);
    });
  });
});
