/**
 * The finance reports over a small, hand-computed card history across three dealerships:
 * stored-value liability (now and as of an earlier instant), movements per programme-time-zone day,
 * inter-store settlement, the ledger-integrity check, who may read which, and the CSV exports.
 */
import {
  CONSUME_CARD,
  CREATE_CARD,
  INTER_STORE_SETTLEMENT,
  LEDGER_INTEGRITY,
  RECHARGE_CARD,
  REFUND_CARD,
  REPLACE_CARD,
  STORED_VALUE_LIABILITY,
  STORED_VALUE_MOVEMENTS,
} from './support/contract';
import { createDealership, createMember, recordTransaction } from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const FINANCE_EXPORT = `query FinanceExport($input: FinanceExportInput!) {
  financeExport(input: $input) { filename contentType content rows }
}`;

const SHANGHAI_OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An instant strictly between what happened before and what happens after the call. */
async function instant(): Promise<string> {
  await sleep(25);
  const at = new Date().toISOString();
  await sleep(25);
  return at;
}

/** The calendar day of an instant in Asia/Shanghai. */
const shanghaiDate = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);

/** A stored datetime as an instant: mysql2 gives a Date, SQLite the UTC text 'YYYY-MM-DD HH:MM:SS.SSS'. */
const asInstant = (value: unknown) =>
  value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);

/** Fen as yuan with two decimals, in integer arithmetic. */
function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses an export: BOM, CRLF line ends (a final one included), RFC 4180 quoting. */
function parseCsv(content: string): { header: string[]; rows: string[][] } {
  expect(content.charCodeAt(0)).toBe(0xfeff);
  const text = content.slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      line.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      line.push(cell);
      lines.push(line);
      line = [];
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`);
    else cell += ch;
  }
  expect(quoted).toBe(false);
  const [header, ...rows] = lines;
  for (const row of rows) expect(row).toHaveLength(header.length);
  return { header, rows };
}

interface Balance {
  dealershipId: string;
  dealership: { name: string };
  balance: number;
  principalBalance: number;
  bonusBalance: number;
  cardCount: number;
}
interface Liability {
  asOf: string;
  totalBalance: number;
  principalBalance: number;
  bonusBalance: number;
  cardCount: number;
  byDealership: Balance[];
}
interface Movements {
  recharged: number;
  bonusGranted: number;
  consumedPrincipal: number;
  consumedBonus: number;
  refunded: number;
  forfeitedBonus: number;
  days: { date: string; recharged: number; bonusGranted: number; consumed: number; refunded: number }[];
}
interface SettlementLine {
  issuingDealershipId: string;
  issuingDealership: { name: string };
  consumingDealershipId: string;
  consumingDealership: { name: string };
  principalAmount: number;
  bonusAmount: number;
  entryCount: number;
}
interface Integrity {
  checkedAt: string;
  membersChecked: number;
  pointsMismatches: number;
  cardsChecked: number;
  cardMismatches: number;
  mismatches: { kind: string; entityId: string; expected: number; actual: number }[];
}

const NO_MOVEMENT = {
  recharged: 0,
  bonusGranted: 0,
  consumedPrincipal: 0,
  consumedBonus: 0,
  refunded: 0,
  forfeitedBonus: 0,
};

describe('finance reports', () => {
  let t: TestApp;
  let A: string;
  let B: string;
  let C: string;
  const names: Record<string, string> = {};
  let seq = 0;
  const key = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${seq++}`;
  const admin = (): Credentials => ({ token: t.adminToken });

  // The history, captured as it is built.
  let memberId: string;
  let card1: string;
  let card2: string;
  let card3: string;
  let card3New: string;
  let countCard: string;
  /** Before anything; after card1's top-up; after its first spend at B; after card3's top-up; after its replacement; after everything. */
  let t0: string;
  let t1: string;
  let t2: string;
  let t3: string;
  let t4: string;
  let tEnd: string;

  let finance: Credentials;
  let storeA: Credentials;
  let marketing: Credentials;
  let customerService: Credentials;

  const liability = async (vars: { asOf?: string; dealershipId?: string } = {}, who = admin()) =>
    (await t.ok(STORED_VALUE_LIABILITY, vars, who)).storedValueLiability as Liability;
  const movements = async (vars: { from: string; to: string; dealershipId?: string }, who = admin()) =>
    (await t.ok(STORED_VALUE_MOVEMENTS, vars, who)).storedValueMovements as Movements;
  const settlement = async (vars: { from: string; to: string }, who = admin()) =>
    (await t.ok(INTER_STORE_SETTLEMENT, vars, who)).interStoreSettlement as SettlementLine[];
  const integrity = async (who = admin()) =>
    (await t.ok(LEDGER_INTEGRITY, {}, who)).ledgerIntegrity as Integrity;
  const exportCsv = (input: Record<string, unknown>, who = admin()) => t.gql(FINANCE_EXPORT, { input }, who);

  const issue = async (dealershipId: string, extra: Record<string, unknown> = {}) =>
    (await t.ok(CREATE_CARD, { input: { memberId, type: 'STORED_VALUE', dealershipId, ...extra } }, admin()))
      .createCard;
  const recharge = async (cardId: string, dealershipId: string, amount: number, bonusAmount = 0) =>
    (
      await t.ok(
        RECHARGE_CARD,
        {
          input: {
            cardId,
            dealershipId,
            amount,
            bonusAmount,
            paymentMethod: 'MOBILE_PAY',
            idempotencyKey: key('rc'),
          },
        },
        admin(),
      )
    ).rechargeCard;
  const consume = async (cardId: string, dealershipId: string, input: Record<string, unknown>) =>
    (
      await t.ok(
        CONSUME_CARD,
        { input: { cardId, dealershipId, idempotencyKey: key('co'), ...input } },
        admin(),
      )
    ).consumeCard;

  /** A dealership's line, or zeros where the report has none. */
  const lineOf = (report: Liability, dealershipId: string) => {
    const line = report.byDealership.find((d) => d.dealershipId === dealershipId);
    const { balance = 0, principalBalance = 0, bonusBalance = 0, cardCount = 0 } = line ?? {};
    return { balance, principalBalance, bonusBalance, cardCount };
  };
  /** The lines that hold value (a dealership whose cards are all spent may appear with zeros). */
  const holding = (report: Liability) =>
    report.byDealership.filter((d) => d.balance !== 0 || d.cardCount !== 0).map((d) => d.dealershipId);

  beforeAll(async () => {
    t = await startTestApp();
    A = await createDealership(t);
    B = await createDealership(t);
    C = await createDealership(t);
    for (const row of await t.dataSource.query('SELECT `id`, `name` FROM `dealership`'))
      names[row.id] = row.name;
    memberId = (await createMember(t, { homeDealershipId: A })).id;
    finance = { token: await t.staffToken('FINANCE') };
    storeA = { token: await t.staffToken('STORE_STAFF', A) };
    marketing = { token: await t.staffToken('MARKETING') };
    customerService = { token: await t.staffToken('CUSTOMER_SERVICE') };

    t0 = await instant();
    // card1, issued at A: ¥1,000 + ¥100 bonus at A.
    card1 = (await issue(A)).id;
    await recharge(card1, A, 1_000_00, 100_00);
    t1 = await instant();
    // ¥550 at B: bonus floor(55000 × 10000 / 110000) = 5000, principal 50000.
    expect(await consume(card1, B, { amount: 550_00 })).toMatchObject({
      amount: -550_00,
      principalAmount: -500_00,
      bonusAmount: -50_00,
      balanceAfter: 550_00,
      dealershipId: B,
    });
    t2 = await instant();
    // ¥110 at A (same store): bonus floor(11000 × 5000 / 55000) = 1000.
    expect(await consume(card1, A, { amount: 110_00 })).toMatchObject({
      principalAmount: -100_00,
      bonusAmount: -10_00,
    });
    // ¥44 at B: bonus floor(4400 × 4000 / 44000) = 400. card1 keeps 36000 + 3600.
    expect(await consume(card1, B, { amount: 44_00 })).toMatchObject({
      principalAmount: -40_00,
      bonusAmount: -4_00,
    });

    // card2, issued at B: ¥500 + ¥50 at B, ¥110 spent at C, refunded at B (principal back, bonus forfeited).
    card2 = (await issue(B)).id;
    await recharge(card2, B, 500_00, 50_00);
    expect(await consume(card2, C, { amount: 110_00 })).toMatchObject({
      principalAmount: -100_00,
      bonusAmount: -10_00,
    });
    const refund = (
      await t.ok(
        REFUND_CARD,
        { input: { cardId: card2, dealershipId: B, reason: '客户退卡', idempotencyKey: key('rf') } },
        admin(),
      )
    ).refundCard;
    expect(refund).toMatchObject({
      type: 'REFUND',
      amount: -440_00,
      principalAmount: -400_00,
      bonusAmount: -40_00,
      balanceAfter: 0,
      card: { status: 'REFUNDED' },
    });

    // card3, issued at C: ¥200 + ¥20, replaced (the transfer nets to zero), ¥22 spent at A on the new card.
    card3 = (await issue(C)).id;
    await recharge(card3, C, 200_00, 20_00);
    t3 = await instant();
    const replacement = (await t.ok(REPLACE_CARD, { input: { cardId: card3, reason: '卡片遗失' } }, admin()))
      .replaceCard;
    expect(replacement).toMatchObject({
      dealershipId: C,
      balance: 220_00,
      principalBalance: 200_00,
      bonusBalance: 20_00,
    });
    card3New = replacement.id;
    t4 = await instant();
    expect(await consume(card3New, A, { amount: 22_00 })).toMatchObject({
      principalAmount: -20_00,
      bonusAmount: -2_00,
    });

    // A count card issued at A and used at B: not stored value, in no money report.
    countCard = (await issue(A, { type: 'COUNT', serviceName: '精致洗车', uses: 10 })).id;
    await consume(countCard, B, { uses: 1 });
    tEnd = await instant();
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('storedValueLiability', () => {
    const A_NOW = { balance: 396_00, principalBalance: 360_00, bonusBalance: 36_00, cardCount: 1 };
    const C_NOW = { balance: 198_00, principalBalance: 180_00, bonusBalance: 18_00, cardCount: 1 };
    const ZERO = { balance: 0, principalBalance: 0, bonusBalance: 0, cardCount: 0 };

    it('sums the ledger by issuing dealership: totals, principal/bonus split and cards holding value', async () => {
      const report = await liability();
      expect(report).toMatchObject({
        totalBalance: 594_00,
        principalBalance: 540_00,
        bonusBalance: 54_00,
        cardCount: 2,
      });
      expect(lineOf(report, A)).toEqual(A_NOW);
      expect(lineOf(report, B)).toEqual(ZERO); // card2 was refunded
      expect(lineOf(report, C)).toEqual(C_NOW); // the replaced card holds nothing, its replacement the rest
      expect(holding(report).sort()).toEqual([A, C].sort());
      expect(report.byDealership.find((d) => d.dealershipId === A)!.dealership.name).toBe(names[A]);
      // The ledger agrees with the cached balances of the stored-value cards.
      const [cached] = await t.dataSource.query(
        "SELECT SUM(`balance`) AS balance, SUM(`principalBalance`) AS principal FROM `card` WHERE `type` = 'STORED_VALUE'",
      );
      expect(Number(cached.balance)).toBe(report.totalBalance);
      expect(Number(cached.principal)).toBe(report.principalBalance);
    });

    it('as of an earlier instant gives the figures of that instant', async () => {
      const before = await liability({ asOf: t0 });
      expect(before).toMatchObject({ totalBalance: 0, principalBalance: 0, bonusBalance: 0, cardCount: 0 });
      expect(holding(before)).toEqual([]);
      expect(new Date(before.asOf).toISOString()).toBe(t0);

      const afterTopUp = await liability({ asOf: t1 });
      expect(afterTopUp).toMatchObject({
        totalBalance: 1_100_00,
        principalBalance: 1_000_00,
        bonusBalance: 100_00,
        cardCount: 1,
      });
      expect(holding(afterTopUp)).toEqual([A]);

      const afterSpendAtB = await liability({ asOf: t2 });
      expect(lineOf(afterSpendAtB, A)).toEqual({
        balance: 550_00,
        principalBalance: 500_00,
        bonusBalance: 50_00,
        cardCount: 1,
      });
      expect(afterSpendAtB.totalBalance).toBe(550_00);

      // card3 topped up; then replaced: the same figures, still one card holding them.
      const beforeReplace = await liability({ asOf: t3 });
      const afterReplace = await liability({ asOf: t4 });
      const C_TOPPED_UP = { balance: 220_00, principalBalance: 200_00, bonusBalance: 20_00, cardCount: 1 };
      expect(lineOf(beforeReplace, C)).toEqual(C_TOPPED_UP);
      expect(lineOf(afterReplace, C)).toEqual(C_TOPPED_UP);
      for (const report of [beforeReplace, afterReplace]) {
        expect(lineOf(report, A)).toEqual(A_NOW);
        expect(lineOf(report, B)).toEqual(ZERO);
        expect(report).toMatchObject({
          totalBalance: 616_00,
          principalBalance: 560_00,
          bonusBalance: 56_00,
          cardCount: 2,
        });
      }
      expect(await liability({ asOf: tEnd })).toMatchObject({ totalBalance: 594_00, cardCount: 2 });
    });

    it('filters by dealership', async () => {
      const onlyC = await liability({ dealershipId: C });
      expect(onlyC).toMatchObject({
        totalBalance: 198_00,
        principalBalance: 180_00,
        bonusBalance: 18_00,
        cardCount: 1,
      });
      expect(onlyC.byDealership.map((d) => d.dealershipId)).toEqual([C]);
      const onlyB = await liability({ dealershipId: B });
      expect(onlyB).toMatchObject({ totalBalance: 0, cardCount: 0 });
      expect(holding(onlyB)).toEqual([]);
      expect(lineOf(await liability({ dealershipId: A, asOf: t1 }), A)).toMatchObject({ balance: 1_100_00 });
    });
  });

  describe('storedValueMovements', () => {
    it('totals recharges, bonus, spending by part, refunds and forfeited bonus in [from, to)', async () => {
      const report = await movements({ from: t0, to: tEnd });
      expect(report).toMatchObject({
        recharged: 1_700_00,
        bonusGranted: 170_00,
        consumedPrincipal: 760_00,
        consumedBonus: 76_00,
        refunded: 400_00,
        forfeitedBonus: 40_00,
      });
      // Only card1's spend at B lies between t1 and t2.
      expect(await movements({ from: t1, to: t2 })).toMatchObject({
        ...NO_MOVEMENT,
        consumedPrincipal: 500_00,
        consumedBonus: 50_00,
      });
      expect(await movements({ from: tEnd, to: new Date(Date.parse(tEnd) + 60_000).toISOString() })).toEqual({
        ...NO_MOVEMENT,
        days: [],
      });
    });

    it('buckets days in Asia/Shanghai, each day summing its entries', async () => {
      const report = await movements({ from: t0, to: tEnd });
      const rows: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT `type`, `principalAmount` AS principal, `bonusAmount` AS bonus, `createdAt` FROM `card_entry` WHERE `cardType` = ?',
        ['STORED_VALUE'],
      );
      const expected = new Map<string, Movements['days'][number]>();
      for (const row of rows) {
        const date = shanghaiDate(asInstant(row.createdAt));
        const day = expected.get(date) ?? { date, recharged: 0, bonusGranted: 0, consumed: 0, refunded: 0 };
        expected.set(date, day);
        const principal = Number(row.principal);
        const bonus = Number(row.bonus);
        if (row.type === 'RECHARGE') {
          day.recharged += principal;
          day.bonusGranted += bonus;
        } else if (row.type === 'CONSUME') day.consumed -= principal + bonus;
        else if (row.type === 'REFUND') day.refunded -= principal;
      }
      const days = [...expected.values()].filter(
        (d) => d.recharged || d.bonusGranted || d.consumed || d.refunded,
      );
      expect(report.days.filter((d) => d.recharged || d.bonusGranted || d.consumed || d.refunded)).toEqual(
        days.sort((a, b) => a.date.localeCompare(b.date)),
      );
      const sum = (key: 'recharged' | 'bonusGranted' | 'consumed' | 'refunded') =>
        report.days.reduce((total, d) => total + d[key], 0);
      expect(sum('recharged')).toBe(report.recharged);
      expect(sum('bonusGranted')).toBe(report.bonusGranted);
      expect(sum('consumed')).toBe(report.consumedPrincipal + report.consumedBonus);
      expect(sum('refunded')).toBe(report.refunded);
      expect(report.days.map((d) => d.date)).toContain(shanghaiDate(new Date(tEnd)));
    });

    it('filters by the dealership where each entry happened', async () => {
      expect(await movements({ from: t0, to: tEnd, dealershipId: A })).toMatchObject({
        ...NO_MOVEMENT,
        recharged: 1_000_00,
        bonusGranted: 100_00,
        consumedPrincipal: 120_00, // card1 ¥110 (100 + 10) and card3's replacement ¥22 (20 + 2)
        consumedBonus: 12_00,
      });
      expect(await movements({ from: t0, to: tEnd, dealershipId: B })).toMatchObject({
        recharged: 500_00,
        bonusGranted: 50_00,
        consumedPrincipal: 540_00, // card1 at B: ¥550 and ¥44
        consumedBonus: 54_00,
        refunded: 400_00,
        forfeitedBonus: 40_00,
      });
      expect(await movements({ from: t0, to: tEnd, dealershipId: C })).toMatchObject({
        ...NO_MOVEMENT,
        recharged: 200_00,
        bonusGranted: 20_00,
        consumedPrincipal: 100_00,
        consumedBonus: 10_00,
      });
    });

    it('refuses a period that ends before it starts', async () => {
      expect(errorCode(await t.gql(STORED_VALUE_MOVEMENTS, { from: tEnd, to: t0 }, admin()))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await t.gql(STORED_VALUE_MOVEMENTS, { from: t0, to: t0 }, admin()))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await t.gql(INTER_STORE_SETTLEMENT, { from: tEnd, to: t0 }, admin()))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('interStoreSettlement', () => {
    it('lists stored value spent away from the issuing store by pair, and nothing for same-store spends', async () => {
      const lines = await settlement({ from: t0, to: tEnd });
      const pairs = lines.map((l) => ({
        issuing: l.issuingDealershipId,
        consuming: l.consumingDealershipId,
        principalAmount: l.principalAmount,
        bonusAmount: l.bonusAmount,
        entryCount: l.entryCount,
      }));
      expect(pairs).toHaveLength(3);
      expect(pairs).toEqual(
        expect.arrayContaining([
          { issuing: A, consuming: B, principalAmount: 540_00, bonusAmount: 54_00, entryCount: 2 },
          { issuing: B, consuming: C, principalAmount: 100_00, bonusAmount: 10_00, entryCount: 1 },
          { issuing: C, consuming: A, principalAmount: 20_00, bonusAmount: 2_00, entryCount: 1 },
        ]),
      );
      for (const line of lines) {
        expect(line.issuingDealershipId).not.toBe(line.consumingDealershipId);
        expect(line.issuingDealership.name).toBe(names[line.issuingDealershipId]);
        expect(line.consumingDealership.name).toBe(names[line.consumingDealershipId]);
      }
      // From t2 on, only card1's second spend at B.
      expect(await settlement({ from: t2, to: tEnd })).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            issuingDealershipId: A,
            consumingDealershipId: B,
            principalAmount: 40_00,
            bonusAmount: 4_00,
            entryCount: 1,
          }),
        ]),
      );
      expect(await settlement({ from: t2, to: t3 })).toHaveLength(2); // A→B ¥44 and B→C ¥110
      expect(await settlement({ from: t0, to: t1 })).toEqual([]);
    });

    it('narrows to the lines a named dealership issued or spent in', async () => {
      const { interStoreSettlement } = await t.ok(
        `query($from: DateTime!, $to: DateTime!, $dealershipId: ID) {
          interStoreSettlement(from: $from, to: $to, dealershipId: $dealershipId) { issuingDealershipId consumingDealershipId }
        }`,
        { from: t0, to: tEnd, dealershipId: C },
        admin(),
      );
      expect(interStoreSettlement).toHaveLength(2);
      for (const line of interStoreSettlement)
        expect([line.issuingDealershipId, line.consumingDealershipId]).toContain(C);
    });
  });

  describe('ledgerIntegrity', () => {
    it('finds no mismatch, then reports corrupted cached balances with what the ledger says', async () => {
      const sale = await recordTransaction(t, { dealershipId: A, memberId, amount: 800_00 });
      expect(sale.pointsEarned).toBeGreaterThan(0);
      const clean = await integrity();
      expect(clean).toMatchObject({ pointsMismatches: 0, cardMismatches: 0, mismatches: [] });
      const [{ n: cards }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `card`');
      const [{ n: members }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `member`');
      expect(clean.cardsChecked).toBe(Number(cards));
      expect(clean.membersChecked).toBe(Number(members));

      const [{ points }] = await t.dataSource.query(
        'SELECT `pointsBalance` AS points FROM `member` WHERE `id` = ?',
        [memberId],
      );
      const balance = Number(points);
      expect(balance).toBe(sale.pointsEarned);
      try {
        await t.dataSource.query('UPDATE `card` SET `balance` = `balance` + 123 WHERE `id` = ?', [card1]);
        await t.dataSource.query(
          'UPDATE `card` SET `principalBalance` = `principalBalance` - 500, `bonusBalance` = `bonusBalance` + 500 WHERE `id` = ?',
          [card3New],
        );
        await t.dataSource.query(
          'UPDATE `member` SET `pointsBalance` = `pointsBalance` + 50 WHERE `id` = ?',
          [memberId],
        );

        const report = await integrity();
        expect(report).toMatchObject({ pointsMismatches: 1, cardMismatches: 2 });
        const found = (id: string) =>
          report.mismatches
            .filter((m) => m.entityId === id)
            .map(({ kind, expected, actual }) => ({ kind, expected, actual }))
            .sort((x, y) => x.kind.localeCompare(y.kind));
        expect(found(card1)).toEqual([
          { kind: 'CARD_BALANCE', expected: 396_00, actual: 397_23 },
          { kind: 'CARD_SPLIT', expected: 396_00, actual: 397_23 },
        ]);
        expect(found(card3New)).toEqual([
          { kind: 'CARD_BONUS', expected: 18_00, actual: 23_00 },
          { kind: 'CARD_PRINCIPAL', expected: 180_00, actual: 175_00 },
        ]);
        expect(found(memberId)).toEqual([
          { kind: 'POINTS_BALANCE', expected: balance, actual: balance + 50 },
          { kind: 'POINTS_LOTS', expected: balance, actual: balance + 50 },
        ]);
        expect(report.mismatches).toHaveLength(6);
        // Finance reads it too.
        expect((await integrity(finance)).cardMismatches).toBe(2);
      } finally {
        await t.dataSource.query('UPDATE `card` SET `balance` = `balance` - 123 WHERE `id` = ?', [card1]);
        await t.dataSource.query(
          'UPDATE `card` SET `principalBalance` = `principalBalance` + 500, `bonusBalance` = `bonusBalance` - 500 WHERE `id` = ?',
          [card3New],
        );
        await t.dataSource.query(
          'UPDATE `member` SET `pointsBalance` = `pointsBalance` - 50 WHERE `id` = ?',
          [memberId],
        );
      }
      expect(await integrity()).toMatchObject({ pointsMismatches: 0, cardMismatches: 0, mismatches: [] });
    });
  });

  describe('access', () => {
    it('lets FINANCE and ADMIN see the whole group', async () => {
      const asAdmin = await liability({ asOf: tEnd });
      const asFinance = await liability({ asOf: tEnd }, finance);
      expect(asFinance).toEqual(asAdmin);
      expect(asFinance.totalBalance).toBe(594_00);
      expect(await movements({ from: t0, to: tEnd }, finance)).toEqual(
        await movements({ from: t0, to: tEnd }),
      );
      expect(await settlement({ from: t0, to: tEnd }, finance)).toHaveLength(3);
    });

    it('limits STORE_STAFF to their own dealership and keeps them from the integrity check', async () => {
      const own = await liability({}, storeA);
      expect(own.byDealership.map((d) => d.dealershipId)).toEqual([A]);
      expect(own).toMatchObject({
        totalBalance: 396_00,
        principalBalance: 360_00,
        bonusBalance: 36_00,
        cardCount: 1,
      });
      expect((await liability({ dealershipId: A }, storeA)).totalBalance).toBe(396_00);
      expect(errorCode(await t.gql(STORED_VALUE_LIABILITY, { dealershipId: B }, storeA))).toBe('FORBIDDEN');

      expect(await movements({ from: t0, to: tEnd }, storeA)).toMatchObject({
        recharged: 1_000_00,
        consumedPrincipal: 120_00,
        refunded: 0,
      });
      expect(
        errorCode(await t.gql(STORED_VALUE_MOVEMENTS, { from: t0, to: tEnd, dealershipId: B }, storeA)),
      ).toBe('FORBIDDEN');
      // Settlement lines where the store is either side.
      const lines = await settlement({ from: t0, to: tEnd }, storeA);
      expect(lines.map((l) => `${l.issuingDealershipId}>${l.consumingDealershipId}`).sort()).toEqual(
        [`${A}>${B}`, `${C}>${A}`].sort(),
      );
      expect(errorCode(await t.gql(LEDGER_INTEGRITY, {}, storeA))).toBe('FORBIDDEN');
    });

    it('refuses MARKETING and CUSTOMER_SERVICE every finance report, and anonymous callers', async () => {
      for (const who of [marketing, customerService]) {
        const results: GqlResult[] = [
          await t.gql(STORED_VALUE_LIABILITY, {}, who),
          await t.gql(STORED_VALUE_MOVEMENTS, { from: t0, to: tEnd }, who),
          await t.gql(INTER_STORE_SETTLEMENT, { from: t0, to: tEnd }, who),
          await t.gql(LEDGER_INTEGRITY, {}, who),
          await exportCsv({ kind: 'STORED_VALUE_LIABILITY' }, who),
        ];
        expect(results.map(errorCode)).toEqual(Array(5).fill('FORBIDDEN'));
        expect(results.every((r) => r.data == null)).toBe(true);
      }
      expect(errorCode(await t.gql(STORED_VALUE_LIABILITY, {}))).toBe('UNAUTHENTICATED');
    });
  });

  describe('financeExport', () => {
    const exported = async (input: Record<string, unknown>, who = admin()) => {
      const result = await exportCsv(input, who);
      expect(result.errors).toBeUndefined();
      const file = result.data.financeExport as {
        filename: string;
        contentType: string;
        content: string;
        rows: number;
      };
      expect(file.filename).toMatch(/\.csv$/);
      expect(file.contentType).toMatch(/^text\/csv/);
      const csv = parseCsv(file.content);
      expect(csv.rows).toHaveLength(file.rows);
      return { file, ...csv };
    };

    it('STORED_VALUE_LIABILITY: one row per issuing dealership, in yuan, as of `to`', async () => {
      const report = await liability({ asOf: tEnd });
      const { file, header, rows } = await exported({ kind: 'STORED_VALUE_LIABILITY', to: tEnd });
      expect(file.filename).toMatch(/^stored-value-liability-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(header).toHaveLength(6);
      expect(rows.map((r) => r.slice(0, 5))).toEqual(
        report.byDealership.map((d) => [
          names[d.dealershipId],
          yuan(d.balance),
          yuan(d.principalBalance),
          yuan(d.bonusBalance),
          String(d.cardCount),
        ]),
      );
      expect(rows.find((r) => r[0] === names[A])!.slice(1, 5)).toEqual(['396.00', '360.00', '36.00', '1']);
      expect(rows.find((r) => r[0] === names[C])!.slice(1, 5)).toEqual(['198.00', '180.00', '18.00', '1']);

      const earlier = await exported({ kind: 'STORED_VALUE_LIABILITY', to: t2 });
      expect(earlier.rows.map((r) => r.slice(0, 5))).toEqual([[names[A], '550.00', '500.00', '50.00', '1']]);

      const own = await exported({ kind: 'STORED_VALUE_LIABILITY', to: tEnd }, storeA);
      expect(own.rows.map((r) => r[0])).toEqual([names[A]]);
      const filtered = await exported({ kind: 'STORED_VALUE_LIABILITY', to: tEnd, dealershipId: C });
      expect(filtered.rows.map((r) => r[0])).toEqual([names[C]]);
    });

    it('STORED_VALUE_MOVEMENTS: one row per day matching the report', async () => {
      const report = await movements({ from: t0, to: tEnd });
      const { file, header, rows } = await exported({ kind: 'STORED_VALUE_MOVEMENTS', from: t0, to: tEnd });
      expect(file.filename).toMatch(/^stored-value-movements-.*\.csv$/);
      expect(header).toHaveLength(5);
      expect(rows).toEqual(
        report.days.map((d) => [
          d.date,
          yuan(d.recharged),
          yuan(d.bonusGranted),
          yuan(d.consumed),
          yuan(d.refunded),
        ]),
      );
      const totals = rows.reduce(
        (sum, r) => sum.map((value, i) => value + Math.round(Number(r[i + 1]) * 100)),
        [0, 0, 0, 0],
      );
      expect(totals).toEqual([1_700_00, 170_00, 836_00, 400_00]);
      const atB = await exported({ kind: 'STORED_VALUE_MOVEMENTS', from: t0, to: tEnd, dealershipId: B });
      const bTotals = atB.rows.reduce((sum, r) => sum + Math.round(Number(r[4]) * 100), 0);
      expect(bTotals).toBe(400_00);
    });

    it('INTER_STORE_SETTLEMENT: one row per pair with dealership names', async () => {
      const { file, header, rows } = await exported({ kind: 'INTER_STORE_SETTLEMENT', from: t0, to: tEnd });
      expect(file.filename).toMatch(/^inter-store-settlement-.*\.csv$/);
      expect(header).toHaveLength(5);
      expect(rows).toHaveLength(3);
      expect(rows).toEqual(
        expect.arrayContaining([
          [names[A], names[B], '540.00', '54.00', '2'],
          [names[B], names[C], '100.00', '10.00', '1'],
          [names[C], names[A], '20.00', '2.00', '1'],
        ]),
      );
      const lines = await settlement({ from: t0, to: tEnd });
      expect(rows.map((r) => r.slice(0, 2))).toEqual(
        lines.map((l) => [names[l.issuingDealershipId], names[l.consumingDealershipId]]),
      );
    });

    it('CARD_ENTRIES: every entry of the period, signed amounts in yuan; filtered by dealership', async () => {
      const { file, header, rows } = await exported({ kind: 'CARD_ENTRIES', from: t0, to: tEnd });
      expect(file.filename).toMatch(/^card-entries-.*\.csv$/);
      expect(header).toHaveLength(15);
      const entries: Record<string, unknown>[] = await t.dataSource.query(
        `SELECT e.\`id\`, c.\`cardNo\`, e.\`cardType\`, e.\`type\`, e.\`amount\`, e.\`principalAmount\`, e.\`bonusAmount\`,
                e.\`uses\`, e.\`balanceAfter\`, e.\`dealershipId\`, e.\`issuingDealershipId\`, e.\`createdAt\`
           FROM \`card_entry\` e JOIN \`card\` c ON c.\`id\` = e.\`cardId\``,
      );
      expect(rows).toHaveLength(entries.length);
      const byId = new Map(rows.map((r) => [r[14], r]));
      for (const e of entries) {
        const row = byId.get(String(e.id));
        expect(row).toBeDefined();
        expect(new Date(row![0]).getTime()).toBe(asInstant(e.createdAt).getTime());
        expect(row!.slice(1, 11)).toEqual([
          e.cardNo,
          e.cardType,
          e.type,
          yuan(Number(e.amount)),
          yuan(Number(e.principalAmount)),
          yuan(Number(e.bonusAmount)),
          e.uses === null ? '' : String(e.uses),
          yuan(Number(e.balanceAfter)),
          names[String(e.dealershipId)],
          names[String(e.issuingDealershipId)],
        ]);
      }
      const firstSpendAtB = rows.find((r) => r[3] === 'CONSUME' && r[9] === names[B] && r[4] === '-550.00');
      expect(firstSpendAtB!.slice(4, 9)).toEqual(['-550.00', '-500.00', '-50.00', '', '550.00']);
      // Ordered by time.
      const times = rows.map((r) => Date.parse(r[0]));
      expect([...times].sort((x, y) => x - y)).toEqual(times);

      // At C or issued by C: card3's ISSUE, RECHARGE, TRANSFER_OUT, its replacement's TRANSFER_IN and
      // spend at A, and card2's spend at C.
      const atC = await exported({ kind: 'CARD_ENTRIES', from: t0, to: tEnd, dealershipId: C });
      expect(atC.rows.map((r) => r[3]).sort()).toEqual(
        ['ISSUE', 'RECHARGE', 'TRANSFER_OUT', 'TRANSFER_IN', 'CONSUME', 'CONSUME'].sort(),
      );
      expect(
        errorCode(await exportCsv({ kind: 'CARD_ENTRIES', from: t0, to: tEnd, dealershipId: B }, storeA)),
      ).toBe('FORBIDDEN');
    });

    it('refuses a period that ends before it starts with BAD_USER_INPUT', async () => {
      for (const kind of ['CARD_ENTRIES', 'STORED_VALUE_MOVEMENTS', 'INTER_STORE_SETTLEMENT']) {
        expect(errorCode(await exportCsv({ kind, from: tEnd, to: t0 }))).toBe('BAD_USER_INPUT');
      }
    });

    it('neutralises spreadsheet formulas in free text while amounts stay numbers', async () => {
      const G = await createDealership(t);
      const card = (await issue(G)).id;
      const from = await instant();
      const notes = [
        "-1+1+cmd|' /C calc'!A0",
        '=HYPERLINK("http://x.example","y")',
        '+86 138',
        '@SUM(A1)',
        '-2',
      ];
      for (const note of notes) {
        await t.ok(
          RECHARGE_CARD,
          { input: { cardId: card, dealershipId: G, amount: 1_00, note, idempotencyKey: key('rc') } },
          admin(),
        );
      }
      await consume(card, G, { amount: 2_50 });
      const to = await instant();
      const { rows } = await exported({ kind: 'CARD_ENTRIES', from, to, dealershipId: G });
      const cells = rows.filter((r) => r[3] === 'RECHARGE').map((r) => r[13]);
      expect(cells.sort()).toEqual(
        [
          "'-1+1+cmd|' /C calc'!A0",
          '\'=HYPERLINK("http://x.example","y")',
          "'+86 138",
          "'@SUM(A1)",
          '-2', // a plain number is no formula and stays as it is
        ].sort(),
      );
      const spend = rows.find((r) => r[3] === 'CONSUME')!;
      expect(spend.slice(4, 9)).toEqual(['-2.50', '-2.50', '0.00', '', '2.50']);
    });
  });

  describe('expired value', () => {
    const EXPIRED_LIABILITY = `query ExpiredLiability($asOf: DateTime, $dealershipId: ID) {
      storedValueLiability(asOf: $asOf, dealershipId: $dealershipId) {
        totalBalance expiredBalance cardCount byDealership { dealershipId balance expiredBalance }
      }
    }`;

    it('stays owed after the expiry and is shown as expired as of any later instant', async () => {
      const F = await createDealership(t);
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const card = (await issue(F, { expiresAt })).id;
      await recharge(card, F, 300_00, 30_00);
      const asOf = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString();
      const now = (await t.ok(EXPIRED_LIABILITY, { dealershipId: F }, admin())).storedValueLiability;
      expect(now).toEqual({
        totalBalance: 330_00,
        expiredBalance: 0,
        cardCount: 1,
        byDealership: [{ dealershipId: F, balance: 330_00, expiredBalance: 0 }],
      });
      const later = (await t.ok(EXPIRED_LIABILITY, { dealershipId: F, asOf: asOf(2) }, admin()))
        .storedValueLiability;
      expect(later).toEqual({
        totalBalance: 330_00,
        expiredBalance: 330_00,
        cardCount: 1,
        byDealership: [{ dealershipId: F, balance: 330_00, expiredBalance: 330_00 }],
      });
      const csv = parseCsv(
        (
          await t.ok(
            FINANCE_EXPORT,
            { input: { kind: 'STORED_VALUE_LIABILITY', to: asOf(2), dealershipId: F } },
            admin(),
          )
        ).financeExport.content,
      );
      const [{ name }] = await t.dataSource.query('SELECT `name` FROM `dealership` WHERE `id` = ?', [F]);
      expect(csv.rows).toEqual([[name, '330.00', '300.00', '30.00', '1', '330.00']]);
    });
  });

  describe('programme time zone', () => {
    it('puts an entry at 00:00 Shanghai (16:00 UTC) on the next day and keeps [from, to) half-open', async () => {
      const E = await createDealership(t);
      const card = (await issue(E)).id;
      const first = await recharge(card, E, 100_00, 10_00);
      const spend = await consume(card, E, { amount: 22_00 }); // bonus floor(2200 × 1000 / 11000) = 200
      expect(spend).toMatchObject({ principalAmount: -20_00, bonusAmount: -2_00 });
      const second = await recharge(card, E, 50_00);
      const at = (iso: string) =>
        t.databaseKind === 'sqlite' ? iso.replace('T', ' ').replace('Z', '') : new Date(iso);
      const move = (id: string, iso: string) =>
        t.dataSource.query('UPDATE `card_entry` SET `createdAt` = ? WHERE `id` = ?', [at(iso), id]);
      await t.dataSource.query(
        "UPDATE `card_entry` SET `createdAt` = ? WHERE `cardId` = ? AND `type` = 'ISSUE'",
        [at('2025-01-14T15:00:00.000Z'), card],
      );
      await move(first.id, '2025-01-14T15:59:59.999Z'); // 23:59:59.999 on the 14th in Shanghai
      await move(spend.id, '2025-01-14T16:00:00.000Z'); // 00:00 on the 15th
      await move(second.id, '2025-01-15T15:59:59.999Z'); // 23:59:59.999 on the 15th

      const report = await movements({
        from: '2025-01-14T00:00:00.000Z',
        to: '2025-01-16T00:00:00.000Z',
        dealershipId: E,
      });
      expect(report.days).toEqual([
        { date: '2025-01-14', recharged: 100_00, bonusGranted: 10_00, consumed: 0, refunded: 0 },
        { date: '2025-01-15', recharged: 50_00, bonusGranted: 0, consumed: 22_00, refunded: 0 },
      ]);
      expect(
        (
          await movements({
            from: '2025-01-14T00:00:00.000Z',
            to: '2025-01-14T16:00:00.000Z',
            dealershipId: E,
          })
        ).days,
      ).toEqual([{ date: '2025-01-14', recharged: 100_00, bonusGranted: 10_00, consumed: 0, refunded: 0 }]);
      expect(
        await movements({
          from: '2025-01-14T16:00:00.000Z',
          to: '2025-01-15T15:59:59.999Z',
          dealershipId: E,
        }),
      ).toEqual({
        ...NO_MOVEMENT,
        consumedPrincipal: 20_00,
        consumedBonus: 2_00,
        days: [{ date: '2025-01-15', recharged: 0, bonusGranted: 0, consumed: 22_00, refunded: 0 }],
      });
      // Liability is inclusive of `asOf`.
      expect((await liability({ dealershipId: E, asOf: '2025-01-14T15:59:59.998Z' })).totalBalance).toBe(0);
      expect((await liability({ dealershipId: E, asOf: '2025-01-14T15:59:59.999Z' })).totalBalance).toBe(
        110_00,
      );
      expect((await liability({ dealershipId: E, asOf: '2025-01-14T16:00:00.000Z' })).totalBalance).toBe(
        88_00,
      );
      expect((await liability({ dealershipId: E })).totalBalance).toBe(138_00);
      // The export's days are the report's.
      const csv = parseCsv(
        (
          await t.ok(
            FINANCE_EXPORT,
            {
              input: {
                kind: 'STORED_VALUE_MOVEMENTS',
                from: '2025-01-14T00:00:00.000Z',
                to: '2025-01-16T00:00:00.000Z',
                dealershipId: E,
              },
            },
            admin(),
          )
        ).financeExport.content,
      );
      expect(csv.rows).toEqual([
        ['2025-01-14', '100.00', '10.00', '0.00', '0.00'],
        ['2025-01-15', '50.00', '0.00', '22.00', '0.00'],
      ]);
    });
  });
});
