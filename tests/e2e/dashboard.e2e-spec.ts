/**
 * The KPI dashboard over a small prepared history across two dealerships, every figure checked
 * against a hand-computed expectation: for the group, for each dealership, and at an earlier
 * instant (tiers from the tier-change history, an erasure not yet made). Also who may read which
 * dealership, the validation of the period, and that the number of SQL statements does not grow
 * with the number of members.
 *
 * Members, transactions, points, cards, tiers and events go through the API (backdated where
 * needed with direct updates); complaints, follow-up calls and segments are written directly, as
 * their services and the segmentation job would leave them.
 */
import { dialectOf } from '../../backend/src/common/database';
import { newId } from '../../backend/src/common/entity';
import {
  ADJUST_POINTS,
  CHECK_IN_PARTICIPANT,
  CONSUME_CARD,
  CREATE_ACTIVITY,
  CREATE_CARD,
  DASHBOARD,
  ERASE_MEMBER,
  PUBLISH_ACTIVITY,
  RECHARGE_CARD,
  REDEEM_POINTS,
  REGISTER_FOR_ACTIVITY,
  REVERSE_TRANSACTION,
  RUN_JOB,
  SET_MEMBER_TIER,
} from './support/contract';
import { countStatements, createDealership, createMember, recordTransaction } from './support/fixtures';
import { Credentials, errorCode, startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR; // Asia/Shanghai has no DST

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An instant strictly between what happened before and what happens after the call. */
async function instant(): Promise<Date> {
  await sleep(25);
  const at = new Date();
  await sleep(25);
  return at;
}
/** The calendar day of an instant in Asia/Shanghai. */
const shanghaiDate = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);
/** A stored datetime as an instant: mysql2 gives a Date, SQLite the UTC text 'YYYY-MM-DD HH:MM:SS.SSS'. */
const asInstant = (value: unknown) =>
  value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);

interface Dashboard {
  totalMembers: number;
  newMembers: number;
  memberGrowthRate: number;
  activeMembers30d: number;
  activeRate: number;
  highValueRatio: number;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
  activityParticipationRate: number;
  complaintCount: number;
  complaintResolutionRate: number;
  avgHoursToResolve: number | null;
  overdueComplaints: number;
  followUpCompletionRate: number;
  avgSatisfaction: number | null;
  storedValueBalance: number;
  tierDistribution: { tierId: string; tier: { code: string }; count: number }[];
  newMembersByDay: { date: string; count: number }[];
  segments: { segment: string; count: number }[];
}

const TIER_CODES = ['REGULAR', 'SILVER', 'GOLD', 'PLATINUM'];
const SEGMENT_ORDER = ['NEW', 'CHAMPION', 'LOYAL', 'POTENTIAL', 'AT_RISK', 'DORMANT'];

describe('KPI dashboard', () => {
  let t: TestApp;
  let A: string;
  let B: string;
  let tiers: Record<string, string>;
  let seq = 0;
  const key = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${seq++}`;
  const admin = (): Credentials => ({ token: t.adminToken });
  const at = (instant: Date) => dialectOf(t.dataSource).dateTime(instant);

  /** The period of the dashboard: 40 days ending an hour from the start of the test (so everything recorded "now" is inside it). */
  let T: Date;
  let F: Date;
  /** After the members were prepared and one tier change, before the other tier changes and the erasure. */
  let T0: Date;
  const m: Record<string, string> = {};
  let b2CreatedAt: Date;

  const dashboard = async (
    filter: { from: Date; to: Date; dealershipId?: string },
    who: Credentials = admin(),
  ) =>
    (
      await t.ok(
        DASHBOARD,
        { filter: { ...filter, from: filter.from.toISOString(), to: filter.to.toISOString() } },
        who,
      )
    ).dashboard as Dashboard;
  const period = (dealershipId?: string) => ({ from: F, to: T, ...(dealershipId ? { dealershipId } : {}) });

  /** The tier lines in rank order, as the dashboard lists them. */
  const tierLines = (counts: Record<string, number>) =>
    TIER_CODES.map((code) => ({ tierId: tiers[code], tier: { code }, count: counts[code] ?? 0 }));
  const segmentLines = (counts: Record<string, number>) =>
    SEGMENT_ORDER.map((segment) => ({ segment, count: counts[segment] ?? 0 }));
  /** Every Shanghai day of [from, to) with the given counts, zero elsewhere. */
  const dayLines = (from: Date, to: Date, counts: Record<string, number>) => {
    const days: { date: string; count: number }[] = [];
    const last = shanghaiDate(new Date(to.getTime() - 1));
    for (
      let day = shanghaiDate(from);
      day <= last;
      day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
    ) {
      days.push({ date: day, count: counts[day] ?? 0 });
    }
    return days;
  };

  const setCreatedAt = (memberId: string, createdAt: Date) =>
    t.dataSource.query('UPDATE `member` SET `createdAt` = ? WHERE `id` = ?', [at(createdAt), memberId]);

  const insertComplaint = (row: {
    dealershipId: string | null;
    memberId?: string;
    status: string;
    priority?: string;
    createdAt: Date;
    acknowledgeDueAt?: Date;
    resolveDueAt?: Date;
    acknowledgedAt?: Date | null;
    resolvedAt?: Date | null;
    closedAt?: Date | null;
    satisfaction?: number | null;
  }) =>
    t.dataSource.query(
      'INSERT INTO `complaint` (`id`, `ticketNo`, `memberId`, `dealershipId`, `category`, `priority`, `channel`, `status`, `subject`, ' +
        '`acknowledgeDueAt`, `resolveDueAt`, `acknowledgedAt`, `resolvedAt`, `closedAt`, `satisfaction`, `escalationLevel`, `createdAt`, `updatedAt`) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        newId(),
        key('TS').slice(0, 24),
        row.memberId ?? null,
        row.dealershipId,
        'LONG_WAIT',
        row.priority ?? 'NORMAL',
        'PHONE',
        row.status,
        '等待过长',
        at(row.acknowledgeDueAt ?? new Date(row.createdAt.getTime() + 30 * 60_000)),
        at(row.resolveDueAt ?? new Date(row.createdAt.getTime() + 48 * HOUR)),
        row.acknowledgedAt ? at(row.acknowledgedAt) : null,
        row.resolvedAt ? at(row.resolvedAt) : null,
        row.closedAt ? at(row.closedAt) : null,
        row.satisfaction ?? null,
        0,
        at(row.createdAt),
        at(row.createdAt),
      ],
    );

  const insertFollowUp = (row: {
    dealershipId: string | null;
    memberId: string;
    status: string;
    dueAt: Date;
    completedAt?: Date | null;
    satisfaction?: number | null;
    attempts?: number;
  }) =>
    t.dataSource.query(
      'INSERT INTO `follow_up` (`id`, `kind`, `status`, `memberId`, `dealershipId`, `sourceKey`, `dueAt`, `attempts`, `satisfaction`, `completedAt`, `createdAt`, `updatedAt`) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        newId(),
        'POST_SERVICE',
        row.status,
        row.memberId,
        row.dealershipId,
        key('POST_SERVICE:test'),
        at(row.dueAt),
        row.attempts ?? (row.status === 'UNREACHABLE' ? 3 : row.status === 'DONE' ? 1 : 0),
        row.satisfaction ?? null,
        row.completedAt ? at(row.completedAt) : null,
        at(new Date(row.dueAt.getTime() - 3 * DAY)),
        at(new Date(row.dueAt.getTime() - 3 * DAY)),
      ],
    );

  const setTier = (memberId: string, code: string) =>
    t.ok(
      SET_MEMBER_TIER,
      { input: { memberId, tierId: tiers[code], reason: `看板测试设为${code}` } },
      admin(),
    );

  beforeAll(async () => {
    t = await startTestApp();
    const start = new Date();
    T = new Date(start.getTime() + HOUR);
    F = new Date(T.getTime() - 40 * DAY);
    A = await createDealership(t);
    B = await createDealership(t);
    tiers = Object.fromEntries(
      ((await t.dataSource.query('SELECT `id`, `code` FROM `tier`')) as { id: string; code: string }[]).map(
        (r) => [r.code, r.id],
      ),
    );
    expect(Object.keys(tiers).sort()).toEqual([...TIER_CODES].sort());

    // Members. Home A: a1..a5; home B: b1..b5.
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5'])
      m[name] = (await createMember(t, { name, homeDealershipId: A })).id;
    for (const name of ['b1', 'b2', 'b3', 'b4', 'b5'])
      m[name] = (await createMember(t, { name, homeDealershipId: B })).id;
    await setCreatedAt(m.a1, new Date(T.getTime() - 100 * DAY)); // before the period
    await setCreatedAt(m.a2, new Date(T.getTime() - 100 * DAY)); // before the period
    await setCreatedAt(m.a3, new Date(T.getTime() - 5 * DAY)); // new
    await setCreatedAt(m.a4, F); // new: `from` is inclusive
    await setCreatedAt(m.b1, new Date(T.getTime() - 200 * DAY)); // before the period
    await setCreatedAt(m.b4, new Date(T.getTime() - 50 * DAY)); // before the period
    await setCreatedAt(m.b5, T); // `to` is exclusive: never counted here
    // b2 and a5 keep their creation now (new); b3 is an unconfirmed online registration.
    await t.dataSource.query('UPDATE `member` SET `status` = ?, `channel` = ? WHERE `id` = ?', [
      'PENDING_ACTIVATION',
      'APP',
      m.b3,
    ]);
    b2CreatedAt = asInstant(
      (await t.dataSource.query('SELECT `createdAt` FROM `member` WHERE `id` = ?', [m.b2]))[0].createdAt,
    );

    // Transactions (maintenance, 1 point per ¥1 at the entry tier).
    const tx = (memberId: string, dealershipId: string, amount: number, occurredAt: Date) =>
      recordTransaction(t, {
        memberId,
        dealershipId,
        type: 'MAINTENANCE',
        amount,
        occurredAt: occurredAt.toISOString(),
      });
    expect((await tx(m.a1, A, 300_00, new Date(T.getTime() - 30 * DAY))).pointsEarned).toBe(300); // active: the window's first instant
    expect((await tx(m.a2, B, 200_00, new Date(T.getTime() - 30 * DAY - 1000))).pointsEarned).toBe(200); // just before the window
    expect((await tx(m.b1, B, 500_00, new Date(T.getTime() - 2 * DAY))).pointsEarned).toBe(500); // active
    expect((await tx(m.a4, A, 80_00, new Date(T.getTime() - DAY))).pointsEarned).toBe(80); // active
    const reversed = await tx(m.b4, B, 100_00, new Date(T.getTime() - 5 * DAY));
    expect(reversed.pointsEarned).toBe(100);
    await t.ok(REVERSE_TRANSACTION, { input: { transactionId: reversed.id, reason: '录入错误' } }, admin()); // not active
    // A lot earned 26 months ago is already past the end of its 24th month.
    expect((await tx(m.b4, B, 150_00, new Date(T.getTime() - 790 * DAY))).pointsEarned).toBe(150);
    // A walk-in sale changes no member figure.
    await recordTransaction(t, {
      dealershipId: A,
      amount: 999_00,
      occurredAt: new Date(T.getTime() - 3 * DAY).toISOString(),
    });

    // Points: a bonus and a deduction by staff, two redemptions, the expiry job.
    await t.ok(
      ADJUST_POINTS,
      { input: { memberId: m.a2, points: 50, reason: '补偿', idempotencyKey: key('adj') } },
      admin(),
    );
    await t.ok(
      ADJUST_POINTS,
      { input: { memberId: m.a1, points: -20, reason: '更正', idempotencyKey: key('adj') } },
      admin(),
    );
    await t.ok(
      REDEEM_POINTS,
      { input: { memberId: m.b1, points: 100, reason: '抵扣', dealershipId: A, idempotencyKey: key('rd') } },
      admin(),
    );
    await t.ok(
      REDEEM_POINTS,
      { input: { memberId: m.a1, points: 30, reason: '抵扣', dealershipId: A, idempotencyKey: key('rd') } },
      admin(),
    );
    const expiry = (
      await t.ok(RUN_JOB, { input: { job: 'POINTS_EXPIRY', asOf: new Date().toISOString() } }, admin())
    ).runJob;
    expect(expiry).toMatchObject({ status: 'SUCCEEDED', affected: 1 });

    // Stored value: ¥1,000 + ¥100 on a card A issued; ¥500 on a card B issued, ¥200 of it spent at A.
    const card = async (memberId: string, dealershipId: string) =>
      (await t.ok(CREATE_CARD, { input: { memberId, type: 'STORED_VALUE', dealershipId } }, admin()))
        .createCard.id as string;
    const cardA = await card(m.a1, A);
    await t.ok(
      RECHARGE_CARD,
      {
        input: {
          cardId: cardA,
          dealershipId: A,
          amount: 1_000_00,
          bonusAmount: 100_00,
          paymentMethod: 'MOBILE_PAY',
          idempotencyKey: key('rc'),
        },
      },
      admin(),
    );
    const cardB = await card(m.b1, B);
    await t.ok(
      RECHARGE_CARD,
      {
        input: {
          cardId: cardB,
          dealershipId: B,
          amount: 500_00,
          paymentMethod: 'CASH',
          idempotencyKey: key('rc'),
        },
      },
      admin(),
    );
    await t.ok(
      CONSUME_CARD,
      { input: { cardId: cardB, dealershipId: A, amount: 200_00, idempotencyKey: key('co') } },
      admin(),
    );

    // Events: one starting an hour ago (in the period), one starting after `to`.
    const event = async (startsAt: Date, endsAt: Date) => {
      const created = (
        await t.ok(
          CREATE_ACTIVITY,
          {
            input: {
              name: key('车主活动'),
              type: 'EVENT',
              rewardPoints: 0,
              capacity: 20,
              startsAt: startsAt.toISOString(),
              endsAt: endsAt.toISOString(),
            },
          },
          admin(),
        )
      ).createActivity;
      await t.ok(PUBLISH_ACTIVITY, { id: created.id }, admin());
      return created.id as string;
    };
    const inPeriod = await event(new Date(Date.now() - HOUR), new Date(Date.now() + 2 * HOUR));
    const later = await event(new Date(T.getTime() + DAY), new Date(T.getTime() + DAY + 4 * HOUR));
    const signUp = async (activityId: string, memberId: string) =>
      (await t.ok(REGISTER_FOR_ACTIVITY, { input: { activityId, memberId } }, admin())).registerForActivity
        .id as string;
    const participations: Record<string, string> = {};
    for (const name of ['a1', 'a2', 'a3', 'b1', 'b2']) participations[name] = await signUp(inPeriod, m[name]);
    await signUp(later, m.a4);
    for (const name of ['a1', 'b1'])
      await t.ok(CHECK_IN_PARTICIPANT, { input: { participationId: participations[name] } }, admin());

    // A tier change before T0, the others after it.
    await setTier(m.b4, 'SILVER');
    T0 = await instant();
    await setTier(m.a1, 'SILVER');
    await setTier(m.b1, 'GOLD');
    await setTier(m.a2, 'SILVER');
    await setTier(m.a2, 'REGULAR');
    await setTier(m.a5, 'PLATINUM');
    await t.ok(ERASE_MEMBER, { input: { memberId: m.a5, reason: '用户要求删除个人信息' } }, admin());

    // Segments as the nightly job would leave them (cleared first: other code may set some at joining).
    await t.dataSource.query('UPDATE `member` SET `segment` = NULL');
    const segment = (name: string, value: string) =>
      t.dataSource.query('UPDATE `member` SET `segment` = ? WHERE `id` = ?', [value, m[name]]);
    await segment('a1', 'CHAMPION');
    await segment('a2', 'DORMANT');
    await segment('a3', 'NEW');
    await segment('b1', 'LOYAL');
    await segment('b4', 'AT_RISK');
    await segment('a5', 'CHAMPION'); // erased: not counted
    await segment('b3', 'POTENTIAL'); // pending: not counted

    // Complaints ("now" is about an hour before T).
    const now = Date.now();
    await insertComplaint({
      dealershipId: A,
      status: 'RESOLVED',
      createdAt: new Date(T.getTime() - 10 * DAY),
      resolvedAt: new Date(T.getTime() - 10 * DAY + 12 * HOUR),
    }); // c1
    await insertComplaint({
      dealershipId: A,
      status: 'CLOSED',
      createdAt: new Date(T.getTime() - 5 * DAY),
      resolvedAt: new Date(T.getTime() - 5 * DAY + 30 * HOUR),
      closedAt: new Date(T.getTime() - 5 * DAY + 40 * HOUR),
      satisfaction: 4,
    }); // c2
    await insertComplaint({
      dealershipId: B,
      status: 'IN_PROGRESS',
      createdAt: new Date(T.getTime() - 3 * DAY),
    }); // c3: past its resolve-by
    await insertComplaint({ dealershipId: B, status: 'OPEN', createdAt: new Date(now - 10 * 60_000) }); // c4: within both SLAs
    await insertComplaint({ dealershipId: A, status: 'OPEN', createdAt: new Date(now - 2 * HOUR) }); // c5: not acknowledged in time
    await insertComplaint({
      dealershipId: A,
      status: 'ACKNOWLEDGED',
      createdAt: new Date(F.getTime() - DAY),
      acknowledgedAt: new Date(F.getTime() - DAY + 60_000),
    }); // c6: before the period, overdue
    await insertComplaint({
      dealershipId: B,
      status: 'CLOSED',
      createdAt: new Date(F.getTime() - 2 * DAY),
      resolvedAt: new Date(F.getTime() - DAY),
      closedAt: new Date(F.getTime() + DAY),
      satisfaction: 2,
    }); // c7: before the period, closed in it
    await insertComplaint({
      dealershipId: null,
      status: 'RESOLVED',
      createdAt: new Date(T.getTime() - DAY - 2 * HOUR),
      resolvedAt: new Date(T.getTime() - DAY + 4 * HOUR),
    }); // c9: no dealership

    // Follow-up calls: whatever other code generated is cleared, so the calls are exactly these.
    await t.dataSource.query('DELETE FROM `follow_up`');
    await insertFollowUp({
      dealershipId: A,
      memberId: m.a1,
      status: 'DONE',
      dueAt: new Date(T.getTime() - 5 * DAY),
      completedAt: new Date(T.getTime() - 5 * DAY + HOUR),
      satisfaction: 5,
    }); // f1
    await insertFollowUp({
      dealershipId: A,
      memberId: m.a2,
      status: 'DONE',
      dueAt: new Date(T.getTime() - 3 * DAY),
      completedAt: new Date(T.getTime() - 4 * DAY),
    }); // f2
    await insertFollowUp({
      dealershipId: A,
      memberId: m.a3,
      status: 'UNREACHABLE',
      dueAt: new Date(T.getTime() - 2 * DAY),
    }); // f3
    await insertFollowUp({
      dealershipId: A,
      memberId: m.a4,
      status: 'PENDING',
      dueAt: new Date(T.getTime() - DAY),
    }); // f4: late
    await insertFollowUp({
      dealershipId: A,
      memberId: m.a4,
      status: 'PENDING',
      dueAt: new Date(T.getTime() - 30 * 60_000),
    }); // f5: not yet due
    await insertFollowUp({
      dealershipId: B,
      memberId: m.b1,
      status: 'DONE',
      dueAt: new Date(T.getTime() - DAY),
      completedAt: new Date(T.getTime() - DAY + 2 * HOUR),
      satisfaction: 3,
    }); // f6
    await insertFollowUp({
      dealershipId: B,
      memberId: m.b2,
      status: 'CANCELLED',
      dueAt: new Date(T.getTime() - 2 * DAY),
    }); // f7
    await insertFollowUp({
      dealershipId: B,
      memberId: m.b4,
      status: 'DONE',
      dueAt: new Date(F.getTime() - DAY),
      completedAt: new Date(F.getTime() + HOUR),
      satisfaction: 1,
    }); // f8: due before, done in the period
    await insertFollowUp({
      dealershipId: B,
      memberId: m.b4,
      status: 'DONE',
      dueAt: new Date(F.getTime() - 2 * DAY),
      completedAt: new Date(F.getTime() - HOUR),
      satisfaction: 5,
    }); // f10: before the period
  });
  afterAll(() => t?.close());

  /*
   * Hand-computed figures for [F, T).
   * Counted at T: a1 a2 a3 a4 (A), b1 b2 b4 (B) = 7 (a5 erased, b3 pending, b5 created at T).
   * Counted at F: a1 a2 (A), b1 b4 (B) = 4. New: a3 a4 (A), b2 (B) = 3.
   * Active (paid, posted, occurred in [T − 30 d, T)): a1 a4 (A), b1 (B); a2 is a second early, b4's was reversed.
   * Tiers at T: a1 SILVER, b1 GOLD, b4 SILVER, the rest REGULAR (a2 went back; a5 is erased).
   * Points issued: EARN 300 + 200 + 500 + 80 + 100 + 150 and ADJUST +50 = 1,380 (A: a1 300, a2 250, a4 80 = 630;
   *   B: b1 500, b4 250 = 750); the −20 adjustment and the −100 reversal are not issuance.
   * Redeemed: b1 100 (B), a1 30 (A). Expired: b4's 150-point lot (B).
   * Events starting in the period: sign-ups a1 a2 a3 b1 b2, checked in a1 b1 → 2/5 (A 1/3, B 1/2).
   * Complaints created in the period: c1 c2 c5 (A), c3 c4 (B), c9 (none) = 6; settled c1 c2 c9;
   *   hours 12, 30, 6 → 16 (A: 21). Overdue now: c5 c6 (A), c3 (B).
   * Follow-ups due in the period: f1 f2 DONE, f3 UNREACHABLE, f4 late (A); f6 DONE (B); f5 not yet due, f7 cancelled.
   * Satisfaction given in the period: f1 5, c2 4 (A); f6 3, f8 1, c7 2 (B) → 15/5 = 3.
   * Stored value at T: A issued 110,000 fen; B issued 50,000 − 20,000 = 30,000.
   */
  const groupDays = () => ({
    [shanghaiDate(F)]: 1,
    [shanghaiDate(new Date(T.getTime() - 5 * DAY))]: 1,
    [shanghaiDate(b2CreatedAt)]: 1,
  });

  it('computes every figure for the group', async () => {
    const d = await dashboard(period());
    expect(d).toEqual({
      totalMembers: 7,
      newMembers: 3,
      memberGrowthRate: 3 / 4,
      activeMembers30d: 3,
      activeRate: 3 / 7,
      highValueRatio: 3 / 7,
      pointsIssued: 1380,
      pointsRedeemed: 130,
      pointsExpired: 150,
      activityParticipationRate: 2 / 5,
      complaintCount: 6,
      complaintResolutionRate: 3 / 6,
      avgHoursToResolve: 16,
      overdueComplaints: 3,
      followUpCompletionRate: 3 / 5,
      avgSatisfaction: 3,
      storedValueBalance: 140_000,
      tierDistribution: tierLines({ REGULAR: 4, SILVER: 2, GOLD: 1 }),
      newMembersByDay: dayLines(F, T, groupDays()),
      segments: segmentLines({ NEW: 1, CHAMPION: 1, LOYAL: 1, AT_RISK: 1, DORMANT: 1 }),
    });
    expect(d.newMembersByDay.reduce((sum, day) => sum + day.count, 0)).toBe(d.newMembers);
    expect(d.newMembersByDay.length).toBeGreaterThanOrEqual(40);
    expect(d.newMembersByDay.length).toBeLessThanOrEqual(41);
  });

  it('computes every figure for one dealership: members by home, complaints and calls by their store, stored value by issuer', async () => {
    expect(await dashboard(period(A))).toEqual({
      totalMembers: 4,
      newMembers: 2,
      memberGrowthRate: 2 / 2,
      activeMembers30d: 2,
      activeRate: 2 / 4,
      highValueRatio: 1 / 4,
      pointsIssued: 630,
      pointsRedeemed: 30,
      pointsExpired: 0,
      activityParticipationRate: 1 / 3,
      complaintCount: 3,
      complaintResolutionRate: 2 / 3,
      avgHoursToResolve: 21,
      overdueComplaints: 2,
      followUpCompletionRate: 2 / 4,
      avgSatisfaction: 9 / 2,
      storedValueBalance: 110_000,
      tierDistribution: tierLines({ REGULAR: 3, SILVER: 1 }),
      newMembersByDay: dayLines(F, T, {
        [shanghaiDate(F)]: 1,
        [shanghaiDate(new Date(T.getTime() - 5 * DAY))]: 1,
      }),
      segments: segmentLines({ NEW: 1, CHAMPION: 1, DORMANT: 1 }),
    });
    expect(await dashboard(period(B))).toEqual({
      totalMembers: 3,
      newMembers: 1,
      memberGrowthRate: 1 / 2,
      activeMembers30d: 1,
      activeRate: 1 / 3,
      highValueRatio: 2 / 3,
      pointsIssued: 750,
      pointsRedeemed: 100,
      pointsExpired: 150,
      activityParticipationRate: 1 / 2,
      complaintCount: 2,
      complaintResolutionRate: 0,
      avgHoursToResolve: null,
      overdueComplaints: 1,
      followUpCompletionRate: 1,
      avgSatisfaction: 6 / 3,
      storedValueBalance: 30_000,
      tierDistribution: tierLines({ REGULAR: 1, SILVER: 1, GOLD: 1 }),
      newMembersByDay: dayLines(F, T, { [shanghaiDate(b2CreatedAt)]: 1 }),
      segments: segmentLines({ LOYAL: 1, AT_RISK: 1 }),
    });
  });

  it('counts members and their tiers as they were at an earlier `to`', async () => {
    // At T0: a5 not yet erased, only b4's tier change made; the same points, since the entries are older.
    const group = await dashboard({ from: F, to: T0 });
    expect(group).toMatchObject({
      totalMembers: 8,
      newMembers: 4,
      memberGrowthRate: 4 / 4,
      highValueRatio: 1 / 8,
      pointsIssued: 1380,
      tierDistribution: tierLines({ REGULAR: 7, SILVER: 1 }),
      segments: segmentLines({ NEW: 1, CHAMPION: 2, LOYAL: 1, AT_RISK: 1, DORMANT: 1 }),
    });
    expect(await dashboard({ from: F, to: T0, dealershipId: A })).toMatchObject({
      totalMembers: 5,
      highValueRatio: 0,
      tierDistribution: tierLines({ REGULAR: 5 }),
    });
    // Zero rates and null means where nothing happened; every day, tier and segment still listed.
    // An early period: only b1 (created 200 days before T) existed, with none before it.
    const early = { from: new Date(T.getTime() - 260 * DAY), to: new Date(T.getTime() - 160 * DAY) };
    const empty = await dashboard({ ...early, dealershipId: B });
    expect(empty).toMatchObject({
      totalMembers: 1,
      newMembers: 1,
      memberGrowthRate: 0,
      activeMembers30d: 0,
      activeRate: 0,
      pointsIssued: 0,
      activityParticipationRate: 0,
      complaintCount: 0,
      complaintResolutionRate: 0,
      avgHoursToResolve: null,
      followUpCompletionRate: 0,
      avgSatisfaction: null,
      storedValueBalance: 0,
      tierDistribution: tierLines({ REGULAR: 1 }),
    });
    expect(empty.newMembersByDay).toEqual(
      dayLines(early.from, early.to, { [shanghaiDate(new Date(T.getTime() - 200 * DAY))]: 1 }),
    );
    expect(empty.newMembersByDay).toHaveLength(101); // 100 days from a time of day other than midnight touch 101 dates
    expect(empty.segments.map((s) => s.segment)).toEqual(SEGMENT_ORDER);
  });

  it('lets group-wide roles read any dealership and keeps store staff to their own', async () => {
    const group = await dashboard(period());
    const ofA = await dashboard(period(A));
    for (const role of ['MARKETING', 'FINANCE', 'CUSTOMER_SERVICE']) {
      const who = { token: await t.staffToken(role) };
      expect(await dashboard(period(), who)).toEqual(group);
      expect(await dashboard(period(A), who)).toEqual(ofA);
    }
    const storeA = { token: await t.staffToken('STORE_STAFF', A) };
    expect(await dashboard(period(), storeA)).toEqual(ofA);
    expect(await dashboard(period(A), storeA)).toEqual(ofA);
    const other = await t.gql(
      DASHBOARD,
      { filter: { from: F.toISOString(), to: T.toISOString(), dealershipId: B } },
      storeA,
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
    expect(
      errorCode(await t.gql(DASHBOARD, { filter: { from: F.toISOString(), to: T.toISOString() } })),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty or reversed period, one longer than 400 days and an unknown dealership', async () => {
    const bad = async (filter: Record<string, unknown>, field: string) => {
      const result = await t.gql(DASHBOARD, { filter }, admin());
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors![0].extensions!.fields ?? {})).toEqual([field]);
    };
    await bad({ from: T.toISOString(), to: T.toISOString() }, 'filter.to');
    await bad({ from: T.toISOString(), to: F.toISOString() }, 'filter.to');
    await bad(
      { from: new Date(T.getTime() - 400 * DAY - 1).toISOString(), to: T.toISOString() },
      'filter.to',
    );
    await bad(
      { from: F.toISOString(), to: T.toISOString(), dealershipId: 'NO-SUCH-DEALERSHIP' },
      'filter.dealershipId',
    );
    const longest = await dashboard({ from: new Date(T.getTime() - 400 * DAY), to: T });
    expect(longest.newMembersByDay.length).toBeGreaterThanOrEqual(400);
    expect(longest.newMembersByDay.length).toBeLessThanOrEqual(401);
    expect(longest.totalMembers).toBe(7);
  });

  it('runs the same number of SQL statements whatever the number of members', async () => {
    const before = await countStatements(t, () => dashboard(period()));
    const beforeA = await countStatements(t, () => dashboard(period(A)));
    // 200 more members of A, inserted set-based, created in the period, some active.
    const createdAt = at(new Date(T.getTime() - 7 * DAY));
    const rows = Array.from({ length: 200 }, (_, i) => {
      const no = String(i).padStart(3, '0');
      return [
        newId(),
        `MBULK${Date.now().toString(36).slice(-6)}${no}`,
        `批量${no}`,
        `1380000${String(i).padStart(4, '0')}`,
        null,
        'ACTIVE',
        'STORE',
        A,
        tiers[i % 10 === 0 ? 'GOLD' : 'REGULAR'],
        `RB${no}${seq++}`.slice(0, 12),
        createdAt,
        createdAt,
      ];
    });
    await t.dataSource.query(
      'INSERT INTO `member` (`id`, `memberNo`, `name`, `phone`, `phoneKey`, `status`, `channel`, `homeDealershipId`, `tierId`, `referralCode`, `createdAt`, `updatedAt`) VALUES ' +
        rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
      rows.flat(),
    );
    let after: Dashboard | undefined;
    expect(await countStatements(t, async () => (after = await dashboard(period())))).toBe(before);
    expect(await countStatements(t, () => dashboard(period(A)))).toBe(beforeA);
    expect(after).toMatchObject({ totalMembers: 207, newMembers: 203, highValueRatio: (3 + 20) / 207 });
    expect(before).toBeLessThanOrEqual(20);
  });
});
