/**
 * Sales and services (transactions.graphql): earning by type and tier, member totals, DMS replays,
 * validation, who may record where, reversal with claw-back and debt, and upgrades on the spot.
 */
import {
  ME,
  MEMBER,
  NOTIFICATIONS,
  POINTS_ENTRIES,
  RECORD_TRANSACTION,
  REDEEM_POINTS,
  REVERSE_TRANSACTION,
  SET_MEMBER_TIER,
  TIER_CHANGES,
  TIERS,
  TRANSACTIONS,
} from './support/contract';
import { apiKey, createDealership, createMember, uniqueVin } from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST

/** The last millisecond of the calendar month `months` after the month of `earnedAt`, in Shanghai. */
function endOfShanghaiMonth(earnedAt: Date, months: number): Date {
  const local = new Date(earnedAt.getTime() + SHANGHAI_OFFSET);
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months + 1, 1) - SHANGHAI_OFFSET - 1,
  );
}

/** The same UTC wall-clock time `months` later, the day clamped to the target month's length. */
function addMonthsUtc(instant: Date, months: number): Date {
  const target = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + months, 1));
  const days = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(instant.getUTCDate(), days));
  target.setUTCHours(
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
    instant.getUTCMilliseconds(),
  );
  return target;
}

interface Entry {
  id: string;
  memberId: string;
  type: string;
  points: number;
  balanceAfter: number;
  reason: string | null;
  sourceType: string | null;
  sourceId: string | null;
  expiresAt: string | null;
  dealershipId: string | null;
  operatorId: string | null;
  createdAt: string;
}

describe('transactions', () => {
  let t: TestApp;
  let dealerA: string;
  let dealerB: string;
  let tiers: Record<string, string>;
  let seq = 0;

  const admin = (): Credentials => ({ token: t.adminToken });
  const ref = (prefix = 'RO') => `${prefix}-${Date.now().toString(36)}-${seq++}`.toUpperCase();
  const plate = () => `沪A${String(10_000 + seq++).slice(-5)}`;

  const record = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      RECORD_TRANSACTION,
      {
        input: {
          externalRef: ref(),
          dealershipId: dealerA,
          type: 'MAINTENANCE',
          amount: 100_00,
          occurredAt: new Date().toISOString(),
          ...input,
        },
      },
      credentials,
    );
  const recordOk = async (input: Record<string, unknown>, credentials: Credentials = admin()) => {
    const result = await record(input, credentials);
    if (result.errors?.length) throw new Error(`recordTransaction failed: ${JSON.stringify(result.errors)}`);
    return result.data.recordTransaction;
  };
  const member = async (id: string) => (await t.ok(MEMBER, { id }, admin())).member;
  const entries = async (memberId: string, filter: Record<string, unknown> = {}) =>
    (
      await t.ok(
        POINTS_ENTRIES,
        {
          filter: { memberId, ...filter },
          sort: [{ field: 'CREATED_AT', order: 'ASC' }],
          page: { perPage: 100 },
        },
        admin(),
      )
    ).pointsEntries as { items: Entry[]; total: number };
  const byRef = async (externalRef: string) =>
    (await t.ok(TRANSACTIONS, { filter: { externalRef }, page: { perPage: 100 } }, admin())).transactions;
  const setTier = (memberId: string, code: string) =>
    t.ok(SET_MEMBER_TIER, { input: { memberId, tierId: tiers[code], reason: `测试设为${code}` } }, admin());
  const ledgerSum = async (memberId: string) => {
    const [row] = await t.dataSource.query(
      'SELECT COALESCE(SUM(`points`), 0) AS total FROM `points_entry` WHERE `memberId` = ?',
      [memberId],
    );
    return Number(row.total);
  };

  beforeAll(async () => {
    t = await startTestApp();
    dealerA = await createDealership(t);
    dealerB = await createDealership(t);
    const { tiers: page } = await t.ok(TIERS, { page: { perPage: 10 } }, admin());
    tiers = Object.fromEntries(page.items.map((tier: { code: string; id: string }) => [tier.code, tier.id]));
    expect(Object.keys(tiers).sort()).toEqual(['GOLD', 'PLATINUM', 'REGULAR', 'SILVER']);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('earning', () => {
    it.each([
      ['MAINTENANCE', 1_000_00, 1000],
      ['REPAIR', 1_234_56, 1234],
      ['PARTS', 88_88, 88],
      ['ACCESSORY', 500_00, 500],
      ['WASH', 40_00, 40],
      ['INSURANCE', 1_000_00, 500],
      ['INSURANCE', 3_333_33, 1666],
      ['VEHICLE_PURCHASE', 300_000_00, 3000],
      ['MAINTENANCE', 99_99, 99],
      ['MAINTENANCE', 99, 0],
      ['OTHER', 1_000_00, 0],
    ])('earns %s of %d fen at REGULAR: %d points', async (type, amount, points) => {
      const m = await createMember(t);
      const tx = await recordOk({ memberId: m.id, type, amount });
      expect(tx).toMatchObject({ memberId: m.id, type, amount, pointsEarned: points, status: 'POSTED' });
      const after = await member(m.id);
      expect(after).toMatchObject({
        pointsBalance: points,
        lifetimePoints: points,
        qualifyingPoints: points,
      });
      const { items } = await entries(m.id);
      if (points === 0) {
        expect(items).toEqual([]);
      } else {
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({
          type: 'EARN',
          points,
          balanceAfter: points,
          sourceType: 'TRANSACTION',
          sourceId: tx.id,
          dealershipId: dealerA,
        });
      }
    });

    it.each([
      ['SILVER', 'MAINTENANCE', 1_000_00, 1200],
      ['SILVER', 'MAINTENANCE', 99_99, 119],
      ['SILVER', 'INSURANCE', 1_000_00, 600],
      ['GOLD', 'MAINTENANCE', 1_000_00, 1500],
      ['GOLD', 'VEHICLE_PURCHASE', 123_456_78, 1851],
      ['PLATINUM', 'MAINTENANCE', 1_000_00, 2000],
      ['PLATINUM', 'OTHER', 1_000_00, 0],
    ])(
      'earns at %s with its multiplier: %s of %d fen gives %d points',
      async (tier, type, amount, points) => {
        const m = await createMember(t);
        const set = (await setTier(m.id, tier)).setMemberTier;
        expect(set.tier.code).toBe(tier);
        const tx = await recordOk({ memberId: m.id, type, amount });
        expect(tx.pointsEarned).toBe(points);
        expect((await member(m.id)).pointsBalance).toBe(points);
      },
    );

    it('opens an EARN lot that expires at the end of the 24th month after earning (Asia/Shanghai)', async () => {
      const m = await createMember(t);
      // 16:30 UTC on the last day of a month is already the next month in Shanghai.
      const occurredAt = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 31, 16, 30));
      const tx = await recordOk({ memberId: m.id, amount: 200_00, occurredAt: occurredAt.toISOString() });
      const [entry] = (await entries(m.id)).items;
      expect(entry).toMatchObject({ type: 'EARN', points: 200, sourceId: tx.id });
      const expected = endOfShanghaiMonth(occurredAt, 24);
      expect(new Date(entry.expiresAt!).toISOString()).toBe(expected.toISOString());
      // Earned in February (Shanghai) → expires at the end of February two years later, Shanghai time.
      expect(expected.getUTCMonth()).toBe(1);
      expect(expected.getUTCHours()).toBe(15);
    });

    it('records a walk-in (散客) with only a plate: no member, no points', async () => {
      const walkInPlate = plate();
      const tx = await recordOk({ plateNumber: walkInPlate.replace('A', 'a·'), type: 'WASH' });
      expect(tx).toMatchObject({
        memberId: null,
        vehicleId: null,
        plateNumber: walkInPlate,
        pointsEarned: 0,
      });
      const list = await byRef(tx.externalRef);
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({
        id: tx.id,
        member: null,
        plateNumber: walkInPlate,
        status: 'POSTED',
      });
    });

    it('attaches the member’s vehicle by id or by plate', async () => {
      const vehiclePlate = plate();
      const m = await createMember(t, { vehicle: { vin: uniqueVin(), plateNumber: vehiclePlate } });
      const vehicleId = m.vehicles[0].id;
      const byId = await recordOk({ memberId: m.id, vehicleId, mileage: 12_000 });
      expect(byId).toMatchObject({ vehicleId, plateNumber: vehiclePlate, mileage: 12_000 });
      const byPlate = await recordOk({ memberId: m.id, plateNumber: vehiclePlate });
      expect(byPlate).toMatchObject({ vehicleId, plateNumber: vehiclePlate });
    });

    it('updates the member’s totals with the transaction; a backdated one does not move lastTransactionAt back', async () => {
      const m = await createMember(t);
      const before = await member(m.id);
      expect(before).toMatchObject({
        pointsBalance: 0,
        lifetimePoints: 0,
        qualifyingPoints: 0,
        totalSpend: 0,
        lastTransactionAt: null,
      });
      const at = new Date(Date.now() - 60_000);
      await recordOk({
        memberId: m.id,
        type: 'REPAIR',
        amount: 1_234_56,
        occurredAt: at.toISOString(),
        description: '更换刹车片',
      });
      let after = await member(m.id);
      expect(after).toMatchObject({
        pointsBalance: 1234,
        lifetimePoints: 1234,
        qualifyingPoints: 1234,
        totalSpend: 1_234_56,
      });
      expect(new Date(after.lastTransactionAt).toISOString()).toBe(at.toISOString());

      const backdated = new Date(Date.now() - 40 * DAY);
      const old = await recordOk({
        memberId: m.id,
        type: 'PARTS',
        amount: 300_00,
        occurredAt: backdated.toISOString(),
      });
      expect(new Date(old.occurredAt).toISOString()).toBe(backdated.toISOString());
      after = await member(m.id);
      expect(after).toMatchObject({
        pointsBalance: 1534,
        lifetimePoints: 1534,
        qualifyingPoints: 1534,
        totalSpend: 1_534_56,
      });
      expect(new Date(after.lastTransactionAt).toISOString()).toBe(at.toISOString());

      // Backdated beyond the 12-month window: points and spend, but nothing towards tiers.
      const longAgo = new Date(Date.now() - 400 * DAY);
      await recordOk({ memberId: m.id, amount: 100_00, occurredAt: longAgo.toISOString() });
      after = await member(m.id);
      expect(after).toMatchObject({ pointsBalance: 1634, qualifyingPoints: 1534, totalSpend: 1_634_56 });

      const list = (
        await t.ok(
          TRANSACTIONS,
          { filter: { memberId: m.id }, sort: [{ field: 'OCCURRED_AT', order: 'DESC' }] },
          admin(),
        )
      ).transactions;
      expect(list.total).toBe(3);
      expect(list.items.map((i: { amount: number }) => i.amount)).toEqual([1_234_56, 300_00, 100_00]);
      expect(list.items[0]).toMatchObject({
        description: '更换刹车片',
        member: { id: m.id },
        dealership: { id: dealerA },
      });
    });

    it('refuses an occurredAt in the future (BAD_USER_INPUT on input.occurredAt) and writes nothing', async () => {
      const m = await createMember(t);
      const externalRef = ref();
      const result = await record({
        externalRef,
        memberId: m.id,
        occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields).toHaveProperty(['input.occurredAt']);
      expect((await byRef(externalRef)).total).toBe(0);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, totalSpend: 0, lastTransactionAt: null });
    });
  });

  describe('DMS replays (externalRef)', () => {
    it('returns the first transaction for a replay of the same payload and doubles nothing', async () => {
      const dms = await apiKey(t, ['transactions:write']);
      const m = await createMember(t);
      const input = {
        externalRef: ref('DMS'),
        dealershipId: dealerA,
        memberId: m.id,
        type: 'MAINTENANCE',
        amount: 800_00,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        mileage: 20_000,
      };
      const first = (await t.ok(RECORD_TRANSACTION, { input }, { apiKey: dms })).recordTransaction;
      expect(first.pointsEarned).toBe(800);
      const replay = (await t.ok(RECORD_TRANSACTION, { input }, { apiKey: dms })).recordTransaction;
      expect(replay.id).toBe(first.id);
      expect(replay.pointsEarned).toBe(800);
      // A retry by staff of the same document is the same transaction too.
      expect((await t.ok(RECORD_TRANSACTION, { input }, admin())).recordTransaction.id).toBe(first.id);

      expect((await byRef(input.externalRef)).total).toBe(1);
      expect((await entries(m.id)).total).toBe(1);
      expect(await member(m.id)).toMatchObject({
        pointsBalance: 800,
        totalSpend: 800_00,
        qualifyingPoints: 800,
      });

      // Same reference, another amount: CONFLICT, nothing changes.
      const conflict = await t.gql(
        RECORD_TRANSACTION,
        { input: { ...input, amount: 900_00 } },
        { apiKey: dms },
      );
      expect(errorCode(conflict)).toBe('CONFLICT');
      expect((await byRef(input.externalRef)).total).toBe(1);
      expect((await entries(m.id)).total).toBe(1);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 800, totalSpend: 800_00 });

      // The same reference at another dealership is another document.
      const atB = (
        await t.ok(RECORD_TRANSACTION, { input: { ...input, dealershipId: dealerB } }, { apiKey: dms })
      ).recordTransaction;
      expect(atB.id).not.toBe(first.id);
      expect(atB).toMatchObject({ dealershipId: dealerB, externalRef: input.externalRef, pointsEarned: 800 });
      expect((await byRef(input.externalRef)).total).toBe(2);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 1600, totalSpend: 1_600_00 });
      expect(await ledgerSum(m.id)).toBe(1600);
    });

    it('answers parallel pushes of one document with one transaction', async () => {
      const m = await createMember(t);
      const input = {
        externalRef: ref('DMS'),
        dealershipId: dealerA,
        memberId: m.id,
        type: 'REPAIR',
        amount: 321_00,
        occurredAt: new Date(Date.now() - 1_000).toISOString(),
      };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.gql(RECORD_TRANSACTION, { input }, admin())),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data.recordTransaction.id)).size).toBe(1);
      expect((await byRef(input.externalRef)).total).toBe(1);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 321, totalSpend: 321_00 });
      expect((await entries(m.id)).total).toBe(1);
    });
  });

  describe('validation writes nothing', () => {
    it.each([
      ['a negative amount', () => ({ amount: -100 }), 'input.amount'],
      ['a bad plate', () => ({ plateNumber: 'ABC123' }), 'input.plateNumber'],
      ['an unknown member', () => ({ memberId: '01UNKNOWNMEMBER00000000000' }), 'input.memberId'],
      ['an unknown dealership', () => ({ dealershipId: '01UNKNOWNDEALER00000000000' }), 'input.dealershipId'],
      ['a bad externalRef', () => ({ externalRef: 'bad ref with spaces' }), 'input.externalRef'],
    ])('refuses %s', async (_label, patch, field) => {
      const m = await createMember(t);
      const externalRef = ref();
      const result = await record({ externalRef, memberId: m.id, ...patch() });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields).toHaveProperty([field]);
      expect((await byRef(externalRef)).total).toBe(0);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, totalSpend: 0 });
      expect((await entries(m.id)).total).toBe(0);
    });

    it('refuses a vehicle of another member (input.vehicleId)', async () => {
      const owner = await createMember(t, { vehicle: { vin: uniqueVin(), plateNumber: plate() } });
      const other = await createMember(t);
      const externalRef = ref();
      const result = await record({
        externalRef,
        memberId: other.id,
        vehicleId: owner.vehicles[0].id,
        amount: 500_00,
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.fields).toHaveProperty(['input.vehicleId']);
      expect((await byRef(externalRef)).total).toBe(0);
      expect(await member(other.id)).toMatchObject({ pointsBalance: 0, totalSpend: 0 });
    });
  });

  describe('who records where', () => {
    it('lets an API key with transactions:write record, and refuses one without it', async () => {
      const m = await createMember(t);
      const writer = await apiKey(t, ['transactions:write']);
      const reader = await apiKey(t, ['members:read', 'members:write']);
      const ok = await recordOk({ memberId: m.id, amount: 50_00 }, { apiKey: writer });
      expect(ok.pointsEarned).toBe(50);
      const externalRef = ref();
      const denied = await record({ externalRef, memberId: m.id }, { apiKey: reader });
      expect(errorCode(denied)).toBe('FORBIDDEN');
      expect((await byRef(externalRef)).total).toBe(0);
      expect(errorCode(await record({ externalRef }, {}))).toBe('UNAUTHENTICATED');
      expect((await member(m.id)).pointsBalance).toBe(50);
    });

    it('lets store staff record at their own store only, and list only its transactions', async () => {
      const storeA = await t.staffToken('STORE_STAFF', dealerA);
      const me = (await t.ok(ME, {}, { token: storeA })).me;
      // Any store serves any member: a member of store B transacts at A.
      const m = await createMember(t, { homeDealershipId: dealerB });
      const atA = await recordOk({ memberId: m.id, amount: 70_00 }, { token: storeA });
      expect(atA).toMatchObject({ dealershipId: dealerA, pointsEarned: 70 });
      const externalRef = ref();
      const atB = await record({ externalRef, dealershipId: dealerB, memberId: m.id }, { token: storeA });
      expect(errorCode(atB)).toBe('FORBIDDEN');
      expect((await byRef(externalRef)).total).toBe(0);

      const elsewhere = await recordOk({ dealershipId: dealerB, memberId: m.id, amount: 10_00 });
      const seen = (await t.ok(TRANSACTIONS, { page: { perPage: 1000 } }, { token: storeA })).transactions;
      const adminSeesA = (
        await t.ok(TRANSACTIONS, { filter: { dealershipId: dealerA }, page: { perPage: 1000 } }, admin())
      ).transactions;
      expect(seen.total).toBe(adminSeesA.total);
      expect(seen.items.every((i: { dealershipId: string }) => i.dealershipId === dealerA)).toBe(true);
      expect(seen.items.map((i: { id: string }) => i.id)).toContain(atA.id);
      expect(seen.items.map((i: { id: string }) => i.id)).not.toContain(elsewhere.id);
      const askedForB = (await t.ok(TRANSACTIONS, { filter: { dealershipId: dealerB } }, { token: storeA }))
        .transactions;
      expect(askedForB).toEqual({ items: [], total: 0 });

      const [earn] = (await entries(m.id)).items;
      expect(earn).toMatchObject({ sourceId: atA.id, dealershipId: dealerA, operatorId: me.id });
    });

    it('lets only ADMIN and STORE_STAFF record; FINANCE may read', async () => {
      const finance = await t.staffToken('FINANCE');
      const externalRef = ref();
      expect(errorCode(await record({ externalRef }, { token: finance }))).toBe('FORBIDDEN');
      expect((await byRef(externalRef)).total).toBe(0);
      const list = (
        await t.ok(
          TRANSACTIONS,
          { filter: { type: 'OTHER' }, sort: [{ field: 'AMOUNT', order: 'ASC' }] },
          { token: finance },
        )
      ).transactions;
      expect(list.total).toBeGreaterThan(0);
      expect(list.items.every((i: { type: string }) => i.type === 'OTHER')).toBe(true);
    });
  });

  describe('reversal (冲销)', () => {
    it('claws back exactly the points, reduces spend and qualifying points, once', async () => {
      const m = await createMember(t);
      await recordOk({ memberId: m.id, type: 'PARTS', amount: 200_00 });
      const tx = await recordOk({ memberId: m.id, type: 'MAINTENANCE', amount: 1_000_00 });
      expect((await member(m.id)).pointsBalance).toBe(1200);

      const reversed = (
        await t.ok(REVERSE_TRANSACTION, { input: { transactionId: tx.id, reason: '客户退单' } }, admin())
      ).reverseTransaction;
      expect(reversed).toMatchObject({
        id: tx.id,
        status: 'REVERSED',
        reversalReason: '客户退单',
        pointsEarned: 1000,
      });
      expect(Math.abs(new Date(reversed.reversedAt).getTime() - Date.now())).toBeLessThan(60_000);

      const { items } = await entries(m.id);
      const reversals = items.filter((e) => e.type === 'REVERSAL');
      expect(reversals).toHaveLength(1);
      expect(reversals[0]).toMatchObject({
        points: -1000,
        balanceAfter: 200,
        sourceType: 'TRANSACTION',
        sourceId: tx.id,
      });
      expect(await member(m.id)).toMatchObject({
        pointsBalance: 200,
        lifetimePoints: 200,
        qualifyingPoints: 200,
        totalSpend: 200_00,
      });

      // A retry of the same reversal is answered with the reversed transaction; nothing moves again.
      const retry = (
        await t.ok(REVERSE_TRANSACTION, { input: { transactionId: tx.id, reason: '客户退单' } }, admin())
      ).reverseTransaction;
      expect(retry).toMatchObject({ id: tx.id, status: 'REVERSED', reversalReason: '客户退单' });
      const again = await t.gql(
        REVERSE_TRANSACTION,
        { input: { transactionId: tx.id, reason: '另一个原因' } },
        admin(),
      );
      expect(errorCode(again)).toBe('INVALID_STATE');
      expect((await entries(m.id)).total).toBe(3);
      expect(await member(m.id)).toMatchObject({
        pointsBalance: 200,
        qualifyingPoints: 200,
        totalSpend: 200_00,
      });
      expect(await ledgerSum(m.id)).toBe(200);

      const list = (await t.ok(TRANSACTIONS, { filter: { memberId: m.id, status: 'REVERSED' } }, admin()))
        .transactions;
      expect(list.items.map((i: { id: string }) => i.id)).toEqual([tx.id]);
    });

    it('reverses through the DMS key; another store’s staff cannot see the transaction (NOT_FOUND)', async () => {
      const m = await createMember(t);
      const dms = await apiKey(t, ['transactions:write']);
      const tx = await recordOk({ memberId: m.id, amount: 300_00 }, { apiKey: dms });
      const storeB = await t.staffToken('STORE_STAFF', dealerB);
      expect(
        errorCode(
          await t.gql(
            REVERSE_TRANSACTION,
            { input: { transactionId: tx.id, reason: '不是本店' } },
            { token: storeB },
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        errorCode(
          await t.gql(
            REVERSE_TRANSACTION,
            { input: { transactionId: 'NO-SUCH-TX', reason: '不存在' } },
            admin(),
          ),
        ),
      ).toBe('NOT_FOUND');
      const short = await t.gql(
        REVERSE_TRANSACTION,
        { input: { transactionId: tx.id, reason: 'x' } },
        admin(),
      );
      expect(errorCode(short)).toBe('BAD_USER_INPUT');
      expect(short.errors![0].extensions!.fields).toHaveProperty(['input.reason']);
      expect((await member(m.id)).pointsBalance).toBe(300);

      const reversed = (
        await t.ok(
          REVERSE_TRANSACTION,
          { input: { transactionId: tx.id, reason: 'DMS 冲销' } },
          { apiKey: dms },
        )
      ).reverseTransaction;
      expect(reversed.status).toBe('REVERSED');
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, totalSpend: 0, qualifyingPoints: 0 });
    });

    it('reverses once under parallel retries: the same reason answers REVERSED, another is INVALID_STATE', async () => {
      const m = await createMember(t);
      const tx = await recordOk({ memberId: m.id, amount: 400_00 });
      const retries = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.gql(REVERSE_TRANSACTION, { input: { transactionId: tx.id, reason: '重复冲销' } }, admin()),
        ),
      );
      for (const r of retries) {
        expect(r.errors).toBeUndefined();
        expect(r.data.reverseTransaction).toMatchObject({
          id: tx.id,
          status: 'REVERSED',
          reversalReason: '重复冲销',
        });
      }
      expect((await entries(m.id, { type: 'REVERSAL' })).total).toBe(1);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, totalSpend: 0, qualifyingPoints: 0 });

      const other = await recordOk({ memberId: m.id, amount: 300_00 });
      const racing = await Promise.all(
        ['原因甲', '原因乙'].map((reason) =>
          t.gql(REVERSE_TRANSACTION, { input: { transactionId: other.id, reason } }, admin()),
        ),
      );
      expect(racing.filter((r) => !r.errors)).toHaveLength(1);
      expect(racing.filter((r) => r.errors).map(errorCode)).toEqual(['INVALID_STATE']);
      expect((await entries(m.id, { type: 'REVERSAL' })).total).toBe(2);
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, totalSpend: 0, qualifyingPoints: 0 });
      expect(await ledgerSum(m.id)).toBe(0);
    });

    it('reverses a walk-in transaction without touching any ledger', async () => {
      const tx = await recordOk({ plateNumber: plate(), amount: 50_00 });
      const reversed = (
        await t.ok(REVERSE_TRANSACTION, { input: { transactionId: tx.id, reason: '录错了' } }, admin())
      ).reverseTransaction;
      expect(reversed).toMatchObject({ status: 'REVERSED', pointsEarned: 0 });
    });

    it('takes what the balance holds and records the rest as debt, netted against the next earning', async () => {
      const m = await createMember(t);
      const tx = await recordOk({ memberId: m.id, amount: 1_000_00 });
      const redeemed = (
        await t.ok(
          REDEEM_POINTS,
          {
            input: {
              memberId: m.id,
              points: 800,
              reason: '抵扣工时费',
              dealershipId: dealerA,
              idempotencyKey: `redeem-${ref()}`,
            },
          },
          admin(),
        )
      ).redeemPoints;
      expect(redeemed).toMatchObject({ type: 'REDEEM', points: -800, balanceAfter: 200 });

      await t.ok(REVERSE_TRANSACTION, { input: { transactionId: tx.id, reason: '整单退款' } }, admin());
      const reversal = (await entries(m.id, { type: 'REVERSAL' })).items;
      expect(reversal).toHaveLength(1);
      expect(reversal[0]).toMatchObject({ points: -200, balanceAfter: 0, sourceId: tx.id });
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, qualifyingPoints: 0, totalSpend: 0 });

      // 800 points are owed: the next 1,000 earned credit 200.
      const next = await recordOk({ memberId: m.id, amount: 1_000_00 });
      expect(next.pointsEarned).toBe(1000);
      const earnings = (await entries(m.id, { type: 'EARN' })).items;
      expect(earnings.map((e) => e.points)).toEqual([1000, 200]);
      expect(earnings[1]).toMatchObject({ balanceAfter: 200, sourceId: next.id });
      expect(await member(m.id)).toMatchObject({
        pointsBalance: 200,
        qualifyingPoints: 1000,
        totalSpend: 1_000_00,
      });

      // The debt is settled: the one after earns in full.
      await recordOk({ memberId: m.id, amount: 500_00 });
      expect((await member(m.id)).pointsBalance).toBe(700);
      expect(await ledgerSum(m.id)).toBe(700);
    });

    it('nets a debt across several smaller earnings', async () => {
      const m = await createMember(t);
      const tx = await recordOk({ memberId: m.id, amount: 600_00 });
      await t.ok(
        REDEEM_POINTS,
        {
          input: {
            memberId: m.id,
            points: 600,
            reason: '全部抵扣',
            idempotencyKey: `redeem-${ref()}`,
            dealershipId: dealerA,
          },
        },
        admin(),
      );
      await t.ok(REVERSE_TRANSACTION, { input: { transactionId: tx.id, reason: '退单' } }, admin());
      expect((await entries(m.id, { type: 'REVERSAL' })).items[0]).toMatchObject({
        points: 0,
        balanceAfter: 0,
      });
      await recordOk({ memberId: m.id, amount: 250_00 });
      expect((await member(m.id)).pointsBalance).toBe(0);
      await recordOk({ memberId: m.id, amount: 250_00 });
      expect((await member(m.id)).pointsBalance).toBe(0);
      await recordOk({ memberId: m.id, amount: 250_00 });
      expect((await member(m.id)).pointsBalance).toBe(150);
      expect(await ledgerSum(m.id)).toBe(150);
    });
  });

  describe('upgrades on the spot', () => {
    const changesOf = async (memberId: string) =>
      (
        await t.ok(
          TIER_CHANGES,
          { filter: { memberId }, sort: [{ field: 'CREATED_AT', order: 'ASC' }] },
          admin(),
        )
      ).tierChanges;
    const notificationsOf = async (memberId: string, template: string) =>
      (await t.ok(NOTIFICATIONS, { filter: { memberId, template } }, admin())).notifications;

    it('lifts a Regular member to Silver with one repair order of ¥5,000', async () => {
      const m = await createMember(t);
      const before = Date.now();
      const tx = await recordOk({ memberId: m.id, type: 'REPAIR', amount: 5_000_00 });
      expect(tx.pointsEarned).toBe(5000); // earned at the tier held when the order was placed
      const after = await member(m.id);
      expect(after.tier.code).toBe('SILVER');
      const achieved = new Date(after.tierAchievedAt).getTime();
      expect(achieved).toBeGreaterThanOrEqual(before - 1000);
      expect(achieved).toBeLessThanOrEqual(Date.now() + 1000);
      expect(new Date(after.tierReviewAt).toISOString()).toBe(
        addMonthsUtc(new Date(after.tierAchievedAt), 12).toISOString(),
      );

      const changes = await changesOf(m.id);
      expect(changes.total).toBe(1);
      expect(changes.items[0]).toMatchObject({
        reason: 'UPGRADE',
        fromTier: { code: 'REGULAR' },
        toTier: { code: 'SILVER' },
      });
      const sent = await notificationsOf(m.id, 'TIER_UPGRADED');
      expect(sent.total).toBe(1);
      expect(sent.items[0].body).toContain('银卡会员');

      // From now on the Silver multiplier applies.
      expect((await recordOk({ memberId: m.id, amount: 1_000_00 })).pointsEarned).toBe(1200);
      expect((await changesOf(m.id)).total).toBe(1);
    });

    it('does not upgrade at 4,999 qualifying points, and upgrades at 5,000', async () => {
      const m = await createMember(t);
      await recordOk({ memberId: m.id, type: 'REPAIR', amount: 4_999_99 });
      expect((await member(m.id)).tier.code).toBe('REGULAR');
      expect((await changesOf(m.id)).total).toBe(0);
      await recordOk({ memberId: m.id, type: 'WASH', amount: 1_00 });
      const after = await member(m.id);
      expect(after).toMatchObject({ qualifyingPoints: 5000, tier: { code: 'SILVER' } });
      expect((await notificationsOf(m.id, 'TIER_UPGRADED')).total).toBe(1);
    });

    it('upgrades on 3 service visits on distinct days, and on ¥50,000 spend', async () => {
      const visits = await createMember(t);
      for (const daysAgo of [50, 20]) {
        await recordOk({
          memberId: visits.id,
          amount: 100_00,
          occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
        });
      }
      expect((await member(visits.id)).tier.code).toBe('REGULAR');
      await recordOk({
        memberId: visits.id,
        type: 'REPAIR',
        amount: 100_00,
        occurredAt: new Date(Date.now() - 2 * DAY).toISOString(),
      });
      expect(await member(visits.id)).toMatchObject({ qualifyingPoints: 300, tier: { code: 'SILVER' } });

      const buyer = await createMember(t);
      const car = await recordOk({ memberId: buyer.id, type: 'VEHICLE_PURCHASE', amount: 60_000_00 });
      expect(car.pointsEarned).toBe(600);
      expect(await member(buyer.id)).toMatchObject({
        qualifyingPoints: 600,
        totalSpend: 60_000_00,
        tier: { code: 'SILVER' },
      });
    });

    it('counts service visits by calendar day in the programme time zone (Asia/Shanghai)', async () => {
      const base = new Date(Date.now() - 20 * DAY);
      const day = Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate());
      const at = (hoursUtc: number) => new Date(day + hoursUtc * 3_600_000).toISOString();
      const earlier = new Date(day - 5 * DAY + 4 * 3_600_000).toISOString();

      // 15:30 and 16:30 UTC are 23:30 and 00:30 in Shanghai: one UTC day, two visit days.
      const acrossMidnight = await createMember(t);
      await recordOk({ memberId: acrossMidnight.id, amount: 100_00, occurredAt: earlier });
      await recordOk({ memberId: acrossMidnight.id, amount: 100_00, occurredAt: at(15.5) });
      await recordOk({ memberId: acrossMidnight.id, type: 'REPAIR', amount: 100_00, occurredAt: at(16.5) });
      expect((await member(acrossMidnight.id)).tier.code).toBe('SILVER');

      // 16:30 UTC and 01:00 UTC the next day are 00:30 and 09:00 on one Shanghai day: one visit day.
      const sameLocalDay = await createMember(t);
      await recordOk({ memberId: sameLocalDay.id, amount: 100_00, occurredAt: earlier });
      await recordOk({ memberId: sameLocalDay.id, amount: 100_00, occurredAt: at(16.5) });
      await recordOk({ memberId: sameLocalDay.id, type: 'REPAIR', amount: 100_00, occurredAt: at(25) });
      expect((await member(sameLocalDay.id)).tier.code).toBe('REGULAR');
    });

    it('upgrades once when parallel transactions cross the threshold together', async () => {
      const m = await createMember(t);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => record({ memberId: m.id, type: 'REPAIR', amount: 1_200_00 })),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const earned = results.reduce((sum, r) => sum + r.data.recordTransaction.pointsEarned, 0);
      const after = await member(m.id);
      expect(after).toMatchObject({ tier: { code: 'SILVER' }, pointsBalance: earned, totalSpend: 6_000_00 });
      expect(await ledgerSum(m.id)).toBe(earned);
      const changes = await changesOf(m.id);
      expect(
        changes.items.map((c: { reason: string; toTier: { code: string } }) => [c.reason, c.toTier.code]),
      ).toEqual([['UPGRADE', 'SILVER']]);
      expect((await notificationsOf(m.id, 'TIER_UPGRADED')).total).toBe(1);
    });

    it('goes straight to the best tier reached', async () => {
      const m = await createMember(t);
      const tx = await recordOk({ memberId: m.id, type: 'VEHICLE_PURCHASE', amount: 300_000_00 });
      expect(tx.pointsEarned).toBe(3000);
      expect((await member(m.id)).tier.code).toBe('PLATINUM');
      const changes = await changesOf(m.id);
      expect(changes.items.map((c: { toTier: { code: string } }) => c.toTier.code)).toEqual(['PLATINUM']);
    });
  });
});
