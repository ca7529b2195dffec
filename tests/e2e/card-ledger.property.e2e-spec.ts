/**
 * Property-based test of the card ledger through the API: random sequences of top-ups, spends
 * (some beyond the balance), refunds, replacements, freezing, loss reports and idempotent replays
 * on a member's stored-value card (and sometimes a count card). After every command the cached
 * balances equal the ledger sums, split into principal and bonus that never go negative, and match
 * a model that applies the pro-rata rule (bonus part = floor(amount × bonus / balance)) itself.
 */
import fc from 'fast-check';
import {
  CONSUME_CARD,
  CREATE_CARD,
  LEDGER_INTEGRITY,
  RECHARGE_CARD,
  REFUND_CARD,
  REPLACE_CARD,
  REPORT_CARD_LOST,
  SET_CARD_FROZEN,
  STORED_VALUE_LIABILITY,
} from './support/contract';
import { createDealership, createMember } from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

type Target = 'stored' | 'count';
type Command =
  | { kind: 'recharge'; target: Target; amount: number; bonus: number; uses: number; elsewhere: boolean }
  | {
      kind: 'consume';
      target: Target;
      mode: 'amount' | 'share' | 'all' | 'over';
      amount: number;
      share: number;
      uses: number;
      elsewhere: boolean;
    }
  | { kind: 'refund'; target: Target }
  | { kind: 'replace'; target: Target }
  | { kind: 'freeze'; target: Target; frozen: boolean }
  | { kind: 'lost'; target: Target }
  | { kind: 'replay' }
  | { kind: 'conflict' };

interface ModelCard {
  id: string;
  type: 'STORED_VALUE' | 'COUNT';
  status: string;
  principal: number;
  bonus: number;
  uses: number | null;
}

/** The last value operation that went through: its mutation, variables, and the entry it returned. */
interface LastWrite {
  query: string;
  field: string;
  input: Record<string, unknown>;
  entryId: string;
}

type Outcome = { refused: 'INSUFFICIENT_BALANCE' | 'INVALID_STATE' } | { refused: null };

const USABLE = ['ACTIVE'];
const REFUNDABLE = ['ACTIVE', 'FROZEN', 'LOST', 'EXPIRED'];
const REPLACEABLE = ['ACTIVE', 'FROZEN', 'LOST'];

/** Negation without -0 (which JSON and the API never return). */
const neg = (value: number) => (value === 0 ? 0 : -value);

/** The bonus part of a spend, as the rule states it, in exact integer arithmetic. */
const bonusPart = (amount: number, principal: number, bonus: number) =>
  principal + bonus <= 0 ? 0 : Number((BigInt(amount) * BigInt(bonus)) / BigInt(principal + bonus));

const target = fc.constantFrom<Target>('stored', 'stored', 'count');
const money = fc.oneof(
  fc.integer({ min: 1, max: 50_00 }),
  fc.integer({ min: 1, max: 3_000_00 }),
  fc.constantFrom(1, 3, 7, 99_99, 1_000_00),
);
const bonus = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 100_00 }),
  fc.integer({ min: 1, max: 1_000_00 }),
  fc.constantFrom(1, 33, 999),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('recharge' as const),
      target,
      amount: money,
      bonus,
      uses: fc.integer({ min: 1, max: 10 }),
      elsewhere: fc.boolean(),
    }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant('consume' as const),
      target,
      mode: fc.constantFrom(
        'amount' as const,
        'share' as const,
        'share' as const,
        'all' as const,
        'over' as const,
      ),
      amount: money,
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      uses: fc.integer({ min: 1, max: 6 }),
      elsewhere: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('refund' as const), target }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), target }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('freeze' as const), target, frozen: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lost' as const), target }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'replay' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'conflict' as const }) },
);

const NUM_RUNS = Number(process.env.CARD_PROPERTY_RUNS || 40);

describe('card ledger (property-based)', () => {
  let t: TestApp;
  /** The issuing dealership of every card in this file, and another store to spend at. */
  let home: string;
  let other: string;
  let seq = 0;
  let commandsRun = 0;
  const refusals: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const key = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${seq++}`;
  const admin = (): Credentials => ({ token: t.adminToken });

  beforeAll(async () => {
    t = await startTestApp();
    home = await createDealership(t);
    other = await createDealership(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Every card of the member agrees with its ledger and with the model. */
  async function checkInvariants(memberId: string, cards: ModelCard[]) {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT `id`, `type`, `status`, `balance`, `principalBalance`, `bonusBalance`, `remainingUses` FROM `card` WHERE `memberId` = ?',
      [memberId],
    );
    const sums: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT `cardId`, SUM(`amount`) AS amount, SUM(`principalAmount`) AS principal, SUM(`bonusAmount`) AS bonus, ' +
        'SUM(COALESCE(`uses`, 0)) AS uses, COUNT(*) AS n FROM `card_entry` WHERE `memberId` = ? GROUP BY `cardId`',
      [memberId],
    );
    const ledger = new Map(sums.map((s) => [String(s.cardId), s]));
    expect(rows.map((r) => String(r.id)).sort()).toEqual(cards.map((c) => c.id).sort());
    for (const row of rows) {
      const balance = Number(row.balance);
      const principal = Number(row.principalBalance);
      const bonusBalance = Number(row.bonusBalance);
      const entries = ledger.get(String(row.id));
      const model = cards.find((c) => c.id === row.id)!;
      const actual = {
        status: row.status,
        balance,
        principal,
        bonus: bonusBalance,
        uses: row.remainingUses === null ? null : Number(row.remainingUses),
      };
      expect(actual).toEqual({
        status: model.status,
        balance: model.principal + model.bonus,
        principal: model.principal,
        bonus: model.bonus,
        uses: model.uses,
      });
      expect(balance).toBe(principal + bonusBalance);
      expect(principal).toBeGreaterThanOrEqual(0);
      expect(bonusBalance).toBeGreaterThanOrEqual(0);
      expect(entries).toBeDefined();
      expect({
        amount: Number(entries!.amount),
        principal: Number(entries!.principal),
        bonus: Number(entries!.bonus),
      }).toEqual({ amount: balance, principal, bonus: bonusBalance });
      if (actual.uses !== null) {
        expect(actual.uses).toBeGreaterThanOrEqual(0);
        expect(Number(entries!.uses)).toBe(actual.uses);
      }
    }
  }

  /** Runs one mutation; a refusal must be exactly the one the model predicts, and nothing else. */
  async function attempt(
    query: string,
    variables: Record<string, unknown>,
    expected: Outcome,
  ): Promise<GqlResult> {
    const result = await t.gql(query, variables, admin());
    commandsRun++;
    if (expected.refused) {
      expect({ code: errorCode(result), message: result.errors?.[0]?.message }).toMatchObject({
        code: expected.refused,
      });
      refusals[expected.refused] = (refusals[expected.refused] ?? 0) + 1;
    } else {
      expect(result.errors).toBeUndefined();
    }
    return result;
  }

  async function runSequence(withCount: boolean, countUses: number, commands: Command[]) {
    const member = await createMember(t, { homeDealershipId: home });
    const issue = async (input: Record<string, unknown>): Promise<ModelCard> => {
      const card = (
        await t.ok(CREATE_CARD, { input: { memberId: member.id, dealershipId: home, ...input } }, admin())
      ).createCard;
      return {
        id: card.id,
        type: card.type,
        status: 'ACTIVE',
        principal: 0,
        bonus: 0,
        uses: card.remainingUses,
      };
    };
    const cards: ModelCard[] = [await issue({ type: 'STORED_VALUE' })];
    const current: Record<Target, ModelCard> = { stored: cards[0], count: cards[0] };
    if (withCount) {
      current.count = await issue({ type: 'COUNT', serviceName: '精致洗车', uses: countUses });
      expect(current.count.uses).toBe(countUses);
      cards.push(current.count);
    }
    let last: LastWrite | null = null;
    await checkInvariants(member.id, cards);

    for (const cmd of commands) {
      kinds[cmd.kind] = (kinds[cmd.kind] ?? 0) + 1;
      const card = 'target' in cmd ? current[cmd.target] : null;
      const at = 'elsewhere' in cmd && cmd.elsewhere ? other : home;
      switch (cmd.kind) {
        case 'recharge': {
          const stored = card!.type === 'STORED_VALUE';
          const input = stored
            ? {
                cardId: card!.id,
                dealershipId: at,
                amount: cmd.amount,
                bonusAmount: cmd.bonus,
                idempotencyKey: key('rc'),
              }
            : { cardId: card!.id, dealershipId: at, uses: cmd.uses, idempotencyKey: key('rc') };
          const usable = USABLE.includes(card!.status);
          const result = await attempt(
            RECHARGE_CARD,
            { input },
            { refused: usable ? null : 'INVALID_STATE' },
          );
          if (!usable) break;
          if (stored) {
            card!.principal += cmd.amount;
            card!.bonus += cmd.bonus;
          } else card!.uses! += cmd.uses;
          const entry = result.data.rechargeCard;
          expect(entry).toMatchObject({
            type: 'RECHARGE',
            amount: stored ? cmd.amount + cmd.bonus : 0,
            principalAmount: stored ? cmd.amount : 0,
            bonusAmount: stored ? cmd.bonus : 0,
            uses: stored ? null : cmd.uses,
            balanceAfter: card!.principal + card!.bonus,
            principalBalanceAfter: card!.principal,
            bonusBalanceAfter: card!.bonus,
            remainingUsesAfter: card!.uses,
            dealershipId: at,
          });
          last = { query: RECHARGE_CARD, field: 'rechargeCard', input, entryId: entry.id };
          break;
        }
        case 'consume': {
          const stored = card!.type === 'STORED_VALUE';
          const balance = card!.principal + card!.bonus;
          const amount =
            cmd.mode === 'amount'
              ? cmd.amount
              : cmd.mode === 'share'
                ? Math.max(1, Math.floor(balance * cmd.share))
                : cmd.mode === 'all'
                  ? Math.max(1, balance)
                  : balance + 1;
          const uses = cmd.mode === 'over' ? card!.uses! + 1 : cmd.uses;
          const input = stored
            ? { cardId: card!.id, dealershipId: at, amount, idempotencyKey: key('co') }
            : { cardId: card!.id, dealershipId: at, uses, idempotencyKey: key('co') };
          const refused = !USABLE.includes(card!.status)
            ? 'INVALID_STATE'
            : (stored ? amount > balance : uses > card!.uses!)
              ? 'INSUFFICIENT_BALANCE'
              : null;
          const result = await attempt(CONSUME_CARD, { input }, { refused });
          if (refused) break;
          let principalPart = 0;
          let bonusSpent = 0;
          if (stored) {
            bonusSpent = bonusPart(amount, card!.principal, card!.bonus);
            principalPart = amount - bonusSpent;
            card!.principal -= principalPart;
            card!.bonus -= bonusSpent;
          } else card!.uses! -= uses;
          const entry = result.data.consumeCard;
          expect(entry).toMatchObject({
            type: 'CONSUME',
            amount: stored ? neg(amount) : 0,
            principalAmount: neg(principalPart),
            bonusAmount: neg(bonusSpent),
            uses: stored ? null : neg(uses),
            balanceAfter: card!.principal + card!.bonus,
            principalBalanceAfter: card!.principal,
            bonusBalanceAfter: card!.bonus,
            remainingUsesAfter: card!.uses,
            dealershipId: at,
          });
          last = { query: CONSUME_CARD, field: 'consumeCard', input, entryId: entry.id };
          break;
        }
        case 'refund': {
          // At the issuing dealership, which holds the money.
          const input = {
            cardId: card!.id,
            dealershipId: home,
            reason: '客户退卡',
            idempotencyKey: key('rf'),
          };
          const refused =
            card!.type !== 'STORED_VALUE' || !REFUNDABLE.includes(card!.status) ? 'INVALID_STATE' : null;
          const result = await attempt(REFUND_CARD, { input }, { refused });
          if (refused) break;
          const entry = result.data.refundCard;
          expect(entry).toMatchObject({
            type: 'REFUND',
            amount: neg(card!.principal + card!.bonus),
            principalAmount: neg(card!.principal),
            bonusAmount: neg(card!.bonus),
            balanceAfter: 0,
            card: { id: card!.id, status: 'REFUNDED' },
          });
          Object.assign(card!, { principal: 0, bonus: 0, status: 'REFUNDED' });
          last = { query: REFUND_CARD, field: 'refundCard', input, entryId: entry.id };
          break;
        }
        case 'replace': {
          const refused = REPLACEABLE.includes(card!.status) ? null : 'INVALID_STATE';
          const result = await attempt(
            REPLACE_CARD,
            { input: { cardId: card!.id, reason: '卡片损坏' } },
            { refused },
          );
          if (refused) break;
          const replacement = result.data.replaceCard;
          const next: ModelCard = { ...card!, id: replacement.id, status: 'ACTIVE' };
          expect(replacement).toMatchObject({
            type: card!.type,
            status: 'ACTIVE',
            dealershipId: home,
            balance: card!.principal + card!.bonus,
            principalBalance: card!.principal,
            bonusBalance: card!.bonus,
            remainingUses: card!.uses,
            replacedById: null,
          });
          expect(replacement.cardNo).toMatch(/^\d{16}$/);
          Object.assign(card!, {
            principal: 0,
            bonus: 0,
            uses: card!.uses === null ? null : 0,
            status: 'REPLACED',
          });
          cards.push(next);
          if (current.stored === card) current.stored = next;
          if (current.count === card) current.count = next;
          break;
        }
        case 'freeze': {
          const from = cmd.frozen ? 'ACTIVE' : 'FROZEN';
          const to = cmd.frozen ? 'FROZEN' : 'ACTIVE';
          const refused = card!.status === from || card!.status === to ? null : 'INVALID_STATE';
          const result = await attempt(
            SET_CARD_FROZEN,
            { input: { cardId: card!.id, frozen: cmd.frozen } },
            { refused },
          );
          if (refused) break;
          expect(result.data.setCardFrozen).toEqual({ id: card!.id, status: to });
          card!.status = to;
          break;
        }
        case 'lost': {
          const refused = ['ACTIVE', 'FROZEN', 'LOST'].includes(card!.status) ? null : 'INVALID_STATE';
          const result = await attempt(REPORT_CARD_LOST, { input: { cardId: card!.id } }, { refused });
          if (refused) break;
          expect(result.data.reportCardLost).toEqual({ id: card!.id, status: 'LOST' });
          card!.status = 'LOST';
          break;
        }
        case 'replay': {
          if (!last) break;
          // The same key and payload: the first entry again, and nothing moves.
          const result = await attempt(last.query, { input: last.input }, { refused: null });
          expect(result.data[last.field].id).toBe(last.entryId);
          break;
        }
        case 'conflict': {
          if (!last) break;
          // The same key with another payload: a CONFLICT, and nothing moves.
          const changed =
            last.field === 'refundCard' ? { reason: 'another request' } : { note: 'another request' };
          const input = { ...last.input, ...changed };
          const result = await t.gql(last.query, { input }, admin());
          commandsRun++;
          expect(errorCode(result)).toBe('CONFLICT');
          break;
        }
      }
      await checkInvariants(member.id, cards);
    }

    // The liability report, from the ledger, equals the cached balances of the home store's cards.
    const report = (await t.ok(STORED_VALUE_LIABILITY, { dealershipId: home }, admin())).storedValueLiability;
    const [cached] = await t.dataSource.query(
      'SELECT COALESCE(SUM(`balance`), 0) AS balance, COALESCE(SUM(`principalBalance`), 0) AS principal, ' +
        'COALESCE(SUM(`bonusBalance`), 0) AS bonus, SUM(CASE WHEN `balance` <> 0 THEN 1 ELSE 0 END) AS cards ' +
        "FROM `card` WHERE `dealershipId` = ? AND `type` = 'STORED_VALUE'",
      [home],
    );
    expect({
      totalBalance: report.totalBalance,
      principalBalance: report.principalBalance,
      bonusBalance: report.bonusBalance,
      cardCount: report.cardCount,
    }).toEqual({
      totalBalance: Number(cached.balance),
      principalBalance: Number(cached.principal),
      bonusBalance: Number(cached.bonus),
      cardCount: Number(cached.cards ?? 0),
    });
    expect(report.byDealership.map((d: { dealershipId: string }) => d.dealershipId)).toEqual([home]);
  }

  it('keeps every card equal to its ledger and to the pro-rata model under random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        fc.array(command, { minLength: 2, maxLength: 15 }),
        runSequence,
      ),
      { numRuns: NUM_RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    // The generators reach the interesting paths, not only refusals.
    expect(commandsRun).toBeGreaterThan(NUM_RUNS * 3);
    expect(refusals.INSUFFICIENT_BALANCE ?? 0).toBeGreaterThan(0);
    expect(refusals.INVALID_STATE ?? 0).toBeGreaterThan(0);
    if (process.env.CARD_PROPERTY_STATS) console.log({ commandsRun, refusals, kinds });
  }, 180_000);

  it('leaves the whole database with zero ledger mismatches', async () => {
    const report = (await t.ok(LEDGER_INTEGRITY, {}, admin())).ledgerIntegrity;
    expect(report).toMatchObject({ pointsMismatches: 0, cardMismatches: 0, mismatches: [] });
    expect(report.cardsChecked).toBeGreaterThan(NUM_RUNS);
  });
});
