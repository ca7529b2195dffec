/**
 * The scale seed (seeds/scale) on MySQL/MariaDB: a small run yields ledgers the app's own
 * `ledgerIntegrity` accepts and cached member figures that match the transactions.
 * It needs LOAD DATA and runs only when DATABASE_URL is mysql:// or mariadb://.
 */
import { seedScale } from '../../seeds/scale';
import { LEDGER_INTEGRITY } from './support/contract';
import { startTestApp, TestApp } from './support/test-app';

const onMysql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');
const MEMBERS = 2_000;

(onMysql ? describe : describe.skip)('scale seed', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [{ name }] = await t.dataSource.query('SELECT DATABASE() AS name');
    const server = new URL(process.env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
    server.pathname = `/${name}`;
    url = server.toString();
    await seedScale({ url, members: MEMBERS, migrate: false, log: () => undefined });
  }, 120_000);
  afterAll(() => t?.close());

  const one = async (sql: string) => Number(Object.values((await t.dataSource.query(sql))[0])[0]);

  it('fills proportionate tables', async () => {
    expect(await one('SELECT COUNT(*) FROM member')).toBe(MEMBERS);
    expect(await one('SELECT COUNT(*) FROM dealership')).toBe(3);
    const vehicles = await one('SELECT COUNT(*) FROM vehicle');
    expect(vehicles / MEMBERS).toBeGreaterThan(1.1);
    expect(vehicles / MEMBERS).toBeLessThan(1.3);
    const transactions = await one('SELECT COUNT(*) FROM sales_transaction');
    expect(transactions / MEMBERS).toBeGreaterThan(2.5);
    expect(transactions / MEMBERS).toBeLessThan(5);
    expect(await one('SELECT COUNT(*) FROM points_lot')).toBeGreaterThan(transactions * 0.8);
    expect(await one("SELECT COUNT(*) FROM card WHERE type = 'STORED_VALUE'")).toBeGreaterThan(0);
    expect(await one("SELECT COUNT(*) FROM card WHERE type = 'COUNT'")).toBeGreaterThan(0);
    expect(await one('SELECT COUNT(*) FROM complaint')).toBeGreaterThan(0);
    // Birthdays spread over the year; several tiers held.
    expect(await one('SELECT COUNT(DISTINCT SUBSTR(birthday, 6, 2)) FROM member')).toBe(12);
    expect(await one('SELECT COUNT(DISTINCT tierId) FROM member')).toBeGreaterThanOrEqual(3);
  });

  it('keeps every points and card balance equal to its ledger', async () => {
    const { ledgerIntegrity } = await t.ok(LEDGER_INTEGRITY, {}, { token: t.adminToken });
    expect(ledgerIntegrity.mismatches).toEqual([]);
    expect(ledgerIntegrity.membersChecked).toBe(MEMBERS);
    expect(ledgerIntegrity.pointsMismatches).toBe(0);
    expect(ledgerIntegrity.cardMismatches).toBe(0);
    expect(ledgerIntegrity.cardsChecked).toBeGreaterThan(0);
    expect(
      await one("SELECT COUNT(*) FROM points_entry WHERE type IN ('REDEEM', 'REVERSAL')"),
    ).toBeGreaterThan(0);
  });

  it("caches each member's spend, qualifying points and last transaction as the transactions say", async () => {
    const disagreeing = await one(
      `SELECT COUNT(*) FROM member m LEFT JOIN (
         SELECT memberId, SUM(CASE WHEN status = 'POSTED' THEN amount ELSE 0 END) AS spend,
                SUM(CASE WHEN status = 'POSTED' THEN qualifyingPoints ELSE 0 END) AS points, MAX(occurredAt) AS lastAt
           FROM sales_transaction GROUP BY memberId) t ON t.memberId = m.id
        WHERE m.totalSpend <> COALESCE(t.spend, 0) OR m.qualifyingPoints <> COALESCE(t.points, 0)
           OR NOT (m.lastTransactionAt <=> t.lastAt)`,
    );
    expect(disagreeing).toBe(0);
  });

  it('refuses a database that already holds members', async () => {
    await expect(seedScale({ url, members: 10, migrate: false, log: () => undefined })).rejects.toThrow(
      /already holds 2000 members/,
    );
  });
});
