/**
 * The demo data (DEMO_DATA=true on an empty database): a believable dealership group whose year of
 * business went through the real services, so the numbers agree with the ledger and the tiers.
 */
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seeds/demo';
import { DEMO_DEALERSHIPS } from '../../seeds/demo/dealerships';
import { isMainlandIdCard, isMainlandPlate, isVin } from '../../backend/src/common/validation/identity';
import { DASHBOARD, TIERS } from './support/contract';
import { startTestApp, TestApp } from './support/test-app';

const MEMBERS = `query Members($filter: MemberFilter, $page: PageInput) {
  members(filter: $filter, page: $page) { items { id name phone homeDealershipId status channel tierId pointsBalance } total }
}`;
const DEALERSHIPS = `query { dealerships(page: { perPage: 100 }) { items { id code city memberCount } total } }`;
const TRANSACTIONS = `query Transactions($filter: TransactionFilter, $page: PageInput) {
  transactions(filter: $filter, page: $page) { items { id memberId plateNumber type amount occurredAt status pointsEarned dealershipId } total }
}`;
const VEHICLES = `query { vehicles(page: { perPage: 1000 }) { items { vin plateNumber brand model purchaseDate mileage } total } }`;

describe('demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: 'true' });
  }, 180_000);
  afterAll(() => t?.close());

  const admin = () => ({ token: t.adminToken });

  it('has ~300 members, every dealership with members, and a year of transactions', async () => {
    const members = await t.ok(MEMBERS, { page: { perPage: 1 } }, admin());
    expect(members.members.total).toBeGreaterThanOrEqual(250);

    const { dealerships } = await t.ok(DEALERSHIPS, {}, admin());
    expect(dealerships.items.map((d: { code: string }) => d.code).sort()).toEqual(
      DEMO_DEALERSHIPS.map((d) => d.code).sort(),
    );
    for (const d of dealerships.items) expect(d.memberCount).toBeGreaterThan(0);

    const all = await t.ok(TRANSACTIONS, { page: { perPage: 1 } }, admin());
    expect(all.transactions.total).toBeGreaterThanOrEqual(1000);

    // Backdated over the past year, none in the future.
    const yearAgo = new Date(Date.now() - 366 * 86_400_000).toISOString();
    const older = await t.ok(
      TRANSACTIONS,
      { filter: { occurredTo: yearAgo }, page: { perPage: 1 } },
      admin(),
    );
    expect(older.transactions.total).toBe(0);
    const lastQuarter = await t.ok(
      TRANSACTIONS,
      {
        filter: { occurredFrom: new Date(Date.now() - 90 * 86_400_000).toISOString() },
        page: { perPage: 1 },
      },
      admin(),
    );
    expect(lastQuarter.transactions.total).toBeGreaterThan(100);
    const [{ latest }] = await t.dataSource.query(
      'SELECT MAX(`occurredAt`) AS latest FROM `sales_transaction`',
    );
    expect(
      new Date(typeof latest === 'string' ? `${latest.replace(' ', 'T')}Z` : latest).getTime(),
    ).toBeLessThan(Date.now());

    for (const type of [
      'VEHICLE_PURCHASE',
      'MAINTENANCE',
      'REPAIR',
      'PARTS',
      'ACCESSORY',
      'INSURANCE',
      'WASH',
    ]) {
      const page = await t.ok(TRANSACTIONS, { filter: { type }, page: { perPage: 1 } }, admin());
      expect({ type, total: page.transactions.total }).toEqual({ type, total: expect.any(Number) });
      expect(page.transactions.total).toBeGreaterThan(0);
    }
    const reversed = await t.ok(
      TRANSACTIONS,
      { filter: { status: 'REVERSED' }, page: { perPage: 10 } },
      admin(),
    );
    expect(reversed.transactions.total).toBeGreaterThanOrEqual(2);

    const [walkIns] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM `sales_transaction` WHERE `memberId` IS NULL AND `plateNumber` IS NOT NULL',
    );
    expect(Number(walkIns.n)).toBeGreaterThanOrEqual(10);
    const [redemptions] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM `points_entry` WHERE `type` = 'REDEEM'",
    );
    expect(Number(redemptions.n)).toBeGreaterThanOrEqual(5);
  });

  it('has members in every tier, reached through the earning and upgrade rules', async () => {
    const { tiers } = await t.ok(TIERS, {}, admin());
    const counts: Record<string, number> = {};
    for (const tier of tiers.items) {
      const page = await t.ok(MEMBERS, { filter: { tierId: tier.id }, page: { perPage: 1 } }, admin());
      counts[tier.code] = page.members.total;
    }
    for (const code of ['REGULAR', 'SILVER', 'GOLD', 'PLATINUM'])
      expect({ code, members: counts[code] }).toEqual({ code, members: expect.any(Number) });
    for (const code of ['REGULAR', 'SILVER', 'GOLD', 'PLATINUM']) expect(counts[code]).toBeGreaterThan(0);

    // Every member above the entry tier got there by a recorded upgrade, none set by hand.
    const [{ n: upgraded }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM `member` m JOIN `tier` t ON t.`id` = m.`tierId` WHERE t.`rank` > 0 AND NOT EXISTS (SELECT 1 FROM `tier_change` c WHERE c.`memberId` = m.`id` AND c.`toTierId` = m.`tierId` AND c.`reason` = 'UPGRADE')",
    );
    expect(Number(upgraded)).toBe(0);
  });

  it('has segments on day one: the seed ends with a SEGMENTATION run at its own now', async () => {
    const { jobRuns } = await t.ok(
      `query { jobRuns(filter: { job: SEGMENTATION }) { total items { status processed } } }`,
      {},
      admin(),
    );
    expect(jobRuns.total).toBe(1);
    expect(jobRuns.items[0].status).toBe('SUCCEEDED');
    // Every member the job segments (active or frozen) has a segment; the others have none.
    const [{ n: segmentable }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM `member` WHERE `status` IN ('ACTIVE', 'FROZEN')",
    );
    expect(jobRuns.items[0].processed).toBe(Number(segmentable));

    const to = new Date().toISOString();
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const { dashboard } = await t.ok(DASHBOARD, { filter: { from, to } }, admin());
    const counts: number[] = dashboard.segments.map((s: { count: number }) => s.count);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(Number(segmentable));
    // A year of business spreads the members over most segments, not one bucket.
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('has balances that agree with the ledger and the open lots for every member', async () => {
    const mismatches = await t.dataSource.query(
      `SELECT m.\`id\`, m.\`pointsBalance\`,
              (SELECT COALESCE(SUM(e.\`points\`), 0) FROM \`points_entry\` e WHERE e.\`memberId\` = m.\`id\`) AS ledger,
              (SELECT COALESCE(SUM(l.\`remaining\`), 0) FROM \`points_lot\` l WHERE l.\`memberId\` = m.\`id\` AND l.\`expiredAt\` IS NULL) AS lots
         FROM \`member\` m`,
    );
    expect(mismatches.length).toBeGreaterThanOrEqual(250);
    const wrong = mismatches.filter(
      (r: { pointsBalance: number | string; ledger: number | string; lots: number | string }) =>
        Number(r.pointsBalance) !== Number(r.ledger) || Number(r.pointsBalance) !== Number(r.lots),
    );
    expect(wrong).toEqual([]);
    const [{ total }] = await t.dataSource.query('SELECT SUM(`pointsBalance`) AS total FROM `member`');
    expect(Number(total)).toBeGreaterThan(100_000);
  });

  it('has a believable mix of members: statuses, channels, referrals and valid identities', async () => {
    const rows: { status: string; channel: string; n: number | string }[] = await t.dataSource.query(
      'SELECT `status`, `channel`, COUNT(*) AS n FROM `member` GROUP BY `status`, `channel`',
    );
    const count = (pred: (r: { status: string; channel: string }) => boolean) =>
      rows.filter(pred).reduce((s, r) => s + Number(r.n), 0);
    expect(count((r) => r.status === 'PENDING_ACTIVATION')).toBeGreaterThan(0);
    expect(count((r) => r.status === 'FROZEN')).toBe(2);
    expect(count((r) => r.status === 'ACTIVE' && r.channel === 'STORE')).toBeGreaterThan(150);
    expect(
      count((r) => r.status === 'ACTIVE' && (r.channel === 'APP' || r.channel === 'WECHAT')),
    ).toBeGreaterThan(10);
    const [{ n: referred }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM `member` WHERE `referredById` IS NOT NULL',
    );
    expect(Number(referred)).toBeGreaterThan(5);
    const [{ n: consenting }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM `member` WHERE `marketingConsent` = 1',
    );
    expect(Number(consenting)).toBeGreaterThan(50);
    const [{ n: withId }] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM `member` WHERE `idNumberMasked` IS NOT NULL',
    );
    expect(Number(withId)).toBeGreaterThan(30);

    const members = await t.ok(MEMBERS, { page: { perPage: 1000 } }, admin());
    const phones = members.members.items.map((m: { phone: string }) => m.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d{9}$/);
    for (const m of members.members.items) expect(m.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);

    const { vehicles } = await t.ok(VEHICLES, {}, admin());
    expect(vehicles.total).toBeGreaterThanOrEqual(members.members.total);
    for (const v of vehicles.items) {
      expect({ vin: v.vin, valid: isVin(v.vin) }).toEqual({ vin: v.vin, valid: true });
      expect({ plate: v.plateNumber, valid: isMainlandPlate(v.plateNumber) }).toEqual({
        plate: v.plateNumber,
        valid: true,
      });
    }
    expect(new Set(vehicles.items.map((v: { vin: string }) => v.vin)).size).toBe(vehicles.items.length);
    expect(isMainlandIdCard('11010519491231002X')).toBe(true);
  });

  it('lets the demo logins log in; store staff see only their own dealership', async () => {
    for (const login of DEMO_LOGINS) await t.login(login.username, DEMO_PASSWORD);
    await t.login('advisor.gz-th-toyota', DEMO_PASSWORD);

    const { dealerships } = await t.ok(DEALERSHIPS, {}, admin());
    const pudong = dealerships.items.find((d: { code: string }) => d.code === 'SH-PD-BMW');
    const token = await t.login('store.sh', DEMO_PASSWORD);
    const own = await t.ok(MEMBERS, { page: { perPage: 1000 } }, { token });
    expect(own.members.total).toBe(pudong.memberCount);
    expect(
      own.members.items.every((m: { homeDealershipId: string }) => m.homeDealershipId === pudong.id),
    ).toBe(true);
    // Their plates are Shanghai plates, their transactions are the store's own.
    const txns = await t.ok(TRANSACTIONS, { page: { perPage: 1000 } }, { token });
    expect(txns.transactions.total).toBeGreaterThan(50);
    expect(txns.transactions.items.every((x: { dealershipId: string }) => x.dealershipId === pudong.id)).toBe(
      true,
    );
    for (const x of txns.transactions.items)
      if (x.plateNumber) expect(x.plateNumber.startsWith('沪')).toBe(true);
  });

  it('has cards whose balances agree with the card ledger, with value spent across stores', async () => {
    const { cards } = await t.ok(
      `query { cards(filter: { type: STORED_VALUE }, page: { perPage: 1000 }) { total items { balance principalBalance bonusBalance status } } }`,
      {},
      admin(),
    );
    expect(cards.total).toBeGreaterThan(30);
    expect(cards.items.some((c: { status: string }) => c.status === 'REFUNDED')).toBe(true);
    expect(cards.items.some((c: { status: string }) => c.status === 'REPLACED')).toBe(true);
    const { storedValueLiability, interStoreSettlement, ledgerIntegrity } = await t.ok(
      `query($from: DateTime!, $to: DateTime!) {
        storedValueLiability { totalBalance }
        interStoreSettlement(from: $from, to: $to) { entryCount }
        ledgerIntegrity { cardMismatches pointsMismatches cardsChecked }
      }`,
      { from: new Date(Date.now() - 120 * 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
      admin(),
    );
    const cached = cards.items.reduce((sum: number, c: { balance: number }) => sum + c.balance, 0);
    expect(storedValueLiability.totalBalance).toBe(cached);
    expect(cached).toBeGreaterThan(0);
    expect(interStoreSettlement.length).toBeGreaterThan(0);
    expect(ledgerIntegrity).toMatchObject({ cardMismatches: 0, pointsMismatches: 0 });
    expect(ledgerIntegrity.cardsChecked).toBeGreaterThan(200);
  });
});
