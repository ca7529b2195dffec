/**
 * Member 360: everything customer service needs about one member in one round trip, at a cost in
 * SQL statements that does not grow with how much history the member has.
 */
import { CREATE_CARD, CREATE_COMPLAINT, MEMBER360, RUN_JOB } from './support/contract';
import {
  countStatements,
  createDealership,
  createMember,
  recordTransaction,
  uniqueVin,
} from './support/fixtures';
import { errorCode, startTestApp, TestApp } from './support/test-app';

describe('member 360', () => {
  let t: TestApp;
  let dealershipId: string;
  const admin = () => ({ token: t.adminToken });

  /** A member with `n` vehicles, cards, transactions and complaints, and their follow-up calls. */
  const memberWithHistory = async (n: number) => {
    const m = await createMember(t, {
      homeDealershipId: dealershipId,
      vehicle: { vin: uniqueVin(), plateNumber: '沪A' + String(10000 + n).slice(-5) },
    });
    for (let i = 1; i < n; i++) {
      await t.ok(
        `mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }`,
        { input: { memberId: m.id, vin: uniqueVin() } },
        admin(),
      );
    }
    for (let i = 0; i < n; i++) {
      await t.ok(
        CREATE_CARD,
        { input: { memberId: m.id, type: 'COUNT', dealershipId, serviceName: '精致洗车', uses: 5 } },
        admin(),
      );
      await recordTransaction(t, { dealershipId, memberId: m.id, type: 'MAINTENANCE', amount: 500_00 + i });
      await t.ok(
        CREATE_COMPLAINT,
        {
          input: {
            memberId: m.id,
            dealershipId,
            category: 'LONG_WAIT',
            channel: 'PHONE',
            subject: `等待过长 ${i}`,
          },
        },
        admin(),
      );
    }
    await t.ok(RUN_JOB, { input: { job: 'FOLLOW_UP_GENERATION', asOf: new Date().toISOString() } }, admin());
    return m;
  };

  beforeAll(async () => {
    t = await startTestApp();
    dealershipId = await createDealership(t);
  });
  afterAll(() => t?.close());

  it('answers the contract Member360 query with the member’s whole history', async () => {
    const m = await memberWithHistory(2);
    const service = await t.staffToken('CUSTOMER_SERVICE');
    const data = await t.ok(MEMBER360, { id: m.id }, { token: service });
    expect(data.member).toMatchObject({
      id: m.id,
      tier: { code: 'REGULAR' },
      homeDealership: { id: dealershipId },
    });
    expect(data.member.vehicles).toHaveLength(2);
    expect(data.member.cards.filter((c: { type: string }) => c.type === 'COUNT')).toHaveLength(2);
    expect(data.member.benefits.map((b: { benefit: { code: string } }) => b.benefit.code)).toContain(
      'FREE_MAINTENANCE',
    );
    expect(data.member.pointsEntries.total).toBe(2);
    expect(data.member.pointsBalance).toBe(1000);
    expect(data.transactions.total).toBe(2);
    expect(data.complaints.total).toBe(2);
    expect(data.complaints.items.every((c: { status: string }) => c.status === 'OPEN')).toBe(true);
    expect(data.followUps.items.map((f: { kind: string }) => f.kind)).toEqual([
      'POST_SERVICE',
      'POST_SERVICE',
    ]);
  });

  it('costs the same number of SQL statements for a member with five times the history', async () => {
    const small = await memberWithHistory(1);
    const large = await memberWithHistory(5);
    const statements = (id: string) =>
      countStatements(t, async () =>
        expect((await t.gql(MEMBER360, { id }, admin())).errors).toBeUndefined(),
      );
    const few = await statements(small.id);
    const many = await statements(large.id);
    expect(few).toBeGreaterThan(0);
    // Four more vehicles, cards, transactions and complaints: a statement per row would add four or
    // more per list; tick timing may merge or split a batch by one.
    expect(many).toBeLessThanOrEqual(few + 1);
  });

  it('is refused to roles without access to members, and to anonymous callers', async () => {
    const m = await createMember(t);
    expect(errorCode(await t.gql(MEMBER360, { id: m.id }))).toBe('UNAUTHENTICATED');
  });
});
