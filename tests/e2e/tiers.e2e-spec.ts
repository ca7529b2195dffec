import {
  CREATE_TIER,
  DELETE_TIER,
  MEMBER,
  NOTIFICATIONS,
  SET_MEMBER_TIER,
  TIER_CHANGES,
  TIERS,
  UPDATE_TIER,
} from './support/contract';
import { createDealership, createMember, recordTransaction } from './support/fixtures';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const fieldsOf = (result: GqlResult) => result.errors?.[0]?.extensions?.fields ?? {};
const DAY = 24 * 3600 * 1000;

type TierRow = { id: string; code: string; memberCount: number } & Record<string, unknown>;

describe('tiers', () => {
  let t: TestApp;
  let admin: { token: string };
  let marketing: { token: string };
  const ids: Record<string, string> = {};

  const tiers = async (): Promise<TierRow[]> => (await t.ok(TIERS, {}, admin)).tiers.items;
  const tierByCode = async (code: string) => (await tiers()).find((tier) => tier.code === code)!;
  const diamond = (extra: Record<string, unknown> = {}) => ({
    code: 'DIAMOND',
    name: '钻石会员',
    rank: 10,
    qualifyingPoints: 60_000,
    minSpend: 60_000_000,
    pointsMultiplier: 2.5,
    discountRate: 0.75,
    freeMaintenancePerYear: 6,
    description: '最高等级',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = { token: t.adminToken };
    marketing = { token: await t.staffToken('MARKETING') };
    for (const tier of await tiers()) ids[tier.code] = tier.id;
  });
  afterAll(() => t?.close());

  it('seeds the four default tiers of the programme, lowest rank first', async () => {
    const data = await t.ok(TIERS, {}, admin);
    expect(data.tiers.total).toBe(4);
    const rows = data.tiers.items.map((tier: TierRow) => ({
      code: tier.code,
      qualifyingPoints: tier.qualifyingPoints,
      minSpend: tier.minSpend,
      pointsMultiplier: tier.pointsMultiplier,
      discountRate: tier.discountRate,
      freeMaintenancePerYear: tier.freeMaintenancePerYear,
      memberCount: tier.memberCount,
    }));
    expect(rows).toEqual([
      {
        code: 'REGULAR',
        qualifyingPoints: 0,
        minSpend: null,
        pointsMultiplier: 1,
        discountRate: 0.95,
        freeMaintenancePerYear: 1,
        memberCount: 0,
      },
      {
        code: 'SILVER',
        qualifyingPoints: 5000,
        minSpend: 5_000_000,
        pointsMultiplier: 1.2,
        discountRate: 0.9,
        freeMaintenancePerYear: 2,
        memberCount: 0,
      },
      {
        code: 'GOLD',
        qualifyingPoints: 15000,
        minSpend: 15_000_000,
        pointsMultiplier: 1.5,
        discountRate: 0.85,
        freeMaintenancePerYear: 3,
        memberCount: 0,
      },
      {
        code: 'PLATINUM',
        qualifyingPoints: 30000,
        minSpend: 30_000_000,
        pointsMultiplier: 2,
        discountRate: 0.8,
        freeMaintenancePerYear: 4,
        memberCount: 0,
      },
    ]);
    const ranks = data.tiers.items.map((tier: TierRow) => tier.rank as number);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(data.tiers.items.map((tier: TierRow) => tier.name)).size).toBe(4);

    const byCode = await t.ok(TIERS, { sort: [{ field: 'CODE', order: 'ASC' }] }, admin);
    expect(byCode.tiers.items.map((tier: TierRow) => tier.code)).toEqual([
      'GOLD',
      'PLATINUM',
      'REGULAR',
      'SILVER',
    ]);
    const q = await t.ok(TIERS, { filter: { q: 'gold' } }, admin);
    expect(q.tiers.items.map((tier: TierRow) => tier.code)).toEqual(['GOLD']);
  });

  it('counts the members holding each tier', async () => {
    const a = await createMember(t);
    await createMember(t);
    await t.ok(SET_MEMBER_TIER, { input: { memberId: a.id, tierId: ids.GOLD, reason: '测试计数' } }, admin);
    const counts = Object.fromEntries((await tiers()).map((tier) => [tier.code, tier.memberCount]));
    expect(counts).toEqual({ REGULAR: 1, SILVER: 0, GOLD: 1, PLATINUM: 0 });
  });

  describe('createTier, updateTier, deleteTier', () => {
    let diamondId: string;

    it('creates a tier (marketing), and refuses a duplicate code or rank with CONFLICT', async () => {
      const created = await t.ok(CREATE_TIER, { input: diamond() }, marketing);
      diamondId = created.createTier.id;
      expect(created.createTier).toMatchObject({
        code: 'DIAMOND',
        name: '钻石会员',
        rank: 10,
        qualifyingPoints: 60_000,
        minSpend: 60_000_000,
        pointsMultiplier: 2.5,
        discountRate: 0.75,
      });
      expect(await tierByCode('DIAMOND')).toMatchObject({
        freeMaintenancePerYear: 6,
        description: '最高等级',
        memberCount: 0,
      });

      expect(errorCode(await t.gql(CREATE_TIER, { input: diamond({ rank: 11 }) }, admin))).toBe('CONFLICT');
      expect(errorCode(await t.gql(CREATE_TIER, { input: diamond({ code: 'GOLD', rank: 12 }) }, admin))).toBe(
        'CONFLICT',
      );
      const rankClash = await t.gql(CREATE_TIER, { input: diamond({ code: 'BLACK', rank: 10 }) }, admin);
      expect(errorCode(rankClash)).toBe('CONFLICT');
      expect(rankClash.errors![0].extensions!.field).toBe('input.rank');
      expect((await t.ok(TIERS, {}, admin)).tiers.total).toBe(5);
    });

    it('validates the input by field and writes nothing', async () => {
      const tooDear = await t.gql(
        CREATE_TIER,
        { input: diamond({ code: 'BLACK', rank: 20, discountRate: 1.2 }) },
        admin,
      );
      expect(errorCode(tooDear)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(tooDear))).toEqual(['input.discountRate']);
      const many = await t.gql(
        CREATE_TIER,
        {
          input: diamond({
            code: 'black',
            rank: -1,
            qualifyingPoints: -5,
            pointsMultiplier: 1.23456,
            discountRate: 0,
          }),
        },
        admin,
      );
      expect(errorCode(many)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(many)).sort()).toEqual([
        'input.code',
        'input.discountRate',
        'input.pointsMultiplier',
        'input.qualifyingPoints',
        'input.rank',
      ]);
      expect((await t.ok(TIERS, {}, admin)).tiers.total).toBe(5);
      const update = await t.gql(UPDATE_TIER, { id: diamondId, input: { discountRate: 1.01 } }, admin);
      expect(errorCode(update)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(update)).toHaveProperty(['input.discountRate']);
      expect((await tierByCode('DIAMOND')).discountRate).toBe(0.75);
    });

    it('updates any field, refusing a code another tier has', async () => {
      const updated = await t.ok(
        UPDATE_TIER,
        { id: diamondId, input: { name: '黑钻会员', discountRate: 0.7, minSpend: 80_000_000 } },
        marketing,
      );
      expect(updated.updateTier).toMatchObject({
        id: diamondId,
        code: 'DIAMOND',
        name: '黑钻会员',
        rank: 10,
        discountRate: 0.7,
        minSpend: 80_000_000,
        pointsMultiplier: 2.5,
      });
      expect(errorCode(await t.gql(UPDATE_TIER, { id: diamondId, input: { code: 'GOLD' } }, admin))).toBe(
        'CONFLICT',
      );
      expect(errorCode(await t.gql(UPDATE_TIER, { id: 'no-such-tier', input: { name: 'x' } }, admin))).toBe(
        'NOT_FOUND',
      );
      expect((await tierByCode('DIAMOND')).name).toBe('黑钻会员');
    });

    it('refuses tier changes from roles other than admin and marketing', async () => {
      for (const role of ['STORE_STAFF', 'FINANCE', 'CUSTOMER_SERVICE']) {
        const token = await t.staffToken(role);
        expect(
          errorCode(await t.gql(CREATE_TIER, { input: diamond({ code: 'STAFFS', rank: 30 }) }, { token })),
        ).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(UPDATE_TIER, { id: diamondId, input: { name: 'x' } }, { token }))).toBe(
          'FORBIDDEN',
        );
        expect(errorCode(await t.gql(DELETE_TIER, { id: diamondId }, { token }))).toBe('FORBIDDEN');
      }
      expect((await t.ok(TIERS, {}, admin)).tiers.total).toBe(5);
    });

    it('refuses to delete a tier members hold or its history refers to, and deletes an unused one', async () => {
      const gold = await t.gql(DELETE_TIER, { id: ids.GOLD }, admin);
      expect(errorCode(gold)).toBe('INVALID_STATE');

      const m = await createMember(t);
      await t.ok(SET_MEMBER_TIER, { input: { memberId: m.id, tierId: diamondId, reason: '试用' } }, admin);
      expect(errorCode(await t.gql(DELETE_TIER, { id: diamondId }, admin))).toBe('INVALID_STATE');
      await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: ids.REGULAR, reason: '撤销试用' } },
        admin,
      );
      // No member holds it now, but the tier history still names it.
      expect(errorCode(await t.gql(DELETE_TIER, { id: diamondId }, admin))).toBe('INVALID_STATE');
      expect((await t.ok(TIERS, {}, admin)).tiers.total).toBe(5);

      const unused = await t.ok(CREATE_TIER, { input: diamond({ code: 'TEMP', rank: 40 }) }, admin);
      const removed = await t.ok(DELETE_TIER, { id: unused.createTier.id }, marketing);
      expect(removed.deleteTier).toEqual({ id: unused.createTier.id, code: 'TEMP' });
      const left = (await tiers()).map((tier) => tier.code);
      expect(left).not.toContain('TEMP');
      expect(left).toHaveLength(5);
      expect(errorCode(await t.gql(DELETE_TIER, { id: unused.createTier.id }, admin))).toBe('NOT_FOUND');
    });
  });

  describe('setMemberTier and tierChanges', () => {
    it('requires a reason and an existing tier, and writes nothing otherwise', async () => {
      const m = await createMember(t);
      for (const reason of ['', ' ', '   ']) {
        const result = await t.gql(
          SET_MEMBER_TIER,
          { input: { memberId: m.id, tierId: ids.GOLD, reason } },
          admin,
        );
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(result)).toHaveProperty(['input.reason']);
      }
      const unknown = await t.gql(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: 'no-such-tier', reason: '升级' } },
        admin,
      );
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(unknown)).toHaveProperty(['input.tierId']);
      const same = await t.gql(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: ids.REGULAR, reason: '同级' } },
        admin,
      );
      expect(errorCode(same)).toBe('INVALID_STATE');
      const store = await t.staffToken('STORE_STAFF');
      const forbidden = await t.gql(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: ids.GOLD, reason: '门店升级' } },
        { token: store },
      );
      expect(errorCode(forbidden)).toBe('FORBIDDEN');

      expect((await t.ok(MEMBER, { id: m.id }, admin)).member.tier.code).toBe('REGULAR');
      expect((await t.ok(TIER_CHANGES, { filter: { memberId: m.id } }, admin)).tierChanges.total).toBe(0);
    });

    it('sets the tier by hand: review in 12 months, a MANUAL change with the note, and a notification', async () => {
      const m = await createMember(t);
      const before = Date.now();
      const data = await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: ids.GOLD, reason: '集团大客户' } },
        marketing,
      );
      const set = data.setMemberTier;
      expect(set).toMatchObject({ id: m.id, tierId: ids.GOLD, tier: { code: 'GOLD' } });
      const achieved = new Date(set.tierAchievedAt);
      expect(achieved.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(achieved.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      const review = new Date(set.tierReviewAt);
      const expected = new Date(achieved);
      expected.setUTCFullYear(expected.getUTCFullYear() + 1);
      expect(Math.abs(review.getTime() - expected.getTime())).toBeLessThan(2 * DAY);
      expect((await t.ok(MEMBER, { id: m.id }, admin)).member).toMatchObject({
        tierId: ids.GOLD,
        tierReviewAt: set.tierReviewAt,
      });

      const changes = await t.ok(TIER_CHANGES, { filter: { memberId: m.id } }, admin);
      expect(changes.tierChanges.total).toBe(1);
      expect(changes.tierChanges.items[0]).toMatchObject({
        memberId: m.id,
        fromTierId: ids.REGULAR,
        toTierId: ids.GOLD,
        fromTier: { code: 'REGULAR' },
        toTier: { code: 'GOLD' },
        reason: 'MANUAL',
        note: '集团大客户',
      });

      const upgraded = await t.ok(
        NOTIFICATIONS,
        { filter: { memberId: m.id, template: 'TIER_UPGRADED' } },
        admin,
      );
      expect(upgraded.notifications.total).toBe(1);

      // Back to the entry tier: no review date, and the member is told of the downgrade.
      const back = await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: m.id, tierId: ids.REGULAR, reason: '录入错误' } },
        admin,
      );
      expect(back.setMemberTier).toMatchObject({ tierId: ids.REGULAR, tierReviewAt: null });
      const downgraded = await t.ok(
        NOTIFICATIONS,
        { filter: { memberId: m.id, template: 'TIER_DOWNGRADED' } },
        admin,
      );
      expect(downgraded.notifications.total).toBe(1);
      expect(
        (await t.ok(NOTIFICATIONS, { filter: { memberId: m.id, template: 'TIER_UPGRADED' } }, admin))
          .notifications.total,
      ).toBe(1);
    });

    it('filters tier changes by member and reason', async () => {
      const store = await createDealership(t);
      const manual = await createMember(t);
      const earned = await createMember(t);
      await t.ok(
        SET_MEMBER_TIER,
        { input: { memberId: manual.id, tierId: ids.PLATINUM, reason: '董事会决定' } },
        admin,
      );
      // One repair order of ¥5,000 lifts a Regular member to Silver.
      await recordTransaction(t, {
        dealershipId: store,
        memberId: earned.id,
        type: 'REPAIR',
        amount: 5_000_00,
      });
      expect((await t.ok(MEMBER, { id: earned.id }, admin)).member.tier.code).toBe('SILVER');

      const upgrades = await t.ok(TIER_CHANGES, { filter: { reason: 'UPGRADE' } }, admin);
      expect(upgrades.tierChanges.items.map((c: { memberId: string }) => c.memberId)).toEqual([earned.id]);
      expect(upgrades.tierChanges.items[0]).toMatchObject({
        toTier: { code: 'SILVER' },
        fromTier: { code: 'REGULAR' },
      });

      const manuals = await t.ok(TIER_CHANGES, { filter: { reason: 'MANUAL' } }, admin);
      expect(manuals.tierChanges.items.every((c: { reason: string }) => c.reason === 'MANUAL')).toBe(true);
      expect(manuals.tierChanges.items.map((c: { memberId: string }) => c.memberId)).toContain(manual.id);
      expect(manuals.tierChanges.items.map((c: { memberId: string }) => c.memberId)).not.toContain(earned.id);

      const mine = await t.ok(TIER_CHANGES, { filter: { memberId: manual.id, reason: 'MANUAL' } }, admin);
      expect(mine.tierChanges.items).toEqual([
        expect.objectContaining({ memberId: manual.id, toTier: { code: 'PLATINUM' }, note: '董事会决定' }),
      ]);
      expect(
        (await t.ok(TIER_CHANGES, { filter: { memberId: manual.id, reason: 'UPGRADE' } }, admin)).tierChanges
          .total,
      ).toBe(0);

      const newestFirst = await t.ok(
        TIER_CHANGES,
        { sort: [{ field: 'CREATED_AT', order: 'DESC' }], page: { perPage: 1 } },
        admin,
      );
      expect(newestFirst.tierChanges.items[0].memberId).toBe(earned.id);
    });
  });
  it('refuses to clear a required field with null, writing nothing', async () => {
    const { tiers } = await t.ok(TIERS, { filter: { q: 'GOLD' } }, admin);
    const gold = tiers.items.find((x: { code: string }) => x.code === 'GOLD');
    const result = await t.gql(UPDATE_TIER, { id: gold.id, input: { code: null, name: '金卡' } }, admin);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields).toEqual({ 'input.code': 'cannot be cleared' });
    expect((await t.ok(TIERS, { filter: { ids: [gold.id] } }, admin)).tiers.items[0].code).toBe('GOLD');
  });
});
