/**
 * Member segments (SEGMENTATION, nightly, runJob with asOf): prepared histories land in each of
 * NEW, CHAMPION, LOYAL, POTENTIAL, AT_RISK and DORMANT; members who turn DORMANT get one
 * DORMANT_RECALL follow-up call per dormancy spell; `members(filter: { segment })` lists them.
 */
import { dialectOf } from '../../backend/src/common/database';
import {
  ERASE_MEMBER,
  FOLLOW_UPS,
  MEMBERS,
  REVERSE_TRANSACTION,
  RUN_JOB,
  SET_MEMBER_STATUS,
} from './support/contract';
import { createDealership, createMember, recordTransaction } from './support/fixtures';
import { Credentials, startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;
const YUAN = 100;

describe('member segments', () => {
  let t: TestApp;
  let store: string;
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const admin = (): Credentials => ({ token: t.adminToken });

  const runJob = async (asOf: Date) => {
    const { runJob: run } = await t.ok(
      RUN_JOB,
      { input: { job: 'SEGMENTATION', asOf: asOf.toISOString() } },
      admin(),
    );
    expect(run).toMatchObject({
      job: 'SEGMENTATION',
      status: 'SUCCEEDED',
      asOf: asOf.toISOString(),
      error: null,
    });
    return run as { processed: number; affected: number };
  };
  /** A member of the store who joined `joinedDaysAgo` days ago (createdAt backdated in the database). */
  const member = async (name: string, joinedDaysAgo = 0) => {
    const m = await createMember(t, { name, homeDealershipId: store });
    if (joinedDaysAgo) {
      await t.dataSource.query('UPDATE `member` SET `createdAt` = ? WHERE `id` = ?', [
        dialectOf(t.dataSource).dateTime(daysAgo(joinedDaysAgo)),
        m.id,
      ]);
    }
    return m.id;
  };
  const paid = (memberId: string, days: number, yuan = 500, type = 'MAINTENANCE') =>
    recordTransaction(t, {
      memberId,
      dealershipId: store,
      type,
      amount: yuan * YUAN,
      occurredAt: daysAgo(days).toISOString(),
    }) as Promise<{ id: string }>;
  const segments = async (ids: string[]) => {
    const { members } = await t.ok(MEMBERS, { filter: { ids }, page: { perPage: 100 } }, admin());
    return Object.fromEntries(
      (members.items as { id: string; segment: string | null }[]).map((m) => [m.id, m.segment]),
    );
  };
  const recalls = async (memberId: string) =>
    (
      await t.ok(
        FOLLOW_UPS,
        { filter: { memberId, kind: 'DORMANT_RECALL' }, sort: [{ field: 'CREATED_AT', order: 'ASC' }] },
        admin(),
      )
    ).followUps as {
      items: { id: string; status: string; dueAt: string; dealershipId: string | null; memberId: string }[];
      total: number;
    };

  beforeAll(async () => {
    t = await startTestApp();
    store = await createDealership(t, undefined, '上海浦东宝马4S店');
  });
  afterAll(() => t?.close());

  const who: Record<string, string> = {};

  it('puts prepared histories in each of the six segments', async () => {
    who.newcomer = await member('新会员', 10);
    who.newcomerEdge = await member('新会员89天', 89);
    who.champion = await member('常客', 400);
    for (const days of [25, 20, 15, 10, 5, 2]) await paid(who.champion, days, 1_000); // R3 F3 M2 = 8
    who.loyal = await member('老客户', 400);
    await paid(who.loyal, 80, 10_000);
    await paid(who.loyal, 60, 6_000);
    await paid(who.loyal, 45, 5_000); // R2 F2 M3 = 7
    who.potential = await member('潜力', 400);
    await paid(who.potential, 10, 500); // R3 F1 M1
    who.buyer = await member('新车主', 30);
    await paid(who.buyer, 5, 250_000, 'VEHICLE_PURCHASE'); // a one-off purchase: R3 F1 M3, not repeat
    who.atRisk = await member('流失风险', 400);
    await paid(who.atRisk, 120, 3_000);
    who.quietJoiner = await member('注册未消费', 120); // joined 120 days ago, never paid
    who.dormantPaid = await member('沉睡', 400);
    await paid(who.dormantPaid, 200, 2_000);
    who.dormantJoined = await member('注册后沉睡', 200);
    who.reversedOnly = await member('冲销', 200);
    const reversed = await paid(who.reversedOnly, 10, 800);
    await t.ok(REVERSE_TRANSACTION, { input: { transactionId: reversed.id, reason: '误录' } }, admin());
    who.longDormant = await member('长期沉睡', 600);
    await paid(who.longDormant, 400, 1_000);
    who.frozenDormant = await member('冻结沉睡', 400);
    await paid(who.frozenDormant, 200, 1_000);
    await t.ok(
      SET_MEMBER_STATUS,
      { input: { memberId: who.frozenDormant, status: 'FROZEN', reason: '会员要求冻结' } },
      admin(),
    );
    who.cancelled = await member('已注销', 400);
    await paid(who.cancelled, 10, 1_000);
    await t.ok(
      SET_MEMBER_STATUS,
      { input: { memberId: who.cancelled, status: 'CANCELLED', reason: '会员要求注销' } },
      admin(),
    );

    const run = await runJob(now);
    expect(run.processed).toBe(Object.keys(who).length - 1); // every ACTIVE or FROZEN member
    expect(await segments(Object.values(who))).toEqual({
      [who.newcomer]: 'NEW',
      [who.newcomerEdge]: 'NEW',
      [who.champion]: 'CHAMPION',
      [who.loyal]: 'LOYAL',
      [who.potential]: 'POTENTIAL',
      [who.buyer]: 'POTENTIAL',
      [who.atRisk]: 'AT_RISK',
      [who.quietJoiner]: 'AT_RISK',
      [who.dormantPaid]: 'DORMANT',
      [who.dormantJoined]: 'DORMANT',
      [who.reversedOnly]: 'DORMANT', // the reversed transaction is not a paid one
      [who.longDormant]: 'DORMANT',
      [who.frozenDormant]: 'DORMANT', // FROZEN members are segmented
      [who.cancelled]: null, // CANCELLED ones are not
    });
  });

  it('lists members by segment', async () => {
    for (const [segment, expected] of [
      ['NEW', [who.newcomer, who.newcomerEdge]],
      ['CHAMPION', [who.champion]],
      ['LOYAL', [who.loyal]],
      ['POTENTIAL', [who.potential, who.buyer]],
      ['AT_RISK', [who.atRisk, who.quietJoiner]],
      ['DORMANT', [who.dormantPaid, who.dormantJoined, who.reversedOnly, who.longDormant, who.frozenDormant]],
    ] as const) {
      const { members } = await t.ok(MEMBERS, { filter: { segment }, page: { perPage: 100 } }, admin());
      expect((members.items as { id: string; segment: string }[]).map((m) => m.id).sort()).toEqual(
        [...expected].sort(),
      );
      expect(members.total).toBe(expected.length);
    }
  });

  it('recalls members whose dormancy began within the look-back, once, due in 7 days at their home store', async () => {
    for (const id of [who.dormantPaid, who.dormantJoined, who.reversedOnly]) {
      const { items } = await recalls(id);
      expect(items).toEqual([
        expect.objectContaining({
          memberId: id,
          status: 'PENDING',
          dealershipId: store,
          dueAt: new Date(now.getTime() + 7 * DAY).toISOString(),
        }),
      ]);
    }
    // Dormant since long before the first run (no flood of stale calls); FROZEN members are not called.
    expect((await recalls(who.longDormant)).total).toBe(0);
    expect((await recalls(who.frozenDormant)).total).toBe(0);
    expect((await t.ok(FOLLOW_UPS, { filter: { kind: 'DORMANT_RECALL' } }, admin())).followUps.total).toBe(3);
  });

  it('re-running the same asOf changes nothing and calls nobody twice', async () => {
    const run = await runJob(now);
    expect(run.affected).toBe(0);
    expect((await t.ok(FOLLOW_UPS, { filter: { kind: 'DORMANT_RECALL' } }, admin())).followUps.total).toBe(3);
  });

  it('clears the segment of a member who is erased', async () => {
    await t.ok(ERASE_MEMBER, { input: { memberId: who.potential, reason: '会员申请删除个人信息' } }, admin());
    expect((await runJob(now)).affected).toBe(1);
    expect((await segments([who.potential]))[who.potential]).toBeNull();
    expect((await runJob(now)).affected).toBe(0);
  });

  it('a member turning DORMANT gets exactly one DORMANT_RECALL call; re-runs add none', async () => {
    const turning = await member('即将沉睡', 400);
    await paid(turning, 185, 1_200);
    const before = new Date(now.getTime() - 10 * DAY);
    await runJob(before); // 175 days since the last visit
    expect((await segments([turning]))[turning]).toBe('AT_RISK');
    expect((await recalls(turning)).total).toBe(0);

    await runJob(now); // 185 days: turned DORMANT
    expect((await segments([turning]))[turning]).toBe('DORMANT');
    const first = await recalls(turning);
    expect(first.items).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        dealershipId: store,
        dueAt: new Date(now.getTime() + 7 * DAY).toISOString(),
      }),
    ]);

    await runJob(now);
    await runJob(new Date(now.getTime() + DAY));
    expect((await recalls(turning)).items.map((f) => f.id)).toEqual([first.items[0].id]);
    // Re-running an earlier night and this one again (segment flips back and forth): still one call for this spell.
    await runJob(before);
    await runJob(now);
    expect((await recalls(turning)).total).toBe(1);
  });

  it('a member who comes back and lapses again is recalled again: one call per dormancy spell', async () => {
    const twice = await member('反复沉睡', 600);
    await paid(twice, 420, 1_000);
    await paid(twice, 185, 1_000);
    // Dormant 200 days after the first visit (dormancy began 20 days before that run).
    await runJob(daysAgo(220));
    expect((await segments([twice]))[twice]).toBe('DORMANT');
    expect((await recalls(twice)).total).toBe(1);
    await runJob(daysAgo(180)); // came back 5 days before
    expect((await segments([twice]))[twice]).toBe('POTENTIAL');
    await runJob(daysAgo(10));
    expect((await segments([twice]))[twice]).toBe('AT_RISK');
    await runJob(now);
    expect((await segments([twice]))[twice]).toBe('DORMANT');
    const { items } = await recalls(twice);
    expect(items).toHaveLength(2);
    expect(items.map((f) => f.dueAt)).toEqual([
      new Date(daysAgo(220).getTime() + 7 * DAY).toISOString(),
      new Date(now.getTime() + 7 * DAY).toISOString(),
    ]);
  });
});
