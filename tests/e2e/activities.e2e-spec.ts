/**
 * Marketing activities (marketing.graphql, member-app.graphql): configuration and its validation,
 * who may configure, earning bonuses limited by store, tier, type and minimum amount, multipliers
 * that multiply, budgets that hold under concurrent transactions, events with capacity, check-in and
 * a settlement that pays once, the lifecycle job, preview and stats figures against hand computation.
 */
import {
  ACTIVITIES,
  ACTIVITY,
  CANCEL_ACTIVITY,
  CHECK_IN_PARTICIPANT,
  CREATE_ACTIVITY,
  DELETE_ACTIVITY,
  MEMBER,
  MEMBER_LOGIN,
  PARTICIPATIONS,
  POINTS_ENTRIES,
  PREVIEW_ACTIVITY,
  PUBLISH_ACTIVITY,
  RECORD_TRANSACTION,
  REGISTER_FOR_ACTIVITY,
  REQUEST_MEMBER_LOGIN_CODE,
  REVERSE_TRANSACTION,
  RUN_JOB,
  SET_MEMBER_TIER,
  TIERS,
  UPDATE_ACTIVITY,
  VIEWER_ACTIVITIES,
  VIEWER_REGISTER_FOR_ACTIVITY,
} from './support/contract';
import { apiKey, createDealership, createMember, lastCodeSentTo } from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Activity {
  id: string;
  name: string;
  type: string;
  status: string;
  pointsIssued: number;
  [key: string]: unknown;
}

describe('activities', () => {
  let t: TestApp;
  let tiers: Record<string, string>;
  let marketing: Credentials;
  let seq = 0;
  const admin = (): Credentials => ({ token: t.adminToken });
  const ref = () => `ACT-${Date.now().toString(36)}-${seq++}`.toUpperCase();
  const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

  /** A DRAFT activity through createActivity (marketing), running from an hour ago for 30 days by default. */
  const create = async (input: Record<string, unknown>, credentials: Credentials = marketing): Promise<Activity> =>
    (
      await t.ok(
        CREATE_ACTIVITY,
        { input: { name: `活动${seq++}`, startsAt: at(-HOUR), endsAt: at(30 * DAY), ...input } },
        credentials,
      )
    ).createActivity;
  const publish = async (id: string) => (await t.ok(PUBLISH_ACTIVITY, { id }, marketing)).publishActivity as { id: string; status: string };
  /** Created and published. */
  const live = async (input: Record<string, unknown>) => {
    const activity = await create(input);
    await publish(activity.id);
    return activity;
  };
  const activity = async (id: string) => (await t.ok(ACTIVITY, { id }, admin())).activity;
  const member = async (dealershipId: string, tier = 'REGULAR', name = '活动会员') => {
    const m = await createMember(t, { name, homeDealershipId: dealershipId });
    if (tier !== 'REGULAR') await t.ok(SET_MEMBER_TIER, { input: { memberId: m.id, tierId: tiers[tier], reason: `测试设为${tier}` } }, admin());
    return m;
  };
  const record = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      RECORD_TRANSACTION,
      { input: { externalRef: ref(), type: 'MAINTENANCE', amount: 100_000, occurredAt: at(-60_000), ...input } },
      credentials,
    );
  const recordOk = async (input: Record<string, unknown>) => {
    const result = await record(input);
    if (result.errors?.length) throw new Error(`recordTransaction failed: ${JSON.stringify(result.errors)}`);
    return result.data.recordTransaction as { id: string; pointsEarned: number; appliedActivities: { id: string; name: string }[] };
  };
  const activityEntries = async (memberId: string) =>
    (await t.ok(POINTS_ENTRIES, { filter: { memberId, type: 'ACTIVITY' }, sort: [{ field: 'CREATED_AT', order: 'ASC' }] }, admin()))
      .pointsEntries as { items: { points: number; sourceId: string; sourceType: string }[]; total: number };
  const runLifecycle = async (asOf: Date) => {
    const run = (await t.ok(RUN_JOB, { input: { job: 'ACTIVITY_LIFECYCLE', asOf: asOf.toISOString() } }, admin())).runJob;
    expect(run.status).toBe('SUCCEEDED');
    return run as { processed: number; affected: number };
  };
  const loginAs = async (key: string, phone: string) => {
    await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone } }, { apiKey: key });
    const code = await lastCodeSentTo(t, phone);
    return (await t.ok(MEMBER_LOGIN, { input: { phone, code } }, { apiKey: key })).memberLogin.token as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const { tiers: page } = await t.ok(TIERS, {}, admin());
    tiers = Object.fromEntries(page.items.map((tier: { code: string; id: string }) => [tier.code, tier.id]));
    marketing = { token: await t.staffToken('MARKETING') };
  });
  afterAll(() => t?.close());

  describe('configuration', () => {
    it('creates a DRAFT, lists it by every filter, reads it with its tiers and dealerships, edits and deletes it', async () => {
      const storeA = await createDealership(t, undefined, '上海浦东宝马4S店');
      const storeB = await createDealership(t, undefined, '上海闵行大众4S店');
      const created = await create({
        name: '双倍积分保养月',
        description: '保养工时费双倍积分',
        type: 'POINTS_MULTIPLIER',
        announceAt: at(-2 * HOUR),
        startsAt: at(DAY),
        endsAt: at(31 * DAY),
        eligibleTierIds: [tiers.SILVER, tiers.GOLD, tiers.SILVER],
        dealershipIds: [storeA],
        transactionTypes: ['MAINTENANCE'],
        minAmount: 10_000,
        multiplier: 2,
        budgetPoints: 100_000,
        fixedCost: 500_000,
      });
      expect(created).toMatchObject({
        name: '双倍积分保养月',
        type: 'POINTS_MULTIPLIER',
        status: 'DRAFT',
        eligibleTierIds: [tiers.SILVER, tiers.GOLD],
        dealershipIds: [storeA],
        transactionTypes: ['MAINTENANCE'],
        minAmount: 10_000,
        multiplier: 2,
        bonusPoints: null,
        rewardPoints: null,
        capacity: null,
        budgetPoints: 100_000,
        fixedCost: 500_000,
        pointsIssued: 0,
      });
      const everywhere = await create({ name: '新车试驾日', type: 'EVENT', rewardPoints: 200, capacity: 30, startsAt: at(2 * DAY), endsAt: at(2 * DAY + 4 * HOUR) });

      const list = async (filter: Record<string, unknown>) =>
        (await t.ok(ACTIVITIES, { filter, sort: [{ field: 'STARTS_AT', order: 'ASC' }], page: { perPage: 100 } }, marketing)).activities as {
          items: Activity[];
          total: number;
        };
      const ids = (page: { items: Activity[] }) => page.items.map((a) => a.id);
      expect(ids(await list({ ids: [created.id, everywhere.id] }))).toEqual([created.id, everywhere.id]);
      expect(ids(await list({ q: '保养月' }))).toEqual([created.id]);
      expect(ids(await list({ ids: [created.id, everywhere.id], type: 'EVENT' }))).toEqual([everywhere.id]);
      expect(ids(await list({ ids: [created.id, everywhere.id], status: 'DRAFT' }))).toEqual([created.id, everywhere.id]);
      // An empty dealership list is every dealership.
      expect(ids(await list({ ids: [created.id, everywhere.id], dealershipId: storeA }))).toEqual([created.id, everywhere.id]);
      expect(ids(await list({ ids: [created.id, everywhere.id], dealershipId: storeB }))).toEqual([everywhere.id]);
      // Drafts are not active at any time; published ones are, inside their window.
      expect((await list({ ids: [created.id], activeAt: at(2 * DAY) })).total).toBe(0);
      await publish(created.id);
      expect(ids(await list({ ids: [created.id, everywhere.id], activeAt: at(2 * DAY) }))).toEqual([created.id]);
      expect((await list({ ids: [created.id], activeAt: at(40 * DAY) })).total).toBe(0);

      const read = await activity(created.id);
      expect(read.status).toBe('SCHEDULED');
      expect(read.eligibleTiers.map((x: { id: string; code: string }) => x.code).sort()).toEqual(['GOLD', 'SILVER']);
      expect(read.dealerships).toEqual([{ id: storeA, name: '上海浦东宝马4S店' }]);
      expect(read.stats).toMatchObject({ registered: 0, checkedIn: 0, participants: 0, pointsIssued: 0, revenue: 0, cost: 500_000, roi: 0 });

      // A SCHEDULED activity still changes freely.
      const edited = (
        await t.ok(UPDATE_ACTIVITY, { id: created.id, input: { name: '双倍积分保养季', multiplier: 1.5, dealershipIds: [storeA, storeB], minAmount: null } }, marketing)
      ).updateActivity;
      expect(edited).toMatchObject({ name: '双倍积分保养季', multiplier: 1.5, dealershipIds: [storeA, storeB], minAmount: null, type: 'POINTS_MULTIPLIER' });

      const deleted = await t.ok(DELETE_ACTIVITY, { id: everywhere.id }, marketing);
      expect(deleted.deleteActivity.id).toBe(everywhere.id);
      expect((await t.ok(ACTIVITY, { id: everywhere.id }, admin())).activity).toBeNull();
    });

    it('refuses bad configurations with BAD_USER_INPUT naming the field, writing nothing', async () => {
      const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM `activity`'))[0].n);
      const before = await count();
      const bad = async (input: Record<string, unknown>, field: string) => {
        const result = await t.gql(CREATE_ACTIVITY, { input: { name: '坏活动', type: 'POINTS_MULTIPLIER', multiplier: 2, startsAt: at(DAY), endsAt: at(2 * DAY), ...input } }, marketing);
        expect({ field, code: errorCode(result) }).toEqual({ field, code: 'BAD_USER_INPUT' });
        expect(result.errors![0].extensions!.fields).toHaveProperty([field]);
      };
      await bad({ endsAt: at(DAY) }, 'input.endsAt');
      await bad({ endsAt: at(HOUR) }, 'input.endsAt');
      await bad({ announceAt: at(DAY + HOUR) }, 'input.announceAt');
      await bad({ multiplier: 1 }, 'input.multiplier');
      await bad({ multiplier: null }, 'input.multiplier');
      await bad({ multiplier: 1.23456 }, 'input.multiplier');
      await bad({ type: 'BONUS_POINTS', multiplier: null }, 'input.bonusPoints');
      await bad({ type: 'BONUS_POINTS', multiplier: null, bonusPoints: 0 }, 'input.bonusPoints');
      await bad({ type: 'BONUS_POINTS', bonusPoints: 100 }, 'input.multiplier');
      await bad({ type: 'EVENT', multiplier: null, rewardPoints: 100 }, 'input.capacity');
      await bad({ type: 'EVENT', multiplier: null, rewardPoints: 100, capacity: 0 }, 'input.capacity');
      await bad({ type: 'EVENT', multiplier: null, capacity: 10 }, 'input.rewardPoints');
      await bad({ type: 'EVENT', multiplier: null, capacity: 10, rewardPoints: -1 }, 'input.rewardPoints');
      await bad({ type: 'EVENT', multiplier: null, capacity: 10, rewardPoints: 0, transactionTypes: ['WASH'] }, 'input.transactionTypes');
      await bad({ eligibleTierIds: [tiers.GOLD, 'NO-SUCH-TIER'] }, 'input.eligibleTierIds');
      await bad({ dealershipIds: ['NO-SUCH-STORE'] }, 'input.dealershipIds');
      await bad({ budgetPoints: 0 }, 'input.budgetPoints');
      await bad({ name: '   ' }, 'input.name');
      expect(await count()).toBe(before);
    });

    it('lets only MARKETING and ADMIN configure; every staff role and activities:read keys read', async () => {
      const tokens: Record<string, Credentials> = {};
      for (const role of ['FINANCE', 'CUSTOMER_SERVICE', 'STORE_STAFF']) tokens[role] = { token: await t.staffToken(role) };
      const draft = await create({ type: 'BONUS_POINTS', bonusPoints: 10, startsAt: at(DAY), endsAt: at(2 * DAY) }, admin());
      const input = { name: '角色测试', type: 'BONUS_POINTS', bonusPoints: 10, startsAt: at(DAY), endsAt: at(2 * DAY) };
      for (const credentials of Object.values(tokens)) {
        expect(errorCode(await t.gql(CREATE_ACTIVITY, { input }, credentials))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(UPDATE_ACTIVITY, { id: draft.id, input: { name: 'x' } }, credentials))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(DELETE_ACTIVITY, { id: draft.id }, credentials))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(PUBLISH_ACTIVITY, { id: draft.id }, credentials))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(CANCEL_ACTIVITY, { input: { activityId: draft.id, reason: '不办了' } }, credentials))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(PREVIEW_ACTIVITY, { input }, credentials))).toBe('FORBIDDEN');
        expect((await t.ok(ACTIVITY, { id: draft.id }, credentials)).activity.id).toBe(draft.id);
        expect((await t.ok(ACTIVITIES, { filter: { ids: [draft.id] } }, credentials)).activities.total).toBe(1);
      }
      expect((await t.ok(PREVIEW_ACTIVITY, { input }, marketing)).previewActivity.matchingTransactions).toEqual(expect.any(Number));
      expect((await t.ok(PREVIEW_ACTIVITY, { input }, admin())).previewActivity.matchingTransactions).toEqual(expect.any(Number));
      const reader = await apiKey(t, ['activities:read']);
      expect((await t.ok(ACTIVITIES, { filter: { ids: [draft.id] } }, { apiKey: reader })).activities.items[0].id).toBe(draft.id);
      expect(errorCode(await t.gql(CREATE_ACTIVITY, { input }, { apiKey: reader }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACTIVITIES, {}, { apiKey: await apiKey(t, ['members:read']) }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACTIVITIES, {}))).toBe('UNAUTHENTICATED');
      // ADMIN configures like MARKETING.
      expect((await t.ok(UPDATE_ACTIVITY, { id: draft.id, input: { name: '管理员改名' } }, admin())).updateActivity.name).toBe('管理员改名');
      expect((await t.ok(DELETE_ACTIVITY, { id: draft.id }, admin())).deleteActivity.id).toBe(draft.id);
    });
  });

  describe('earning', () => {
    it('applies inside its window [startsAt, endsAt) to the millisecond', async () => {
      const store = await createDealership(t);
      const startsAt = new Date(Date.now() - HOUR + 123);
      const endsAt = new Date(Date.now() + 2 * 60_000 + 456);
      const bonus = await live({
        name: '窗口边界奖励',
        type: 'BONUS_POINTS',
        bonusPoints: 7,
        dealershipIds: [store],
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      });
      const regular = await member(store);
      const applied = async (occurredAt: Date) =>
        (await recordOk({ memberId: regular.id, dealershipId: store, occurredAt: occurredAt.toISOString() })).appliedActivities.map((a) => a.id);
      expect(await applied(new Date(startsAt.getTime() - 1))).toEqual([]);
      expect(await applied(startsAt)).toEqual([bonus.id]);
      expect(await applied(new Date(endsAt.getTime() - 1))).toEqual([bonus.id]);
      expect(await applied(endsAt)).toEqual([]);
    });

    it('applies a multiplier only at its stores, to its tiers and transaction types, with exact points', async () => {
      const [storeA, storeB, elsewhere] = [await createDealership(t), await createDealership(t), await createDealership(t)];
      const double = await live({
        name: '双倍积分保养月（两店）',
        type: 'POINTS_MULTIPLIER',
        multiplier: 2,
        eligibleTierIds: [tiers.SILVER],
        dealershipIds: [storeA, storeB],
        transactionTypes: ['MAINTENANCE'],
        fixedCost: 50_000,
      });
      expect((await activity(double.id)).status).toBe('ACTIVE');
      const silver = await member(storeA, 'SILVER', '银卡车主');
      const regular = await member(storeA, 'REGULAR', '普通车主');

      // ¥1,234.56 at 1.2: base floor(1481.472) = 1481; doubled floor(2962.944) = 2962, the activity's share 1481.
      const applied = await recordOk({ memberId: silver.id, dealershipId: storeA, amount: 123_456 });
      expect(applied.pointsEarned).toBe(2962);
      expect(applied.appliedActivities).toEqual([{ id: double.id, name: '双倍积分保养月（两店）' }]);
      const atB = await recordOk({ memberId: silver.id, dealershipId: storeB, amount: 100_000 });
      expect(atB.pointsEarned).toBe(2400);
      expect(atB.appliedActivities.map((a) => a.id)).toEqual([double.id]);

      const otherStore = await recordOk({ memberId: silver.id, dealershipId: elsewhere, amount: 100_000 });
      expect({ points: otherStore.pointsEarned, applied: otherStore.appliedActivities }).toEqual({ points: 1200, applied: [] });
      const otherTier = await recordOk({ memberId: regular.id, dealershipId: storeA, amount: 100_000 });
      expect({ points: otherTier.pointsEarned, applied: otherTier.appliedActivities }).toEqual({ points: 1000, applied: [] });
      const otherType = await recordOk({ memberId: silver.id, dealershipId: storeA, amount: 100_000, type: 'REPAIR' });
      expect({ points: otherType.pointsEarned, applied: otherType.appliedActivities }).toEqual({ points: 1200, applied: [] });
      // Outside the window (before it started) nothing applies either.
      const before = await recordOk({ memberId: silver.id, dealershipId: storeA, amount: 100_000, occurredAt: at(-2 * HOUR) });
      expect({ points: before.pointsEarned, applied: before.appliedActivities }).toEqual({ points: 1200, applied: [] });

      const entries = await activityEntries(silver.id);
      expect(entries.items.map((e) => [e.points, e.sourceType, e.sourceId])).toEqual([
        [1481, 'ACTIVITY', double.id],
        [1200, 'ACTIVITY', double.id],
      ]);
      const read = await activity(double.id);
      expect(read.pointsIssued).toBe(2681);

      // Stats: eligible = ACTIVE SILVER members whose home is storeA or storeB (only `silver`).
      expect(read.stats).toEqual({
        eligibleMembers: 1,
        registered: 0,
        checkedIn: 0,
        participants: 1,
        participationRate: 1,
        pointsIssued: 2681,
        revenue: 223_456,
        cost: 2681 + 50_000,
        roi: 223_456 / 52_681,
      });
      const another = await member(storeB, 'SILVER', '银卡车主二');
      expect((await activity(double.id)).stats).toMatchObject({ eligibleMembers: 2, participants: 1, participationRate: 0.5 });

      // A reversal takes the activity's points back out of pointsIssued (and the stats).
      await t.ok(REVERSE_TRANSACTION, { input: { transactionId: atB.id, reason: '录错单' } }, admin());
      expect((await activity(double.id)).stats).toMatchObject({ pointsIssued: 1481, revenue: 123_456 });
      expect((await activity(double.id)).pointsIssued).toBe(1481);
      expect(another.id).toBeTruthy();
    });

    it('multiplies two multipliers, crediting each activity the points its factor added', async () => {
      const store = await createDealership(t);
      const first = await live({ name: '双倍积分', type: 'POINTS_MULTIPLIER', multiplier: 2, dealershipIds: [store] });
      const second = await live({ name: '1.5倍积分', type: 'POINTS_MULTIPLIER', multiplier: 1.5, dealershipIds: [store] });
      const gold = await member(store, 'GOLD');
      // ¥333.33 at GOLD 1.5: base floor(499.995) = 499; ×2 floor(999.99) = 999 (+500); ×1.5 floor(1499.985) = 1499 (+500).
      const recorded = await recordOk({ memberId: gold.id, dealershipId: store, amount: 33_333 });
      expect(recorded.pointsEarned).toBe(1499);
      expect(recorded.appliedActivities.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
      expect((await activity(first.id)).pointsIssued).toBe(500);
      expect((await activity(second.id)).pointsIssued).toBe(500);
      expect((await activityEntries(gold.id)).items.map((e) => e.points)).toEqual([500, 500]);
      const { member: after } = await t.ok(MEMBER, { id: gold.id }, admin());
      expect(after.pointsBalance).toBe(1499);
    });

    it('adds bonus points from a minimum amount, never past the budget, reversals giving budget back', async () => {
      const store = await createDealership(t);
      const bonus = await live({ name: '满500送300', type: 'BONUS_POINTS', bonusPoints: 300, minAmount: 50_000, budgetPoints: 1000, dealershipIds: [store] });
      const m = await member(store);
      const below = await recordOk({ memberId: m.id, dealershipId: store, amount: 49_999 });
      expect({ points: below.pointsEarned, applied: below.appliedActivities }).toEqual({ points: 499, applied: [] });
      const granted: number[] = [];
      const recorded: { id: string; pointsEarned: number }[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await recordOk({ memberId: m.id, dealershipId: store, amount: 50_000 });
        recorded.push(r);
        granted.push(r.pointsEarned - 500);
      }
      // 300 + 300 + 300 + the 100 left + nothing.
      expect(granted).toEqual([300, 300, 300, 100, 0]);
      expect((await activity(bonus.id)).pointsIssued).toBe(1000);
      expect((await activityEntries(m.id)).items.map((e) => e.points)).toEqual([300, 300, 300, 100]);

      await t.ok(REVERSE_TRANSACTION, { input: { transactionId: recorded[1].id, reason: '退单' } }, admin());
      expect((await activity(bonus.id)).pointsIssued).toBe(700);
      const again = await recordOk({ memberId: m.id, dealershipId: store, amount: 60_000 });
      expect(again.pointsEarned).toBe(600 + 300);
      expect((await activity(bonus.id)).pointsIssued).toBe(1000);
    });

    it('never exceeds a budget under 10 concurrent transactions at its edge', async () => {
      const store = await createDealership(t);
      const bonus = await live({ name: '并发预算', type: 'BONUS_POINTS', bonusPoints: 300, budgetPoints: 1000, dealershipIds: [store] });
      const members = await Promise.all(Array.from({ length: 5 }, () => member(store)));
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => record({ memberId: members[i % 5].id, dealershipId: store, amount: 10_000 })),
      );
      expect(results.map((r) => r.errors ?? null)).toEqual(Array(10).fill(null));
      const extra = results.map((r) => r.data.recordTransaction.pointsEarned - 100);
      expect(extra.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(extra.filter((x) => x === 300)).toHaveLength(3);
      expect(extra.filter((x) => x === 100)).toHaveLength(1);
      expect((await activity(bonus.id)).pointsIssued).toBe(1000);
      const [ledger] = await t.dataSource.query(
        "SELECT COALESCE(SUM(`points`), 0) AS points FROM `points_entry` WHERE `type` = 'ACTIVITY' AND `sourceId` = ?",
        [bonus.id],
      );
      const [links] = await t.dataSource.query('SELECT COALESCE(SUM(`points`), 0) AS points FROM `transaction_activity` WHERE `activityId` = ?', [bonus.id]);
      expect([Number(ledger.points), Number(links.points)]).toEqual([1000, 1000]);
    });
  });

  describe('events', () => {
    let store: string;
    let event: Activity;
    let key: string;

    beforeAll(async () => {
      store = await createDealership(t);
      key = await apiKey(t, ['members:read']);
      event = await live({ name: '新车试驾日', type: 'EVENT', rewardPoints: 500, capacity: 2, fixedCost: 300_000, dealershipIds: [store], endsAt: at(2 * HOUR) });
    });

    it('signs members up until the event is full, once each, eligible ones only, from the desk and the app', async () => {
      const [a, b, c] = [await member(store, 'SILVER', '试驾甲'), await member(store, 'REGULAR', '试驾乙'), await member(store)];
      const storeStaff = { token: await t.staffToken('STORE_STAFF', store) };
      const signUp = (memberId: string, credentials: Credentials = storeStaff) =>
        t.gql(REGISTER_FOR_ACTIVITY, { input: { activityId: event.id, memberId } }, credentials);
      const first = (await signUp(a.id)).data!.registerForActivity;
      expect(first).toMatchObject({ activityId: event.id, memberId: a.id, status: 'REGISTERED', registeredAt: expect.any(String) });
      expect(errorCode(await signUp(a.id))).toBe('CONFLICT');

      // The member signs up in the app, with the app's key and the member token.
      const token = await loginAs(key, b.phone);
      const visible = (await t.ok(VIEWER_ACTIVITIES, {}, { apiKey: key, token })).viewerActivities as Activity[];
      expect(visible.find((x) => x.id === event.id)).toMatchObject({ name: '新车试驾日', type: 'EVENT', status: 'ACTIVE', capacity: 2, rewardPoints: 500, multiplier: null });
      const viaApp = (await t.ok(VIEWER_REGISTER_FOR_ACTIVITY, { activityId: event.id }, { apiKey: key, token })).viewerRegisterForActivity;
      expect(viaApp).toMatchObject({ activityId: event.id, status: 'REGISTERED' });
      expect(errorCode(await t.gql(VIEWER_REGISTER_FOR_ACTIVITY, { activityId: event.id }, { apiKey: key, token }))).toBe('CONFLICT');

      const full = await signUp(c.id);
      expect(errorCode(full)).toBe('QUOTA_EXHAUSTED');
      const writer = await apiKey(t, ['activities:write']);
      expect(errorCode(await signUp(c.id, { apiKey: writer }))).toBe('QUOTA_EXHAUSTED');
      expect(errorCode(await signUp(c.id, { apiKey: await apiKey(t, ['activities:read']) }))).toBe('FORBIDDEN');
      expect(errorCode(await signUp(c.id, { token: await t.staffToken('FINANCE') }))).toBe('FORBIDDEN');

      const listed = (await t.ok(PARTICIPATIONS, { filter: { activityId: event.id }, sort: [{ field: 'REGISTERED_AT', order: 'ASC' }] }, storeStaff)).participations;
      expect(listed.total).toBe(2);
      expect(listed.items.map((p: { memberId: string; member: { name: string }; status: string }) => [p.memberId, p.member.name, p.status])).toEqual([
        [a.id, '试驾甲', 'REGISTERED'],
        [b.id, '试驾乙', 'REGISTERED'],
      ]);

      // Eligibility: tier, and home dealership when the event is limited to dealerships.
      const goldOnly = await live({ name: '金卡车主沙龙', type: 'EVENT', rewardPoints: 0, capacity: 10, eligibleTierIds: [tiers.GOLD], endsAt: at(2 * HOUR) });
      expect(errorCode(await t.gql(REGISTER_FOR_ACTIVITY, { input: { activityId: goldOnly.id, memberId: c.id } }, admin()))).toBe('INVALID_STATE');
      const outsider = await member(await createDealership(t));
      expect(errorCode(await signUp(outsider.id, admin()))).toBe('INVALID_STATE');
      expect((await t.ok(VIEWER_ACTIVITIES, {}, { apiKey: key, token })).viewerActivities.map((x: Activity) => x.id)).not.toContain(goldOnly.id);
      // Only events take sign-ups; only published ones.
      const multiplier = await live({ name: '不是活动报名', type: 'POINTS_MULTIPLIER', multiplier: 2, dealershipIds: [store], transactionTypes: ['WASH'] });
      expect(errorCode(await t.gql(REGISTER_FOR_ACTIVITY, { input: { activityId: multiplier.id, memberId: c.id } }, admin()))).toBe('BAD_USER_INPUT');
      const draft = await create({ name: '草稿活动', type: 'EVENT', rewardPoints: 0, capacity: 5 });
      expect(errorCode(await t.gql(REGISTER_FOR_ACTIVITY, { input: { activityId: draft.id, memberId: c.id } }, admin()))).toBe('INVALID_STATE');
    });

    it('never signs up past capacity under concurrent sign-ups', async () => {
      const small = await live({ name: '小型沙龙', type: 'EVENT', rewardPoints: 0, capacity: 3, endsAt: at(2 * HOUR) });
      const people = await Promise.all(Array.from({ length: 8 }, () => member(store)));
      const results = await Promise.all(people.map((p) => t.gql(REGISTER_FOR_ACTIVITY, { input: { activityId: small.id, memberId: p.id } }, admin())));
      expect(results.filter((r) => !r.errors).length).toBe(3);
      expect(results.filter((r) => errorCode(r) === 'QUOTA_EXHAUSTED').length).toBe(5);
      expect((await activity(small.id)).stats.registered).toBe(3);
    });

    it('checks participants in once, and settlement pays checked-in ones once', async () => {
      const { participations } = await t.ok(PARTICIPATIONS, { filter: { activityId: event.id }, sort: [{ field: 'REGISTERED_AT', order: 'ASC' }] }, admin());
      const [first, second] = participations.items as { id: string; memberId: string }[];
      const checked = (await t.ok(CHECK_IN_PARTICIPANT, { input: { participationId: first.id } }, marketing)).checkInParticipant;
      expect(checked).toMatchObject({ id: first.id, status: 'CHECKED_IN', checkedInAt: expect.any(String) });
      expect(errorCode(await t.gql(CHECK_IN_PARTICIPANT, { input: { participationId: first.id } }, marketing))).toBe('INVALID_STATE');
      // Store staff of another dealership cannot check in at this store's event.
      const otherDesk = { token: await t.staffToken('STORE_STAFF', await createDealership(t)) };
      expect(errorCode(await t.gql(CHECK_IN_PARTICIPANT, { input: { participationId: second.id } }, otherDesk))).toBe('FORBIDDEN');

      // The checked-in member buys during the event: that is the event's revenue.
      await recordOk({ memberId: first.memberId, dealershipId: store, amount: 88_000, type: 'ACCESSORY' });
      const stats = (await activity(event.id)).stats;
      expect(stats).toMatchObject({ registered: 2, checkedIn: 1, participants: 1, pointsIssued: 0, revenue: 88_000, cost: 300_000 });

      const endsAt = new Date((await activity(event.id)).endsAt as string);
      const balance = async (id: string) => (await t.ok(MEMBER, { id }, admin())).member.pointsBalance as number;
      const before = await balance(first.memberId);

      // Ended, but settled only a day later (late check-ins on the day; nothing paid yet).
      await runLifecycle(new Date(endsAt.getTime() + 60_000));
      expect((await activity(event.id)).status).toBe('ENDED');
      expect(await balance(first.memberId)).toBe(before);
      expect(errorCode(await t.gql(UPDATE_ACTIVITY, { id: event.id, input: { name: '改名' } }, marketing))).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(CANCEL_ACTIVITY, { input: { activityId: event.id, reason: '取消' } }, marketing))).toBe('INVALID_STATE');

      const settleAt = new Date(endsAt.getTime() + 25 * HOUR);
      await runLifecycle(settleAt);
      const settled = await activity(event.id);
      expect(settled.status).toBe('SETTLED');
      expect(settled.pointsIssued).toBe(500);
      expect(settled.stats).toMatchObject({ pointsIssued: 500, cost: 300_500, participants: 1, roi: 88_000 / 300_500 });
      expect(await balance(first.memberId)).toBe(before + 500);
      const rewarded = (await t.ok(PARTICIPATIONS, { filter: { activityId: event.id }, sort: [{ field: 'REGISTERED_AT', order: 'ASC' }] }, admin())).participations.items;
      expect(rewarded.map((p: { status: string; rewardedPoints: number | null }) => [p.status, p.rewardedPoints])).toEqual([
        ['REWARDED', 500],
        ['REGISTERED', null],
      ]);
      expect(rewarded[0].rewardedAt).toBe(settleAt.toISOString());
      expect((await activityEntries(first.memberId)).items.filter((e) => e.sourceId === event.id).map((e) => e.points)).toEqual([500]);

      // A re-run (and a later one) pays nothing again.
      const again = await runLifecycle(settleAt);
      expect(again.affected).toBe(0);
      await runLifecycle(new Date(settleAt.getTime() + HOUR));
      expect(await balance(first.memberId)).toBe(before + 500);
      expect((await activityEntries(first.memberId)).items.filter((e) => e.sourceId === event.id)).toHaveLength(1);
      expect((await activity(event.id)).pointsIssued).toBe(500);
      expect(errorCode(await t.gql(CANCEL_ACTIVITY, { input: { activityId: event.id, reason: '取消' } }, marketing))).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(CHECK_IN_PARTICIPANT, { input: { participationId: second.id } }, marketing))).toBe('INVALID_STATE');
    });
  });

  describe('lifecycle', () => {
    it('moves SCHEDULED → ACTIVE → ENDED → SETTLED with the job and refuses what a state does not allow', async () => {
      const store = await createDealership(t);
      const startsAt = new Date(Date.now() + HOUR);
      const endsAt = new Date(Date.now() + 3 * HOUR);
      const a = await create({ name: '周末三倍积分', type: 'POINTS_MULTIPLIER', multiplier: 3, dealershipIds: [store], startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
      expect((await publish(a.id)).status).toBe('SCHEDULED');
      expect(errorCode(await t.gql(PUBLISH_ACTIVITY, { id: a.id }, marketing))).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(DELETE_ACTIVITY, { id: a.id }, marketing))).toBe('INVALID_STATE');

      await runLifecycle(new Date());
      expect((await activity(a.id)).status).toBe('SCHEDULED');
      await runLifecycle(new Date(startsAt.getTime() + 1000));
      expect((await activity(a.id)).status).toBe('ACTIVE');
      // ACTIVE: the rules are fixed, the end, budget, name and costs may change.
      const locked = await t.gql(UPDATE_ACTIVITY, { id: a.id, input: { multiplier: 4 } }, marketing);
      expect(errorCode(locked)).toBe('INVALID_STATE');
      const renamed = (await t.ok(UPDATE_ACTIVITY, { id: a.id, input: { name: '周末三倍积分（延长）', multiplier: 3, endsAt: new Date(endsAt.getTime() + HOUR).toISOString() } }, marketing)).updateActivity;
      expect(renamed).toMatchObject({ name: '周末三倍积分（延长）', multiplier: 3, endsAt: new Date(endsAt.getTime() + HOUR).toISOString() });
      expect(errorCode(await t.gql(DELETE_ACTIVITY, { id: a.id }, marketing))).toBe('INVALID_STATE');

      const ended = new Date(endsAt.getTime() + HOUR);
      await runLifecycle(ended);
      expect((await activity(a.id)).status).toBe('ENDED');
      expect(errorCode(await t.gql(UPDATE_ACTIVITY, { id: a.id, input: { name: '结束后改名' } }, marketing))).toBe('INVALID_STATE');
      await runLifecycle(new Date(ended.getTime() + DAY));
      const settled = await activity(a.id);
      expect(settled.status).toBe('SETTLED');
      const again = await runLifecycle(new Date(ended.getTime() + DAY));
      expect(again.affected).toBe(0);
      expect(errorCode(await t.gql(CANCEL_ACTIVITY, { input: { activityId: a.id, reason: '结算后取消' } }, marketing))).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(UPDATE_ACTIVITY, { id: a.id, input: { name: '结算后改名' } }, marketing))).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(DELETE_ACTIVITY, { id: a.id }, marketing))).toBe('INVALID_STATE');
    });

    it('cancels an active activity: it stops applying, its sign-ups are cancelled', async () => {
      const store = await createDealership(t);
      const bonus = await live({ name: '会员生日月加赠', type: 'BONUS_POINTS', bonusPoints: 88, dealershipIds: [store] });
      const m = await member(store);
      expect((await recordOk({ memberId: m.id, dealershipId: store, amount: 10_000 })).pointsEarned).toBe(188);
      const cancelled = (await t.ok(CANCEL_ACTIVITY, { input: { activityId: bonus.id, reason: '预算调整' } }, marketing)).cancelActivity;
      expect(cancelled).toEqual({ id: bonus.id, status: 'CANCELLED' });
      expect((await recordOk({ memberId: m.id, dealershipId: store, amount: 10_000 })).pointsEarned).toBe(100);
      expect((await activity(bonus.id)).pointsIssued).toBe(88);
      expect(errorCode(await t.gql(CANCEL_ACTIVITY, { input: { activityId: bonus.id, reason: '再取消' } }, marketing))).toBe('INVALID_STATE');
      expect(errorCode(await t.gql(CANCEL_ACTIVITY, { input: { activityId: bonus.id, reason: 'x' } }, marketing))).toBe('BAD_USER_INPUT');

      const event = await live({ name: '车主讲座', type: 'EVENT', rewardPoints: 100, capacity: 5, dealershipIds: [store], endsAt: at(2 * HOUR) });
      await t.ok(REGISTER_FOR_ACTIVITY, { input: { activityId: event.id, memberId: m.id } }, admin());
      await t.ok(CANCEL_ACTIVITY, { input: { activityId: event.id, reason: '讲师临时有事' } }, marketing);
      const { participations } = await t.ok(PARTICIPATIONS, { filter: { activityId: event.id } }, admin());
      expect(participations.items.map((p: { status: string }) => p.status)).toEqual(['CANCELLED']);
    });
  });

  describe('preview', () => {
    it('computes reach, matching transactions, expected points and cost from the last 90 days', async () => {
      const store = await createDealership(t);
      const elsewhere = await createDealership(t);
      const silver = await member(store, 'SILVER');
      const gold = await member(store, 'GOLD');
      const regular = await member(store, 'REGULAR');
      await recordOk({ memberId: silver.id, dealershipId: store, amount: 100_001, occurredAt: at(-10 * DAY) });
      await recordOk({ memberId: gold.id, dealershipId: store, amount: 33_333, type: 'REPAIR', occurredAt: at(-30 * DAY) });
      await recordOk({ memberId: regular.id, dealershipId: store, amount: 50_000 }); // not an eligible tier
      await recordOk({ memberId: silver.id, dealershipId: store, amount: 5_000, type: 'WASH' }); // type, and below the minimum
      await recordOk({ memberId: silver.id, dealershipId: store, amount: 9_999, type: 'REPAIR' }); // below the minimum
      await recordOk({ memberId: silver.id, dealershipId: elsewhere, amount: 100_000 }); // another store
      await recordOk({ memberId: gold.id, dealershipId: store, amount: 100_000, occurredAt: at(-91 * DAY) }); // too long ago
      const reversed = await recordOk({ memberId: gold.id, dealershipId: store, amount: 100_000 });
      await t.ok(REVERSE_TRANSACTION, { input: { transactionId: reversed.id, reason: '冲销' } }, admin());

      const base = {
        name: '预估',
        startsAt: at(DAY),
        endsAt: at(8 * DAY),
        dealershipIds: [store],
        eligibleTierIds: [tiers.SILVER, tiers.GOLD],
        transactionTypes: ['MAINTENANCE', 'REPAIR'],
        minAmount: 10_000,
        fixedCost: 10_000,
      };
      // SILVER ¥1,000.01: floor(1200.012) = 1200 → ×1.5 floor(1800.018) = 1800: +600.
      // GOLD ¥333.33 REPAIR: floor(499.995) = 499 → ×1.5 floor(749.9925) = 749: +250.
      const multiplier = (await t.ok(PREVIEW_ACTIVITY, { input: { ...base, type: 'POINTS_MULTIPLIER', multiplier: 1.5, budgetPoints: 500 } }, marketing)).previewActivity;
      expect(multiplier).toEqual({ eligibleMembers: 2, matchingTransactions: 2, expectedPoints: 850, expectedCost: 850 + 10_000, exceedsBudget: true });

      const bonus = (await t.ok(PREVIEW_ACTIVITY, { input: { ...base, type: 'BONUS_POINTS', bonusPoints: 200 } }, marketing)).previewActivity;
      expect(bonus).toEqual({ eligibleMembers: 2, matchingTransactions: 2, expectedPoints: 400, expectedCost: 10_400, exceedsBudget: false });

      const everyone = (await t.ok(PREVIEW_ACTIVITY, { input: { name: '全店双倍', type: 'POINTS_MULTIPLIER', multiplier: 2, startsAt: at(DAY), endsAt: at(2 * DAY), dealershipIds: [store] } }, marketing))
        .previewActivity;
      // Doubling adds floor(2x) − floor(x) per transaction, x = yuan × rate × tier multiplier:
      // SILVER ¥1,000.01 1200.012 → +1200; GOLD ¥333.33 499.995 → 999 − 499 = +500; REGULAR ¥500 → +500;
      // SILVER ¥50 WASH 60 → +60; SILVER ¥99.99 REPAIR 119.988 → 239 − 119 = +120.
      expect(everyone).toEqual({ eligibleMembers: 3, matchingTransactions: 5, expectedPoints: 2380, expectedCost: 2380, exceedsBudget: false });

      const event = (await t.ok(PREVIEW_ACTIVITY, { input: { name: '试驾日', type: 'EVENT', rewardPoints: 300, capacity: 2, startsAt: at(DAY), endsAt: at(DAY + HOUR), dealershipIds: [store], budgetPoints: 500 } }, marketing))
        .previewActivity;
      expect(event).toEqual({ eligibleMembers: 3, matchingTransactions: 0, expectedPoints: 600, expectedCost: 600, exceedsBudget: true });

      const invalid = await t.gql(PREVIEW_ACTIVITY, { input: { ...base, type: 'POINTS_MULTIPLIER', multiplier: 0.5 } }, marketing);
      expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
      expect(invalid.errors![0].extensions!.fields).toHaveProperty(['input.multiplier']);
    });
  });
});
