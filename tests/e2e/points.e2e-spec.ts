/**
 * The points ledger (积分流水) through the API: redemption and adjustment with idempotency, the
 * ledger list, FIFO lots and their expiry, and concurrent redemptions on SQLite and MariaDB.
 */
import {
  ADJUST_POINTS,
  ME,
  MEMBER,
  POINTS_ENTRIES,
  RECORD_TRANSACTION,
  REDEEM_POINTS,
  REGISTER_MEMBER,
  REVERSE_TRANSACTION,
  RUN_JOB,
} from './support/contract';
import { apiKey, createDealership, createMember, uniquePhone } from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const SHANGHAI_OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST

/** The current calendar month in Shanghai (month 0-based, as Date.UTC takes it). */
function shanghaiMonth(at = new Date()): { year: number; month: number } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

/** Noon in Shanghai on the 15th of the month `offset` months from the current one. */
function middleOfMonth(offset: number): Date {
  const { year, month } = shanghaiMonth();
  return new Date(Date.UTC(year, month + offset, 15, 12) - SHANGHAI_OFFSET);
}

/** The last millisecond of the calendar month `months` after the month of `earnedAt`, in Shanghai. */
function endOfShanghaiMonth(earnedAt: Date, months: number): Date {
  const { year, month } = shanghaiMonth(earnedAt);
  return new Date(Date.UTC(year, month + months + 1, 1) - SHANGHAI_OFFSET - 1);
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

describe('points', () => {
  let t: TestApp;
  let dealerA: string;
  let dealerB: string;
  let seq = 0;

  const admin = (): Credentials => ({ token: t.adminToken });
  const key = (prefix = 'key') => `${prefix}-${Date.now().toString(36)}-${seq++}`;

  const earn = async (memberId: string, amount: number, occurredAt = new Date(), dealershipId = dealerA) => {
    const input = {
      externalRef: key('RO').toUpperCase(),
      dealershipId,
      memberId,
      type: 'MAINTENANCE',
      amount,
      occurredAt: occurredAt.toISOString(),
    };
    return (await t.ok(RECORD_TRANSACTION, { input }, admin())).recordTransaction;
  };
  const redeem = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      REDEEM_POINTS,
      { input: { reason: '积分抵扣', idempotencyKey: key('redeem'), ...input } },
      credentials,
    );
  const adjust = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      ADJUST_POINTS,
      { input: { reason: '人工调整', idempotencyKey: key('adjust'), ...input } },
      credentials,
    );
  const member = async (id: string) => (await t.ok(MEMBER, { id }, admin())).member;
  const entries = async (filter: Record<string, unknown>, sort = [{ field: 'CREATED_AT', order: 'ASC' }]) =>
    (await t.ok(POINTS_ENTRIES, { filter, sort, page: { perPage: 100 } }, admin())).pointsEntries as {
      items: Entry[];
      total: number;
    };
  const runJob = async (job: string, asOf: Date) => {
    const { runJob: run } = await t.ok(RUN_JOB, { input: { job, asOf: asOf.toISOString() } }, admin());
    expect(run).toMatchObject({ job, status: 'SUCCEEDED', error: null });
    return run as { processed: number; affected: number };
  };
  /** The ledger and the lots must both add up to the cached balance. */
  const expectLedgerMatches = async (memberId: string) => {
    const [entriesRow] = await t.dataSource.query(
      'SELECT COALESCE(SUM(`points`), 0) AS total, COUNT(*) AS n FROM `points_entry` WHERE `memberId` = ?',
      [memberId],
    );
    const [lotsRow] = await t.dataSource.query(
      'SELECT COALESCE(SUM(`remaining`), 0) AS total FROM `points_lot` WHERE `memberId` = ? AND `expiredAt` IS NULL',
      [memberId],
    );
    const [memberRow] = await t.dataSource.query(
      'SELECT `pointsBalance` AS balance FROM `member` WHERE `id` = ?',
      [memberId],
    );
    const balance = Number(memberRow.balance);
    expect(Number(entriesRow.total)).toBe(balance);
    expect(Number(lotsRow.total)).toBe(balance);
    return { balance, entries: Number(entriesRow.n) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    dealerA = await createDealership(t);
    dealerB = await createDealership(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('redeemPoints', () => {
    it('spends points: a REDEEM entry with negative points and the balance after', async () => {
      const m = await createMember(t);
      await earn(m.id, 1_000_00);
      const result = await redeem({
        memberId: m.id,
        points: 300,
        reason: '抵扣保养工时',
        dealershipId: dealerA,
      });
      expect(result.errors).toBeUndefined();
      const entry = result.data.redeemPoints;
      expect(entry).toMatchObject({
        memberId: m.id,
        type: 'REDEEM',
        points: -300,
        balanceAfter: 700,
        reason: '抵扣保养工时',
      });
      expect(await member(m.id)).toMatchObject({
        pointsBalance: 700,
        lifetimePoints: 1000,
        qualifyingPoints: 1000,
      });
      const [listed] = (await entries({ ids: [entry.id] })).items;
      expect(listed).toMatchObject({
        type: 'REDEEM',
        points: -300,
        dealershipId: dealerA,
        sourceType: 'REDEMPTION',
      });
      await expectLedgerMatches(m.id);
    });

    it('refuses more than the balance with INSUFFICIENT_POINTS and writes nothing', async () => {
      const m = await createMember(t);
      await earn(m.id, 500_00);
      const idempotencyKey = key('too-much');
      const result = await redeem({ memberId: m.id, points: 501, idempotencyKey });
      expect(errorCode(result)).toBe('INSUFFICIENT_POINTS');
      expect(result.data?.redeemPoints ?? null).toBeNull();
      expect((await member(m.id)).pointsBalance).toBe(500);
      expect((await entries({ memberId: m.id })).total).toBe(1);
      // The key was not used up: a corrected retry with it goes through.
      const retry = await redeem({ memberId: m.id, points: 500, idempotencyKey });
      expect(retry.data.redeemPoints).toMatchObject({ points: -500, balanceAfter: 0 });
      expect(errorCode(await redeem({ memberId: m.id, points: 1 }))).toBe('INSUFFICIENT_POINTS');
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 0, entries: 2 });
    });

    it('returns the first entry for a replay of the same key and debits once; another payload is a CONFLICT', async () => {
      const m = await createMember(t);
      await earn(m.id, 1_000_00);
      const input = {
        memberId: m.id,
        points: 250,
        reason: '兑换洗车',
        idempotencyKey: key('replay'),
        dealershipId: dealerA,
      };
      const first = (await redeem(input)).data.redeemPoints;
      const second = await redeem(input);
      expect(second.errors).toBeUndefined();
      expect(second.data.redeemPoints).toEqual(first);
      expect((await member(m.id)).pointsBalance).toBe(750);

      const conflict = await redeem({ ...input, points: 100 });
      expect(errorCode(conflict)).toBe('CONFLICT');
      expect(errorCode(await redeem({ ...input, reason: '另一个原因' }))).toBe('CONFLICT');
      expect((await member(m.id)).pointsBalance).toBe(750);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 750, entries: 2 });
    });

    it('refuses bad input, unknown and inactive members', async () => {
      const m = await createMember(t);
      await earn(m.id, 100_00);
      const zero = await redeem({ memberId: m.id, points: 0 });
      expect(errorCode(zero)).toBe('BAD_USER_INPUT');
      expect(zero.errors![0].extensions!.fields).toHaveProperty(['input.points']);
      const badKey = await redeem({ memberId: m.id, points: 10, idempotencyKey: 'short' });
      expect(errorCode(badKey)).toBe('BAD_USER_INPUT');
      expect(badKey.errors![0].extensions!.fields).toHaveProperty(['input.idempotencyKey']);
      expect(errorCode(await redeem({ memberId: 'NO-SUCH-MEMBER', points: 10 }))).toBe('NOT_FOUND');
      expect(
        errorCode(await redeem({ memberId: m.id, points: 10, dealershipId: 'NO-SUCH-DEALERSHIP' })),
      ).toBe('BAD_USER_INPUT');

      const app = await apiKey(t, ['members:write']);
      const pending = (
        await t.ok(
          REGISTER_MEMBER,
          { input: { name: '待激活', phone: uniquePhone(), channel: 'APP' } },
          { apiKey: app },
        )
      ).registerMember;
      expect(errorCode(await redeem({ memberId: pending.id, points: 10 }))).toBe('INVALID_STATE');
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 100, entries: 1 });
    });

    it('lets store staff redeem at their own store only; an API key needs transactions:write', async () => {
      const storeA = await t.staffToken('STORE_STAFF', dealerA);
      const m = await createMember(t, { homeDealershipId: dealerB });
      await earn(m.id, 1_000_00, new Date(), dealerB);
      const atA = await redeem({ memberId: m.id, points: 100 }, { token: storeA });
      expect(atA.data.redeemPoints.balanceAfter).toBe(900);
      expect((await entries({ ids: [atA.data.redeemPoints.id] })).items[0].dealershipId).toBe(dealerA);
      expect(
        errorCode(await redeem({ memberId: m.id, points: 100, dealershipId: dealerB }, { token: storeA })),
      ).toBe('FORBIDDEN');

      const pos = await apiKey(t, ['transactions:write']);
      const viaKey = await redeem({ memberId: m.id, points: 100, dealershipId: dealerB }, { apiKey: pos });
      expect(viaKey.data.redeemPoints.balanceAfter).toBe(800);
      const readOnly = await apiKey(t, ['members:read']);
      expect(
        errorCode(await redeem({ memberId: m.id, points: 100, dealershipId: dealerB }, { apiKey: readOnly })),
      ).toBe('FORBIDDEN');
      const marketing = await t.staffToken('MARKETING');
      expect(errorCode(await redeem({ memberId: m.id, points: 100 }, { token: marketing }))).toBe(
        'FORBIDDEN',
      );
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 800, entries: 3 });
    });
  });

  describe('adjustPoints', () => {
    it('credits and debits by hand, never below zero, without counting towards tiers', async () => {
      const me = (await t.ok(ME, {}, admin())).me;
      const m = await createMember(t);
      await earn(m.id, 200_00);

      const credit = await adjust({ memberId: m.id, points: 500, reason: '投诉补偿' });
      expect(credit.errors).toBeUndefined();
      expect(credit.data.adjustPoints).toMatchObject({
        memberId: m.id,
        type: 'ADJUST',
        points: 500,
        balanceAfter: 700,
        reason: '投诉补偿',
        operatorId: me.id,
      });
      expect(await member(m.id)).toMatchObject({ pointsBalance: 700, qualifyingPoints: 200 });

      const debit = await adjust({ memberId: m.id, points: -650, reason: '误发积分冲回' });
      expect(debit.data.adjustPoints).toMatchObject({
        type: 'ADJUST',
        points: -650,
        balanceAfter: 50,
        operatorId: me.id,
      });

      const tooMuch = await adjust({ memberId: m.id, points: -51 });
      expect(errorCode(tooMuch)).toBe('INSUFFICIENT_POINTS');
      const zero = await adjust({ memberId: m.id, points: 0 });
      expect(errorCode(zero)).toBe('BAD_USER_INPUT');
      expect(zero.errors![0].extensions!.fields).toHaveProperty(['input.points']);
      expect(errorCode(await adjust({ memberId: 'NO-SUCH-MEMBER', points: 5 }))).toBe('NOT_FOUND');
      expect(await member(m.id)).toMatchObject({ pointsBalance: 50, qualifyingPoints: 200 });
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 50, entries: 3 });
    });

    it('is idempotent on its key', async () => {
      const m = await createMember(t);
      const input = { memberId: m.id, points: 300, reason: '活动补发', idempotencyKey: key('adjust-replay') };
      const first = (await adjust(input)).data.adjustPoints;
      const again = await adjust(input);
      expect(again.data.adjustPoints.id).toBe(first.id);
      expect(errorCode(await adjust({ ...input, points: 301 }))).toBe('CONFLICT');
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 300, entries: 1 });
    });

    it('is refused to STORE_STAFF and FINANCE (FORBIDDEN) and allowed to CUSTOMER_SERVICE', async () => {
      const m = await createMember(t);
      const store = await t.staffToken('STORE_STAFF', dealerA);
      const finance = await t.staffToken('FINANCE');
      const service = await t.staffToken('CUSTOMER_SERVICE');
      expect(errorCode(await adjust({ memberId: m.id, points: 100 }, { token: store }))).toBe('FORBIDDEN');
      expect(errorCode(await adjust({ memberId: m.id, points: 100 }, { token: finance }))).toBe('FORBIDDEN');
      const writer = await apiKey(t, ['transactions:write', 'members:write']);
      expect(errorCode(await adjust({ memberId: m.id, points: 100 }, { apiKey: writer }))).toBe('FORBIDDEN');
      expect((await member(m.id)).pointsBalance).toBe(0);
      const ok = await adjust({ memberId: m.id, points: 100 }, { token: service });
      expect(ok.data.adjustPoints.balanceAfter).toBe(100);
    });
  });

  describe('pointsEntries', () => {
    it('filters by member, type and createdFrom, and sorts', async () => {
      const m = await createMember(t);
      const other = await createMember(t);
      await earn(m.id, 1_000_00);
      await earn(other.id, 100_00);
      await adjust({ memberId: m.id, points: 500 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const from = new Date();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await redeem({ memberId: m.id, points: 200 });
      await adjust({ memberId: m.id, points: -100 });

      const all = await entries({ memberId: m.id });
      expect(all.total).toBe(4);
      expect(all.items.every((e) => e.memberId === m.id)).toBe(true);
      expect(all.items.map((e) => e.type)).toEqual(['EARN', 'ADJUST', 'REDEEM', 'ADJUST']);
      expect(all.items.map((e) => e.balanceAfter)).toEqual([1000, 1500, 1300, 1200]);

      const adjustments = await entries({ memberId: m.id, type: 'ADJUST' });
      expect(adjustments.items.map((e) => e.points)).toEqual([500, -100]);

      const recent = await entries({ memberId: m.id, createdFrom: from.toISOString() });
      expect(recent.items.map((e) => e.type)).toEqual(['REDEEM', 'ADJUST']);
      const early = await entries({ memberId: m.id, createdTo: from.toISOString() });
      expect(early.items.map((e) => e.type)).toEqual(['EARN', 'ADJUST']);

      const byPointsAsc = await entries({ memberId: m.id }, [{ field: 'POINTS', order: 'ASC' }]);
      expect(byPointsAsc.items.map((e) => e.points)).toEqual([-200, -100, 500, 1000]);
      const newestFirst = await entries({ memberId: m.id }, [{ field: 'CREATED_AT', order: 'DESC' }]);
      expect(newestFirst.items.map((e) => e.id)).toEqual([...all.items].reverse().map((e) => e.id));

      const page = (
        await t.ok(
          POINTS_ENTRIES,
          {
            filter: { memberId: m.id },
            sort: [{ field: 'CREATED_AT', order: 'ASC' }],
            page: { page: 2, perPage: 3 },
          },
          admin(),
        )
      ).pointsEntries;
      expect(page.total).toBe(4);
      expect(page.items.map((e: Entry) => e.id)).toEqual([all.items[3].id]);
    });

    it('shows store staff their store’s entries, and any one member’s entries when asked for', async () => {
      const storeA = await t.staffToken('STORE_STAFF', dealerA);
      const own = await createMember(t, { homeDealershipId: dealerA });
      const foreign = await createMember(t, { homeDealershipId: dealerB });
      await earn(own.id, 100_00, new Date(), dealerB);
      await earn(foreign.id, 100_00, new Date(), dealerB);
      const seen = (await t.ok(POINTS_ENTRIES, { page: { perPage: 1000 } }, { token: storeA })).pointsEntries;
      const memberIds = seen.items.map((e: Entry) => e.memberId);
      expect(memberIds).toContain(own.id);
      expect(memberIds).not.toContain(foreign.id);
      const asked = (await t.ok(POINTS_ENTRIES, { filter: { memberId: foreign.id } }, { token: storeA }))
        .pointsEntries;
      expect(asked.total).toBe(1);
    });
  });

  describe('lots: FIFO and expiry', () => {
    it('shows the points of a lot expiring within 30 days as expiringPoints', async () => {
      const m = await createMember(t);
      const oldAt = middleOfMonth(-24); // expires at the end of this month (Shanghai)
      const newerAt = middleOfMonth(-22); // expires at the end of the month after next
      await earn(m.id, 400_00, oldAt);
      await earn(m.id, 300_00, newerAt);
      const oldExpiry = endOfShanghaiMonth(oldAt, 24);
      const [oldEntry, newerEntry] = (await entries({ memberId: m.id, type: 'EARN' })).items;
      expect(new Date(oldEntry.expiresAt!).toISOString()).toBe(oldExpiry.toISOString());
      expect(new Date(newerEntry.expiresAt!).toISOString()).toBe(
        endOfShanghaiMonth(newerAt, 24).toISOString(),
      );

      // The end of this month is at most 31 days away: within 30 days on all but a few hours a year.
      const withinThirty = oldExpiry.getTime() <= Date.now() + 30 * DAY;
      expect((await member(m.id)).expiringPoints).toBe(withinThirty ? 400 : 0);
      // Redemption draws the oldest lot first, so fewer points are about to expire.
      await redeem({ memberId: m.id, points: 150 });
      expect((await member(m.id)).expiringPoints).toBe(withinThirty ? 250 : 0);
      await redeem({ memberId: m.id, points: 300 });
      expect((await member(m.id)).expiringPoints).toBe(0);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 250, entries: 4 });
    });

    it('expires exactly what is left of the old lot after FIFO redemption, once', async () => {
      const m = await createMember(t);
      const oldAt = middleOfMonth(-23);
      const newAt = middleOfMonth(-1);
      await earn(m.id, 1_000_00, oldAt);
      await earn(m.id, 500_00, newAt);
      expect((await member(m.id)).pointsBalance).toBe(1500);
      await redeem({ memberId: m.id, points: 300 });

      const oldExpiry = endOfShanghaiMonth(oldAt, 24);
      const newExpiry = endOfShanghaiMonth(newAt, 24);
      expect(oldExpiry.getTime()).toBeGreaterThan(Date.now());

      // The day before the old lot's expiry: nothing of this member's expires.
      await runJob('POINTS_EXPIRY', new Date(oldExpiry.getTime() - DAY));
      expect((await entries({ memberId: m.id, type: 'EXPIRE' })).total).toBe(0);

      const asOf = new Date(oldExpiry.getTime() + 3_600_000);
      await runJob('POINTS_EXPIRY', asOf);
      const expired = (await entries({ memberId: m.id, type: 'EXPIRE' })).items;
      expect(expired).toHaveLength(1);
      expect(expired[0]).toMatchObject({
        points: -700,
        balanceAfter: 500,
        sourceType: 'POINTS_LOT',
        operatorId: null,
      });
      expect((await member(m.id)).pointsBalance).toBe(500);

      // Again, and later (before the new lot's expiry): nothing more.
      expect(await runJob('POINTS_EXPIRY', asOf)).toMatchObject({ affected: 0 });
      await runJob('POINTS_EXPIRY', new Date(newExpiry.getTime() - DAY));
      expect((await entries({ memberId: m.id, type: 'EXPIRE' })).total).toBe(1);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 500, entries: 4 });

      // The new lot, partly redeemed, expires in its turn.
      await redeem({ memberId: m.id, points: 100 });
      await runJob('POINTS_EXPIRY', new Date(newExpiry.getTime() + 1));
      const later = (await entries({ memberId: m.id, type: 'EXPIRE' })).items;
      expect(later.map((e) => e.points)).toEqual([-700, -400]);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 0, entries: 6 });
      expect(await member(m.id)).toMatchObject({ pointsBalance: 0, lifetimePoints: 1500, expiringPoints: 0 });
    });

    it('claws a reversal back from the reversed transaction’s own lot, not the oldest', async () => {
      const m = await createMember(t);
      const oldAt = middleOfMonth(-23);
      await earn(m.id, 1_000_00, oldAt);
      const recent = await earn(m.id, 400_00);
      await t.ok(REVERSE_TRANSACTION, { input: { transactionId: recent.id, reason: '退单冲销' } }, admin());
      expect((await member(m.id)).pointsBalance).toBe(1000);
      // The old lot is whole: all of it expires.
      await runJob('POINTS_EXPIRY', new Date(endOfShanghaiMonth(oldAt, 24).getTime() + 1));
      expect((await entries({ memberId: m.id, type: 'EXPIRE' })).items.map((e) => e.points)).toEqual([-1000]);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 0, entries: 4 });
    });

    it('expires a fully redeemed lot without a ledger entry', async () => {
      const m = await createMember(t);
      const oldAt = middleOfMonth(-23);
      await earn(m.id, 200_00, oldAt);
      await earn(m.id, 100_00);
      await redeem({ memberId: m.id, points: 200 });
      await runJob('POINTS_EXPIRY', new Date(endOfShanghaiMonth(oldAt, 24).getTime() + 1));
      expect((await entries({ memberId: m.id, type: 'EXPIRE' })).total).toBe(0);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 100, entries: 3 });
    });
  });

  describe('concurrency', () => {
    it('lets exactly 3 of 10 parallel redemptions of 300 through against a balance of 1000', async () => {
      const m = await createMember(t);
      await earn(m.id, 1_000_00);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          redeem({ memberId: m.id, points: 300, idempotencyKey: key(`parallel-${i}`) }),
        ),
      );
      const succeeded = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(succeeded).toHaveLength(3);
      expect(refused.map(errorCode)).toEqual(Array(7).fill('INSUFFICIENT_POINTS'));
      expect(succeeded.map((r) => r.data.redeemPoints.balanceAfter).sort((a, b) => b - a)).toEqual([
        700, 400, 100,
      ]);
      expect((await member(m.id)).pointsBalance).toBe(100);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 100, entries: 4 });
    });

    it('debits once for 5 parallel replays of the same key', async () => {
      const m = await createMember(t);
      await earn(m.id, 1_000_00);
      const input = { memberId: m.id, points: 300, idempotencyKey: key('same') };
      const results = await Promise.all(Array.from({ length: 5 }, () => redeem(input)));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data.redeemPoints.id)).size).toBe(1);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 700, entries: 2 });
    });

    it('answers parallel replays with the first result even when a second debit would not fit', async () => {
      const m = await createMember(t);
      await earn(m.id, 1_000_00);
      const input = { memberId: m.id, points: 600, idempotencyKey: key('same-large') };
      const results = await Promise.all(Array.from({ length: 5 }, () => redeem(input)));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data?.redeemPoints?.id)).size).toBe(1);
      expect(await expectLedgerMatches(m.id)).toEqual({ balance: 400, entries: 2 });
    });

    it('keeps the ledger whole under parallel earning, redeeming and adjusting', async () => {
      const m = await createMember(t);
      await earn(m.id, 1_000_00);
      const work = [
        ...Array.from({ length: 4 }, () => earn(m.id, 100_00).then(() => null)),
        ...Array.from({ length: 6 }, () => redeem({ memberId: m.id, points: 250 })),
        ...Array.from({ length: 3 }, () => adjust({ memberId: m.id, points: 50 })),
      ];
      const results = await Promise.all(work);
      const failures = results.filter((r): r is GqlResult => !!r && !!r.errors);
      for (const f of failures) expect(errorCode(f)).toBe('INSUFFICIENT_POINTS');
      const redeemed = results.filter((r) => r && !r.errors && r.data.redeemPoints).length;
      const { balance } = await expectLedgerMatches(m.id);
      expect(balance).toBe(1000 + 400 + 150 - 250 * redeemed);
      expect(balance).toBeGreaterThanOrEqual(0);
    });
  });
});
