/**
 * Cards through the API: issuing membership, stored-value (储值卡) and count (次卡) cards, top-ups
 * with bonus, pro-rata spending, refunds, loss and replacement, freezing, expiry, idempotency,
 * concurrency on SQLite and MariaDB, notifications, access and dealership scoping, the card ledger.
 */
import {
  AUDIT_LOGS,
  CARD,
  CARD_ENTRIES,
  CARDS,
  CONSUME_CARD,
  CREATE_CARD,
  LEDGER_INTEGRITY,
  ME,
  NOTIFICATIONS,
  RECHARGE_CARD,
  REFUND_CARD,
  REPLACE_CARD,
  REPORT_CARD_LOST,
  RUN_JOB,
  SET_CARD_FROZEN,
  SET_MEMBER_STATUS,
} from './support/contract';
import { apiKey, createDealership, createMember, recordTransaction } from './support/fixtures';
import { Credentials, errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

/** Not in the public contract: the admin's 延期 (new expiry) of a card. */
const EXTEND_CARD = `mutation ExtendCard($input: ExtendCardInput!) {
  extendCard(input: $input) { id status expiresAt balance principalBalance bonusBalance }
}`;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Luhn check of a whole card number, written independently of the backend's. */
function luhnValid(cardNo: string): boolean {
  let sum = 0;
  for (let i = 0; i < cardNo.length; i++) {
    let d = Number(cardNo[cardNo.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The contract's bonus part of a spend, by hand: floor(amount × bonus / balance). */
const bonusPart = (amount: number, principal: number, bonus: number) =>
  Math.floor((amount * bonus) / (principal + bonus));

interface Card {
  id: string;
  cardNo: string;
  type: string;
  status: string;
  memberId: string;
  dealershipId: string;
  balance: number;
  principalBalance: number;
  bonusBalance: number;
  remainingUses: number | null;
  serviceName: string | null;
  expiresAt: string | null;
  replacedById: string | null;
  createdAt: string;
}

interface Entry {
  id: string;
  cardId: string;
  type: string;
  amount: number;
  principalAmount: number;
  bonusAmount: number;
  uses: number | null;
  balanceAfter: number;
  principalBalanceAfter: number;
  bonusBalanceAfter: number;
  remainingUsesAfter: number | null;
  dealershipId: string | null;
  operatorId: string | null;
  paymentMethod: string | null;
  note: string | null;
  createdAt: string;
}

/** A card's cached balances, its entry count and its member's balance notifications, from the database. */
interface State {
  status: string;
  balance: number;
  principal: number;
  bonus: number;
  uses: number | null;
  entries: number;
  notifications: number;
}

describe('cards', () => {
  let t: TestApp;
  let dealerA: string;
  let dealerB: string;
  let adminId: string;
  let seq = 0;

  const admin = (): Credentials => ({ token: t.adminToken });
  const key = (prefix = 'key') => `${prefix}-${Date.now().toString(36)}-${seq++}`;

  const create = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(CREATE_CARD, { input: { dealershipId: dealerA, ...input } }, credentials);
  const issue = async (memberId: string, type = 'STORED_VALUE', extra: Record<string, unknown> = {}) => {
    const result = await create({ memberId, type, ...extra });
    expect(result.errors).toBeUndefined();
    return result.data.createCard as Card;
  };
  const recharge = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      RECHARGE_CARD,
      { input: { dealershipId: dealerA, idempotencyKey: key('recharge'), ...input } },
      credentials,
    );
  const consume = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      CONSUME_CARD,
      { input: { dealershipId: dealerA, idempotencyKey: key('consume'), ...input } },
      credentials,
    );
  const refund = (input: Record<string, unknown>, credentials: Credentials = admin()): Promise<GqlResult> =>
    t.gql(
      REFUND_CARD,
      { input: { dealershipId: dealerA, reason: '客户申请退卡', idempotencyKey: key('refund'), ...input } },
      credentials,
    );
  /** Tops up and fails the test on any error. */
  const topUp = async (cardId: string, amount: number, bonusAmount?: number) => {
    const result = await recharge({ cardId, amount, bonusAmount });
    expect(result.errors).toBeUndefined();
    return result.data.rechargeCard as Entry;
  };
  /** Spends and fails the test on any error. */
  const spend = async (
    cardId: string,
    input: Record<string, unknown>,
    credentials: Credentials = admin(),
  ) => {
    const result = await consume({ cardId, ...input }, credentials);
    expect(result.errors).toBeUndefined();
    return result.data.consumeCard as Entry;
  };
  const card = async (id: string) =>
    (await t.ok(CARD, { id }, admin())).card as Card & { entries: { items: Entry[]; total: number } };
  const cardEntries = async (
    filter: Record<string, unknown>,
    sort = [{ field: 'CREATED_AT', order: 'ASC' }],
    credentials: Credentials = admin(),
  ) =>
    (await t.ok(CARD_ENTRIES, { filter, sort, page: { perPage: 1000 } }, credentials)).cardEntries as {
      items: (Entry & { card: { cardNo: string; memberId: string } })[];
      total: number;
    };
  const runJob = async (job: string, asOf: Date) => {
    const { runJob: run } = await t.ok(RUN_JOB, { input: { job, asOf: asOf.toISOString() } }, admin());
    expect(run).toMatchObject({ job, status: 'SUCCEEDED', error: null });
    return run as { processed: number; affected: number };
  };
  const cardsOfMember = async (memberId: string) =>
    Number(
      (await t.dataSource.query('SELECT COUNT(*) AS n FROM `card` WHERE `memberId` = ?', [memberId]))[0].n,
    );

  /**
   * The card as the database holds it. The ledger must add up to the cached balances (ledgers are
   * the truth) and principal + bonus must be the balance, whatever else the test checks.
   */
  const state = async (cardId: string): Promise<State> => {
    const [c] = await t.dataSource.query(
      'SELECT `status`, `memberId`, `balance`, `principalBalance`, `bonusBalance`, `remainingUses` FROM `card` WHERE `id` = ?',
      [cardId],
    );
    const [e] = await t.dataSource.query(
      'SELECT COUNT(*) AS n, COALESCE(SUM(`amount`), 0) AS amount, COALESCE(SUM(`principalAmount`), 0) AS principal, ' +
        'COALESCE(SUM(`bonusAmount`), 0) AS bonus, COALESCE(SUM(`uses`), 0) AS uses FROM `card_entry` WHERE `cardId` = ?',
      [cardId],
    );
    const [n] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM `notification` WHERE `memberId` = ? AND `template` = ?',
      [c.memberId, 'CARD_BALANCE_CHANGED'],
    );
    const s: State = {
      status: c.status,
      balance: Number(c.balance),
      principal: Number(c.principalBalance),
      bonus: Number(c.bonusBalance),
      uses: c.remainingUses === null ? null : Number(c.remainingUses),
      entries: Number(e.n),
      notifications: Number(n.n),
    };
    expect(Number(e.amount)).toBe(s.balance);
    expect(Number(e.principal)).toBe(s.principal);
    expect(Number(e.bonus)).toBe(s.bonus);
    expect(Number(e.uses)).toBe(s.uses ?? 0);
    expect(s.principal + s.bonus).toBe(s.balance);
    expect(s.principal).toBeGreaterThanOrEqual(0);
    expect(s.bonus).toBeGreaterThanOrEqual(0);
    return s;
  };
  /** Runs a refused request and checks its code and that it changed nothing on the card. */
  const refused = async (cardId: string, code: string, request: () => Promise<GqlResult>) => {
    const before = await state(cardId);
    const result = await request();
    expect(errorCode(result)).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await state(cardId)).toEqual(before);
    return result;
  };

  beforeAll(async () => {
    t = await startTestApp();
    dealerA = await createDealership(t);
    dealerB = await createDealership(t);
    adminId = (await t.ok(ME, {}, admin())).me.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('createCard', () => {
    it('issues an empty STORED_VALUE card with a 16-digit Luhn-valid number and one ISSUE entry', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      expect(c.cardNo).toMatch(/^\d{16}$/);
      expect(luhnValid(c.cardNo)).toBe(true);
      expect(c).toMatchObject({
        type: 'STORED_VALUE',
        status: 'ACTIVE',
        memberId: m.id,
        dealershipId: dealerA,
        balance: 0,
        principalBalance: 0,
        bonusBalance: 0,
        remainingUses: null,
        serviceName: null,
        expiresAt: null,
        replacedById: null,
      });
      const read = await card(c.id);
      expect(read.entries.total).toBe(1);
      expect(read.entries.items[0]).toMatchObject({
        cardId: c.id,
        type: 'ISSUE',
        amount: 0,
        principalAmount: 0,
        bonusAmount: 0,
        uses: null,
        balanceAfter: 0,
        principalBalanceAfter: 0,
        bonusBalanceAfter: 0,
        remainingUsesAfter: null,
        dealershipId: dealerA,
        operatorId: adminId,
        paymentMethod: null,
      });
      // Issuing tells the member nothing: no balance changed.
      expect(await state(c.id)).toEqual({
        status: 'ACTIVE',
        balance: 0,
        principal: 0,
        bonus: 0,
        uses: null,
        entries: 1,
        notifications: 0,
      });
    });

    it('needs a service and uses for a COUNT card, and issues it with its uses on the ISSUE entry', async () => {
      const m = await createMember(t);
      const neither = await create({ memberId: m.id, type: 'COUNT' });
      expect(errorCode(neither)).toBe('BAD_USER_INPUT');
      expect(Object.keys(neither.errors![0].extensions!.fields!).sort()).toEqual([
        'input.serviceName',
        'input.uses',
      ]);
      const noUses = await create({ memberId: m.id, type: 'COUNT', serviceName: '精致洗车' });
      expect(errorCode(noUses)).toBe('BAD_USER_INPUT');
      expect(Object.keys(noUses.errors![0].extensions!.fields!)).toEqual(['input.uses']);
      const noService = await create({ memberId: m.id, type: 'COUNT', uses: 10 });
      expect(errorCode(noService)).toBe('BAD_USER_INPUT');
      expect(Object.keys(noService.errors![0].extensions!.fields!)).toEqual(['input.serviceName']);
      const zeroUses = await create({ memberId: m.id, type: 'COUNT', serviceName: '精致洗车', uses: 0 });
      expect(errorCode(zeroUses)).toBe('BAD_USER_INPUT');
      expect(zeroUses.errors![0].extensions!.fields).toHaveProperty(['input.uses']);
      const usesOnStoredValue = await create({ memberId: m.id, type: 'STORED_VALUE', uses: 3 });
      expect(errorCode(usesOnStoredValue)).toBe('BAD_USER_INPUT');
      expect(usesOnStoredValue.errors![0].extensions!.fields).toHaveProperty(['input.uses']);
      expect(await cardsOfMember(m.id)).toBe(0);

      const c = await issue(m.id, 'COUNT', { serviceName: '精致洗车', uses: 10 });
      expect(luhnValid(c.cardNo)).toBe(true);
      expect(c).toMatchObject({
        type: 'COUNT',
        status: 'ACTIVE',
        serviceName: '精致洗车',
        remainingUses: 10,
        balance: 0,
        principalBalance: 0,
        bonusBalance: 0,
      });
      const [issued] = (await card(c.id)).entries.items;
      expect(issued).toMatchObject({
        type: 'ISSUE',
        amount: 0,
        principalAmount: 0,
        bonusAmount: 0,
        uses: 10,
        remainingUsesAfter: 10,
        balanceAfter: 0,
      });
      expect(await state(c.id)).toMatchObject({ uses: 10, entries: 1 });
    });

    it('allows one live MEMBERSHIP card per member (CONFLICT for a second)', async () => {
      const m = await createMember(t);
      const first = await issue(m.id, 'MEMBERSHIP');
      expect(first).toMatchObject({ type: 'MEMBERSHIP', status: 'ACTIVE', balance: 0, remainingUses: null });
      expect(luhnValid(first.cardNo)).toBe(true);
      const second = await create({ memberId: m.id, type: 'MEMBERSHIP' });
      expect(errorCode(second)).toBe('CONFLICT');
      const atB = await create({ memberId: m.id, type: 'MEMBERSHIP', dealershipId: dealerB });
      expect(errorCode(atB)).toBe('CONFLICT');
      // A lost membership card is still live until it is replaced.
      await t.ok(REPORT_CARD_LOST, { input: { cardId: first.id, reason: '遗失' } }, admin());
      expect(errorCode(await create({ memberId: m.id, type: 'MEMBERSHIP' }))).toBe('CONFLICT');
      expect(await cardsOfMember(m.id)).toBe(1);
      // Other kinds of card are not limited.
      await issue(m.id, 'STORED_VALUE');
      await issue(m.id, 'STORED_VALUE');
      expect(await cardsOfMember(m.id)).toBe(3);
    });

    it('refuses an unknown member or dealership and a past expiry (BAD_USER_INPUT) and writes nothing', async () => {
      const unknown = await create({ memberId: 'NO-SUCH-MEMBER', type: 'STORED_VALUE' });
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
      expect(unknown.errors![0].extensions!.fields).toHaveProperty(['input.memberId']);
      expect(unknown.data ?? null).toBeNull();
      const m = await createMember(t);
      const noStore = await create({ memberId: m.id, type: 'STORED_VALUE', dealershipId: 'NO-SUCH-STORE' });
      expect(errorCode(noStore)).toBe('BAD_USER_INPUT');
      expect(noStore.errors![0].extensions!.fields).toHaveProperty(['input.dealershipId']);
      const past = await create({
        memberId: m.id,
        type: 'STORED_VALUE',
        expiresAt: new Date(Date.now() - DAY).toISOString(),
      });
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      expect(past.errors![0].extensions!.fields).toHaveProperty(['input.expiresAt']);
      expect(await cardsOfMember(m.id)).toBe(0);
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `card` WHERE `memberId` = ?', [
        'NO-SUCH-MEMBER',
      ]);
      expect(Number(n)).toBe(0);
    });

    it('returns the same card for a replay of its idempotencyKey; another payload is a CONFLICT', async () => {
      const m = await createMember(t);
      const input = { memberId: m.id, type: 'MEMBERSHIP', idempotencyKey: key('create') };
      const first = await issue(m.id, 'MEMBERSHIP', { idempotencyKey: input.idempotencyKey });
      const again = await create(input);
      expect(again.errors).toBeUndefined();
      expect(again.data.createCard).toEqual(first);
      const other = await create({ ...input, type: 'STORED_VALUE' });
      expect(errorCode(other)).toBe('CONFLICT');
      expect(other.errors![0].extensions!.field).toBe('input.idempotencyKey');
      expect(await cardsOfMember(m.id)).toBe(1);
      expect(await state(first.id)).toMatchObject({ entries: 1 });
    });

    it('issues only to ACTIVE members (INVALID_STATE for a FROZEN one)', async () => {
      const m = await createMember(t);
      await t.ok(
        SET_MEMBER_STATUS,
        { input: { memberId: m.id, status: 'FROZEN', reason: '账户冻结' } },
        admin(),
      );
      const frozen = await create({ memberId: m.id, type: 'STORED_VALUE' });
      expect(errorCode(frozen)).toBe('INVALID_STATE');
      expect(frozen.data ?? null).toBeNull();
      expect(await cardsOfMember(m.id)).toBe(0);
      await t.ok(SET_MEMBER_STATUS, { input: { memberId: m.id, status: 'ACTIVE', reason: '解冻' } }, admin());
      await issue(m.id);
      expect(await cardsOfMember(m.id)).toBe(1);
    });
  });

  describe('rechargeCard', () => {
    it('tops up principal and bonus separately (充1000送100) and records the payment method', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      const result = await recharge({
        cardId: c.id,
        amount: 1_000_00,
        bonusAmount: 100_00,
        paymentMethod: 'MOBILE_PAY',
        note: '充1000送100',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.rechargeCard).toMatchObject({
        cardId: c.id,
        type: 'RECHARGE',
        amount: 110000,
        principalAmount: 100000,
        bonusAmount: 10000,
        uses: null,
        balanceAfter: 110000,
        principalBalanceAfter: 100000,
        bonusBalanceAfter: 10000,
        remainingUsesAfter: null,
        dealershipId: dealerA,
        operatorId: adminId,
        paymentMethod: 'MOBILE_PAY',
        note: '充1000送100',
      });
      expect(await card(c.id)).toMatchObject({
        balance: 110000,
        principalBalance: 100000,
        bonusBalance: 10000,
      });

      const cash = await recharge({ cardId: c.id, amount: 500_00, paymentMethod: 'CASH' });
      expect(cash.data.rechargeCard).toMatchObject({
        amount: 50000,
        principalAmount: 50000,
        bonusAmount: 0,
        balanceAfter: 160000,
        principalBalanceAfter: 150000,
        bonusBalanceAfter: 10000,
        paymentMethod: 'CASH',
      });
      expect(await state(c.id)).toMatchObject({
        balance: 160000,
        principal: 150000,
        bonus: 10000,
        entries: 3,
      });
    });

    it('refuses a membership card (INVALID_STATE) and a top-up without a valid amount (BAD_USER_INPUT)', async () => {
      const m = await createMember(t);
      const membership = await issue(m.id, 'MEMBERSHIP');
      await refused(membership.id, 'INVALID_STATE', () =>
        recharge({ cardId: membership.id, amount: 100_00 }),
      );

      const c = await issue(m.id);
      await topUp(c.id, 100_00);
      const noAmount = await refused(c.id, 'BAD_USER_INPUT', () =>
        recharge({ cardId: c.id, bonusAmount: 10_00 }),
      );
      expect(noAmount.errors![0].extensions!.fields).toHaveProperty(['input.amount']);
      const zero = await refused(c.id, 'BAD_USER_INPUT', () => recharge({ cardId: c.id, amount: 0 }));
      expect(zero.errors![0].extensions!.fields).toHaveProperty(['input.amount']);
      const negativeBonus = await refused(c.id, 'BAD_USER_INPUT', () =>
        recharge({ cardId: c.id, amount: 100_00, bonusAmount: -1 }),
      );
      expect(negativeBonus.errors![0].extensions!.fields).toHaveProperty(['input.bonusAmount']);
      const uses = await refused(c.id, 'BAD_USER_INPUT', () =>
        recharge({ cardId: c.id, amount: 100_00, uses: 2 }),
      );
      expect(uses.errors![0].extensions!.fields).toHaveProperty(['input.uses']);
      const badKey = await refused(c.id, 'BAD_USER_INPUT', () =>
        recharge({ cardId: c.id, amount: 100_00, idempotencyKey: 'short' }),
      );
      expect(badKey.errors![0].extensions!.fields).toHaveProperty(['input.idempotencyKey']);
      const noStore = await refused(c.id, 'BAD_USER_INPUT', () =>
        recharge({ cardId: c.id, amount: 100_00, dealershipId: 'NO-SUCH-STORE' }),
      );
      expect(noStore.errors![0].extensions!.fields).toHaveProperty(['input.dealershipId']);
      expect(errorCode(await recharge({ cardId: 'NO-SUCH-CARD', amount: 100_00 }))).toBe('NOT_FOUND');
      expect(await state(c.id)).toMatchObject({ balance: 10000, principal: 10000, bonus: 0, entries: 2 });
    });

    it('adds uses to a count card', async () => {
      const m = await createMember(t);
      const c = await issue(m.id, 'COUNT', { serviceName: '四轮定位', uses: 10 });
      const result = await recharge({ cardId: c.id, uses: 5, paymentMethod: 'BANK_CARD' });
      expect(result.errors).toBeUndefined();
      expect(result.data.rechargeCard).toMatchObject({
        type: 'RECHARGE',
        amount: 0,
        principalAmount: 0,
        bonusAmount: 0,
        uses: 5,
        remainingUsesAfter: 15,
        balanceAfter: 0,
        paymentMethod: 'BANK_CARD',
      });
      expect((await card(c.id)).remainingUses).toBe(15);
      const noUses = await refused(c.id, 'BAD_USER_INPUT', () => recharge({ cardId: c.id }));
      expect(noUses.errors![0].extensions!.fields).toHaveProperty(['input.uses']);
      const money = await refused(c.id, 'BAD_USER_INPUT', () =>
        recharge({ cardId: c.id, uses: 1, amount: 100_00 }),
      );
      expect(money.errors![0].extensions!.fields).toHaveProperty(['input.amount']);
      expect(await state(c.id)).toMatchObject({ uses: 15, balance: 0, entries: 2 });
    });
  });

  describe('consumeCard', () => {
    it('draws principal and bonus pro rata, rounding the bonus part down', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00, 100_00);

      // 55000 of 100000 + 10000: bonus floor(55000 × 10000 / 110000) = 5000, principal 50000.
      expect(bonusPart(55000, 100000, 10000)).toBe(5000);
      const first = await spend(c.id, { amount: 55000, note: '保养' });
      expect(first).toMatchObject({
        type: 'CONSUME',
        amount: -55000,
        principalAmount: -50000,
        bonusAmount: -5000,
        uses: null,
        balanceAfter: 55000,
        principalBalanceAfter: 50000,
        bonusBalanceAfter: 5000,
        dealershipId: dealerA,
        operatorId: adminId,
        paymentMethod: null,
        note: '保养',
      });

      // 33333 of 50000 + 5000: bonus floor(33333 × 5000 / 55000) = floor(3030.27) = 3030, principal 30303.
      expect(bonusPart(33333, 50000, 5000)).toBe(3030);
      const second = await spend(c.id, { amount: 33333 });
      expect(second).toMatchObject({
        amount: -33333,
        principalAmount: -30303,
        bonusAmount: -3030,
        balanceAfter: 21667,
        principalBalanceAfter: 19697,
        bonusBalanceAfter: 1970,
      });

      // One fen more than the balance: refused, nothing written.
      const tooMuch = await refused(c.id, 'INSUFFICIENT_BALANCE', () =>
        consume({ cardId: c.id, amount: 21668 }),
      );
      expect(tooMuch.data ?? null).toBeNull();
      expect(await state(c.id)).toEqual({
        status: 'ACTIVE',
        balance: 21667,
        principal: 19697,
        bonus: 1970,
        uses: null,
        entries: 4,
        notifications: 3,
      });

      // The whole balance: the bonus part is exactly the bonus left.
      const last = await spend(c.id, { amount: 21667 });
      expect(last).toMatchObject({
        principalAmount: -19697,
        bonusAmount: -1970,
        balanceAfter: 0,
        principalBalanceAfter: 0,
        bonusBalanceAfter: 0,
      });
      await refused(c.id, 'INSUFFICIENT_BALANCE', () => consume({ cardId: c.id, amount: 1 }));
      expect(await card(c.id)).toMatchObject({
        status: 'ACTIVE',
        balance: 0,
        principalBalance: 0,
        bonusBalance: 0,
      });
    });

    it('spends uses of a count card; more than are left is INSUFFICIENT_BALANCE', async () => {
      const m = await createMember(t);
      const c = await issue(m.id, 'COUNT', { serviceName: '精致洗车', uses: 10 });
      const used = await spend(c.id, { uses: 3 });
      expect(used).toMatchObject({
        type: 'CONSUME',
        amount: 0,
        principalAmount: 0,
        bonusAmount: 0,
        uses: -3,
        remainingUsesAfter: 7,
        balanceAfter: 0,
      });
      await refused(c.id, 'INSUFFICIENT_BALANCE', () => consume({ cardId: c.id, uses: 8 }));
      const noUses = await refused(c.id, 'BAD_USER_INPUT', () => consume({ cardId: c.id }));
      expect(noUses.errors![0].extensions!.fields).toHaveProperty(['input.uses']);
      const money = await refused(c.id, 'BAD_USER_INPUT', () =>
        consume({ cardId: c.id, uses: 1, amount: 100 }),
      );
      expect(money.errors![0].extensions!.fields).toHaveProperty(['input.amount']);
      expect((await spend(c.id, { uses: 7 })).remainingUsesAfter).toBe(0);
      await refused(c.id, 'INSUFFICIENT_BALANCE', () => consume({ cardId: c.id, uses: 1 }));
      expect(await state(c.id)).toMatchObject({ uses: 0, entries: 3 });
    });

    it('refuses a stored-value spend without an amount, and a membership card', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 100_00);
      const noAmount = await refused(c.id, 'BAD_USER_INPUT', () => consume({ cardId: c.id }));
      expect(noAmount.errors![0].extensions!.fields).toHaveProperty(['input.amount']);
      const uses = await refused(c.id, 'BAD_USER_INPUT', () =>
        consume({ cardId: c.id, amount: 100, uses: 1 }),
      );
      expect(uses.errors![0].extensions!.fields).toHaveProperty(['input.uses']);
      const negative = await refused(c.id, 'BAD_USER_INPUT', () => consume({ cardId: c.id, amount: -100 }));
      expect(negative.errors![0].extensions!.fields).toHaveProperty(['input.amount']);
      const membership = await issue(m.id, 'MEMBERSHIP');
      await refused(membership.id, 'INVALID_STATE', () => consume({ cardId: membership.id, amount: 100 }));
      expect(errorCode(await consume({ cardId: 'NO-SUCH-CARD', amount: 100 }))).toBe('NOT_FOUND');
    });

    it('links the sale it pays for; an unknown transactionId is BAD_USER_INPUT', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00);
      const sale = await recordTransaction(t, { dealershipId: dealerA, memberId: m.id, amount: 388_00 });
      const paid = await spend(c.id, { amount: 388_00, transactionId: sale.id });
      expect(paid).toMatchObject({ amount: -38800, balanceAfter: 61200 });
      const [row] = await t.dataSource.query('SELECT `transactionId` FROM `card_entry` WHERE `id` = ?', [
        paid.id,
      ]);
      expect(row.transactionId).toBe(sale.id);

      const unknown = await refused(c.id, 'BAD_USER_INPUT', () =>
        consume({ cardId: c.id, amount: 100_00, transactionId: 'NO-SUCH-TRANSACTION' }),
      );
      expect(unknown.errors![0].extensions!.fields).toHaveProperty(['input.transactionId']);
      expect(await state(c.id)).toMatchObject({ balance: 61200, entries: 3 });
    });
  });

  describe('idempotency', () => {
    it('replays a recharge: same key and payload → the same entry, credited once; another amount → CONFLICT', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      const input = {
        cardId: c.id,
        amount: 1_000_00,
        bonusAmount: 100_00,
        idempotencyKey: key('pos-recharge'),
      };
      const first = (await recharge(input)).data.rechargeCard;
      const again = await recharge(input);
      expect(again.errors).toBeUndefined();
      expect(again.data.rechargeCard).toEqual(first);
      expect(await state(c.id)).toMatchObject({ balance: 110000, entries: 2, notifications: 1 });
      const conflict = await refused(c.id, 'CONFLICT', () => recharge({ ...input, amount: 2_000_00 }));
      expect(conflict.errors![0].extensions!.field).toBe('input.idempotencyKey');
      await refused(c.id, 'CONFLICT', () => recharge({ ...input, bonusAmount: 0 }));
      await refused(c.id, 'CONFLICT', () => recharge({ ...input, dealershipId: dealerB }));
    });

    it('replays a spend once; a refused spend does not use up its key', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00, 100_00);
      const input = { cardId: c.id, amount: 550_00, idempotencyKey: key('pos-consume') };
      const first = (await consume(input)).data.consumeCard;
      const again = await consume(input);
      expect(again.errors).toBeUndefined();
      expect(again.data.consumeCard).toEqual(first);
      expect(await state(c.id)).toMatchObject({ balance: 55000, principal: 50000, bonus: 5000, entries: 3 });
      await refused(c.id, 'CONFLICT', () => consume({ ...input, amount: 100_00 }));

      const retryKey = key('retry');
      await refused(c.id, 'INSUFFICIENT_BALANCE', () =>
        consume({ cardId: c.id, amount: 600_00, idempotencyKey: retryKey }),
      );
      const corrected = await consume({ cardId: c.id, amount: 500_00, idempotencyKey: retryKey });
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data.consumeCard.balanceAfter).toBe(5000);
    });

    it('replays a refund once', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 300_00, 30_00);
      const input = { cardId: c.id, reason: '客户退卡', idempotencyKey: key('refund') };
      const first = (await refund(input)).data.refundCard;
      const again = await refund(input);
      expect(again.errors).toBeUndefined();
      expect(again.data.refundCard).toEqual(first);
      expect(await state(c.id)).toMatchObject({
        status: 'REFUNDED',
        balance: 0,
        entries: 3,
        notifications: 2,
      });
      await refused(c.id, 'CONFLICT', () => refund({ ...input, reason: '另一个原因' }));
    });
  });

  describe('refundCard', () => {
    it('refunds the remaining principal, forfeits the bonus and closes the card', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00, 100_00);
      await spend(c.id, { amount: 55000 }); // principal 50000, bonus 5000 left
      const idempotencyKey = key('refund');
      const result = await refund({ cardId: c.id, reason: '客户搬迁，申请退卡', idempotencyKey });
      expect(result.errors).toBeUndefined();
      const entry = result.data.refundCard;
      expect(entry).toMatchObject({
        cardId: c.id,
        type: 'REFUND',
        amount: -55000,
        principalAmount: -50000,
        bonusAmount: -5000,
        uses: null,
        balanceAfter: 0,
        principalBalanceAfter: 0,
        bonusBalanceAfter: 0,
        dealershipId: dealerA,
        operatorId: adminId,
        note: '客户搬迁，申请退卡',
        card: { id: c.id, status: 'REFUNDED' },
      });
      expect(await card(c.id)).toMatchObject({
        status: 'REFUNDED',
        balance: 0,
        principalBalance: 0,
        bonusBalance: 0,
      });

      // Again with a new key: the card is closed. With the same key: the first answer.
      await refused(c.id, 'INVALID_STATE', () => refund({ cardId: c.id, reason: '再次退卡' }));
      const replay = await refund({ cardId: c.id, reason: '客户搬迁，申请退卡', idempotencyKey });
      expect(replay.errors).toBeUndefined();
      expect(replay.data.refundCard.id).toBe(entry.id);
      // A closed card takes nothing more.
      await refused(c.id, 'INVALID_STATE', () => consume({ cardId: c.id, amount: 100 }));
      await refused(c.id, 'INVALID_STATE', () => recharge({ cardId: c.id, amount: 100 }));
      expect(await state(c.id)).toMatchObject({ status: 'REFUNDED', balance: 0, entries: 4 });
    });

    it('refunds only stored-value cards and needs a reason', async () => {
      const m = await createMember(t);
      const count = await issue(m.id, 'COUNT', { serviceName: '精致洗车', uses: 5 });
      await refused(count.id, 'INVALID_STATE', () => refund({ cardId: count.id }));
      const membership = await issue(m.id, 'MEMBERSHIP');
      await refused(membership.id, 'INVALID_STATE', () => refund({ cardId: membership.id }));
      const c = await issue(m.id);
      await topUp(c.id, 100_00);
      const noReason = await refused(c.id, 'BAD_USER_INPUT', () => refund({ cardId: c.id, reason: ' ' }));
      expect(noReason.errors![0].extensions!.fields).toHaveProperty(['input.reason']);
      expect(errorCode(await refund({ cardId: 'NO-SUCH-CARD' }))).toBe('NOT_FOUND');
    });
  });

  describe('loss and replacement', () => {
    it('blocks a lost card at once and moves its whole value to a new number on replacement', async () => {
      const m = await createMember(t);
      const old = await issue(m.id, 'STORED_VALUE', { dealershipId: dealerB });
      await recharge({ cardId: old.id, amount: 1_000_00, bonusAmount: 100_00, dealershipId: dealerB });
      await spend(old.id, { amount: 11000 }); // bonus floor(11000 × 10000 / 110000) = 1000: 90000 + 9000 left

      const lost = await t.ok(REPORT_CARD_LOST, { input: { cardId: old.id, reason: '钱包遗失' } }, admin());
      expect(lost.reportCardLost).toEqual({ id: old.id, status: 'LOST' });
      await refused(old.id, 'INVALID_STATE', () => consume({ cardId: old.id, amount: 100 }));
      await refused(old.id, 'INVALID_STATE', () => recharge({ cardId: old.id, amount: 100 }));
      // Reporting it again changes nothing.
      expect(
        (await t.ok(REPORT_CARD_LOST, { input: { cardId: old.id } }, admin())).reportCardLost.status,
      ).toBe('LOST');
      expect(await state(old.id)).toMatchObject({ status: 'LOST', balance: 99000, entries: 3 });

      const storeA = await t.staffToken('STORE_STAFF', dealerA);
      const replaced = await t.gql(
        REPLACE_CARD,
        { input: { cardId: old.id, reason: '挂失补卡' } },
        { token: storeA },
      );
      expect(replaced.errors).toBeUndefined();
      const fresh = replaced.data.replaceCard as Card;
      expect(fresh.id).not.toBe(old.id);
      expect(fresh.cardNo).not.toBe(old.cardNo);
      expect(fresh.cardNo).toMatch(/^\d{16}$/);
      expect(luhnValid(fresh.cardNo)).toBe(true);
      expect(fresh).toMatchObject({
        type: 'STORED_VALUE',
        status: 'ACTIVE',
        memberId: m.id,
        dealershipId: dealerB,
        balance: 99000,
        principalBalance: 90000,
        bonusBalance: 9000,
        replacedById: null,
      });
      expect(await card(old.id)).toMatchObject({
        status: 'REPLACED',
        replacedById: fresh.id,
        balance: 0,
        principalBalance: 0,
        bonusBalance: 0,
      });
      const out = (await cardEntries({ cardId: old.id, type: 'TRANSFER_OUT' })).items;
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({
        amount: -99000,
        principalAmount: -90000,
        bonusAmount: -9000,
        balanceAfter: 0,
        principalBalanceAfter: 0,
        bonusBalanceAfter: 0,
        dealershipId: dealerA,
      });
      const into = (await cardEntries({ cardId: fresh.id })).items;
      expect(into).toHaveLength(1);
      expect(into[0]).toMatchObject({
        type: 'TRANSFER_IN',
        amount: 99000,
        principalAmount: 90000,
        bonusAmount: 9000,
        balanceAfter: 99000,
        principalBalanceAfter: 90000,
        bonusBalanceAfter: 9000,
        dealershipId: dealerA,
      });

      // Asking again returns the same replacement and moves nothing.
      const again = await t.gql(REPLACE_CARD, { input: { cardId: old.id } }, admin());
      expect(again.errors).toBeUndefined();
      expect(again.data.replaceCard.id).toBe(fresh.id);
      expect(await cardsOfMember(m.id)).toBe(2);
      expect(await state(old.id)).toMatchObject({ status: 'REPLACED', balance: 0, entries: 4 });
      expect(await state(fresh.id)).toMatchObject({ status: 'ACTIVE', balance: 99000, entries: 1 });

      // The new card spends pro rata from what it received.
      const next = await spend(fresh.id, { amount: 9900 });
      expect(next).toMatchObject({ principalAmount: -9000, bonusAmount: -900, balanceAfter: 89100 });
    });

    it('moves the remaining uses of a count card', async () => {
      const m = await createMember(t);
      const old = await issue(m.id, 'COUNT', { serviceName: '精致洗车', uses: 10 });
      await spend(old.id, { uses: 3 });
      const fresh = (await t.ok(REPLACE_CARD, { input: { cardId: old.id, reason: '卡片损坏' } }, admin()))
        .replaceCard as Card;
      expect(fresh).toMatchObject({
        type: 'COUNT',
        status: 'ACTIVE',
        memberId: m.id,
        dealershipId: dealerA,
        serviceName: '精致洗车',
        remainingUses: 7,
        balance: 0,
      });
      expect(fresh.cardNo).not.toBe(old.cardNo);
      const [out] = (await cardEntries({ cardId: old.id, type: 'TRANSFER_OUT' })).items;
      expect(out).toMatchObject({ amount: 0, uses: -7, remainingUsesAfter: 0 });
      const [into] = (await cardEntries({ cardId: fresh.id })).items;
      expect(into).toMatchObject({ type: 'TRANSFER_IN', amount: 0, uses: 7, remainingUsesAfter: 7 });
      expect(await card(old.id)).toMatchObject({
        status: 'REPLACED',
        replacedById: fresh.id,
        remainingUses: 0,
      });
      expect(await state(fresh.id)).toMatchObject({ uses: 7, entries: 1 });
    });

    it('does not replace a refunded card, nor report it lost', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 100_00);
      await refund({ cardId: c.id });
      await refused(c.id, 'INVALID_STATE', () => t.gql(REPLACE_CARD, { input: { cardId: c.id } }, admin()));
      await refused(c.id, 'INVALID_STATE', () =>
        t.gql(REPORT_CARD_LOST, { input: { cardId: c.id } }, admin()),
      );
      expect(await cardsOfMember(m.id)).toBe(1);
      expect(errorCode(await t.gql(REPLACE_CARD, { input: { cardId: 'NO-SUCH-CARD' } }, admin()))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('setCardFrozen', () => {
    it('freezes a card (spending and top-ups refused) and unfreezes it', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 500_00);
      const frozen = await t.ok(
        SET_CARD_FROZEN,
        { input: { cardId: c.id, frozen: true, reason: '疑似盗刷' } },
        admin(),
      );
      expect(frozen.setCardFrozen).toEqual({ id: c.id, status: 'FROZEN' });
      await refused(c.id, 'INVALID_STATE', () => consume({ cardId: c.id, amount: 100_00 }));
      await refused(c.id, 'INVALID_STATE', () => recharge({ cardId: c.id, amount: 100_00 }));
      // Freezing again is a no-op.
      expect(
        (await t.ok(SET_CARD_FROZEN, { input: { cardId: c.id, frozen: true } }, admin())).setCardFrozen
          .status,
      ).toBe('FROZEN');
      const thawed = await t.ok(SET_CARD_FROZEN, { input: { cardId: c.id, frozen: false } }, admin());
      expect(thawed.setCardFrozen).toEqual({ id: c.id, status: 'ACTIVE' });
      expect((await spend(c.id, { amount: 100_00 })).balanceAfter).toBe(40000);

      // A lost card is neither frozen nor thawed.
      await t.ok(REPORT_CARD_LOST, { input: { cardId: c.id } }, admin());
      await refused(c.id, 'INVALID_STATE', () =>
        t.gql(SET_CARD_FROZEN, { input: { cardId: c.id, frozen: false } }, admin()),
      );
      expect(await state(c.id)).toMatchObject({ status: 'LOST', balance: 40000, entries: 3 });
    });
  });

  describe('expiry', () => {
    it('expires a card by the CARD_EXPIRY job without forfeiting its value; extendCard revives it', async () => {
      const m = await createMember(t);
      const expiresAt = new Date(Date.now() + 10 * MINUTE);
      const c = await issue(m.id, 'STORED_VALUE', { expiresAt: expiresAt.toISOString() });
      expect(new Date(c.expiresAt!).toISOString()).toBe(expiresAt.toISOString());
      await topUp(c.id, 500_00, 50_00);

      // Before the expiry nothing happens.
      await runJob('CARD_EXPIRY', new Date(expiresAt.getTime() - MINUTE));
      expect((await card(c.id)).status).toBe('ACTIVE');

      const asOf = new Date(expiresAt.getTime() + 60 * MINUTE);
      const run = await runJob('CARD_EXPIRY', asOf);
      expect(run.affected).toBe(1);
      expect(await card(c.id)).toMatchObject({
        status: 'EXPIRED',
        balance: 55000,
        principalBalance: 50000,
        bonusBalance: 5000,
      });
      // The value stays on the card: no EXPIRE entry, nothing forfeited.
      expect((await cardEntries({ cardId: c.id, type: 'EXPIRE' })).total).toBe(0);
      expect(await state(c.id)).toEqual({
        status: 'EXPIRED',
        balance: 55000,
        principal: 50000,
        bonus: 5000,
        uses: null,
        entries: 2,
        notifications: 1,
      });
      expect((await runJob('CARD_EXPIRY', asOf)).affected).toBe(0);
      await refused(c.id, 'INVALID_STATE', () => consume({ cardId: c.id, amount: 100_00 }));
      await refused(c.id, 'INVALID_STATE', () => recharge({ cardId: c.id, amount: 100_00 }));

      // extendCard: admin/finance only, a future date, and the card works again.
      const storeA = await t.staffToken('STORE_STAFF', dealerA);
      const newExpiry = new Date(Date.now() + 365 * DAY);
      await refused(c.id, 'FORBIDDEN', () =>
        t.gql(
          EXTEND_CARD,
          { input: { cardId: c.id, expiresAt: newExpiry.toISOString(), reason: '延期一年' } },
          { token: storeA },
        ),
      );
      const past = await refused(c.id, 'BAD_USER_INPUT', () =>
        t.gql(
          EXTEND_CARD,
          { input: { cardId: c.id, expiresAt: new Date(Date.now() - DAY).toISOString(), reason: '延期' } },
          admin(),
        ),
      );
      expect(past.errors![0].extensions!.fields).toHaveProperty(['input.expiresAt']);
      const extended = await t.ok(
        EXTEND_CARD,
        { input: { cardId: c.id, expiresAt: newExpiry.toISOString(), reason: '延期一年' } },
        admin(),
      );
      expect(extended.extendCard).toMatchObject({ id: c.id, status: 'ACTIVE', balance: 55000 });
      expect(new Date(extended.extendCard.expiresAt).toISOString()).toBe(newExpiry.toISOString());
      expect(await state(c.id)).toMatchObject({ status: 'ACTIVE', balance: 55000, entries: 2 });
      const spent = await spend(c.id, { amount: 110_00 });
      expect(spent).toMatchObject({ principalAmount: -10000, bonusAmount: -1000, balanceAfter: 44000 });
      // The job leaves a card with a later expiry alone.
      await runJob('CARD_EXPIRY', asOf);
      expect((await card(c.id)).status).toBe('ACTIVE');
    });
  });

  describe('concurrency', () => {
    it('lets exactly 3 of 10 parallel spends of ¥300 through against ¥1,000', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          consume({ cardId: c.id, amount: 300_00, idempotencyKey: key(`par-${i}`) }),
        ),
      );
      const succeeded = results.filter((r) => !r.errors);
      expect(succeeded).toHaveLength(3);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(7).fill('INSUFFICIENT_BALANCE'));
      expect(succeeded.map((r) => r.data.consumeCard.balanceAfter).sort((a, b) => b - a)).toEqual([
        70000, 40000, 10000,
      ]);
      const s = await state(c.id);
      expect(s).toMatchObject({ balance: 10000, principal: 10000, bonus: 0, entries: 5 });
      expect(s.principal + s.bonus).toBe(s.balance);
      const [sum] = await t.dataSource.query(
        'SELECT SUM(`amount`) AS total FROM `card_entry` WHERE `cardId` = ?',
        [c.id],
      );
      expect(Number(sum.total)).toBe(10000);
      expect(await card(c.id)).toMatchObject({ balance: 10000, principalBalance: 10000, bonusBalance: 0 });
    });

    it('splits every one of parallel spends pro rata on the balances it found, never below zero', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00, 370_00); // 137000
      const amount = 13337;
      const results = await Promise.all(Array.from({ length: 12 }, () => consume({ cardId: c.id, amount })));
      const succeeded = results.filter((r) => !r.errors).map((r) => r.data.consumeCard as Entry);
      expect(succeeded).toHaveLength(10);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual([
        'INSUFFICIENT_BALANCE',
        'INSUFFICIENT_BALANCE',
      ]);
      // Replay the chain in the order the spends were applied (balances strictly decrease).
      succeeded.sort((a, b) => b.balanceAfter - a.balanceAfter);
      let principal = 100000;
      let bonus = 37000;
      for (const entry of succeeded) {
        const b = bonusPart(amount, principal, bonus);
        principal -= amount - b;
        bonus -= b;
        expect(entry).toMatchObject({
          amount: -amount,
          principalAmount: -(amount - b),
          bonusAmount: -b,
          principalBalanceAfter: principal,
          bonusBalanceAfter: bonus,
          balanceAfter: principal + bonus,
        });
        expect(principal).toBeGreaterThanOrEqual(0);
        expect(bonus).toBeGreaterThanOrEqual(0);
      }
      expect(await state(c.id)).toMatchObject({
        balance: 137000 - 10 * amount,
        principal,
        bonus,
        entries: 12,
      });
    });

    it('keeps the ledger whole under parallel top-ups and spends', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 500_00, 50_00);
      const results = await Promise.all([
        ...Array.from({ length: 5 }, () => recharge({ cardId: c.id, amount: 100_00, bonusAmount: 10_00 })),
        ...Array.from({ length: 8 }, () => consume({ cardId: c.id, amount: 200_00 })),
      ]);
      const recharges = results.slice(0, 5);
      const spends = results.slice(5);
      for (const r of recharges) expect(r.errors).toBeUndefined();
      for (const r of spends.filter((x) => x.errors)) expect(errorCode(r)).toBe('INSUFFICIENT_BALANCE');
      const spent = spends.filter((r) => !r.errors).length;
      expect(spent).toBeGreaterThanOrEqual(2);
      const s = await state(c.id);
      expect(s.balance).toBe(55000 + 5 * 11000 - 20000 * spent);
      expect(s.entries).toBe(2 + 5 + spent);
      expect(s.notifications).toBe(1 + 5 + spent);
    });

    it('spends once for 5 parallel replays of the same key', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 1_000_00);
      const input = { cardId: c.id, amount: 600_00, idempotencyKey: key('same') };
      const results = await Promise.all(Array.from({ length: 5 }, () => consume(input)));
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data.consumeCard.id)).size).toBe(1);
      expect(await state(c.id)).toMatchObject({ balance: 40000, entries: 3, notifications: 2 });
    });

    it('issues one membership card to a member under 6 parallel requests (the rest CONFLICT)', async () => {
      const m = await createMember(t);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => create({ memberId: m.id, type: 'MEMBERSHIP' })),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(Array(5).fill('CONFLICT'));
      expect(await cardsOfMember(m.id)).toBe(1);
    });

    it('answers parallel replacements of one card with the same new card, moving the value once', async () => {
      const m = await createMember(t);
      const old = await issue(m.id);
      await topUp(old.id, 300_00, 30_00);
      await t.ok(REPORT_CARD_LOST, { input: { cardId: old.id } }, admin());
      const results = await Promise.all(
        Array.from({ length: 4 }, () => t.gql(REPLACE_CARD, { input: { cardId: old.id } }, admin())),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const ids = new Set(results.map((r) => r.data.replaceCard.id));
      expect(ids.size).toBe(1);
      const [freshId] = [...ids];
      expect(await cardsOfMember(m.id)).toBe(2);
      expect(await state(old.id)).toMatchObject({ status: 'REPLACED', balance: 0, entries: 3 });
      expect(await state(freshId as string)).toMatchObject({
        status: 'ACTIVE',
        balance: 33000,
        principal: 30000,
        bonus: 3000,
        entries: 1,
      });
    });
  });

  describe('notifications', () => {
    it('queues one CARD_BALANCE_CHANGED to the member’s phone per top-up, spend and refund', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      const count = await issue(m.id, 'COUNT', { serviceName: '精致洗车', uses: 10 });
      const tail = c.cardNo.slice(-4);
      const rechargeKey = key('n-recharge');
      await recharge({ cardId: c.id, amount: 1_000_00, bonusAmount: 100_00, idempotencyKey: rechargeKey });
      await recharge({ cardId: c.id, amount: 1_000_00, bonusAmount: 100_00, idempotencyKey: rechargeKey }); // replay
      await spend(c.id, { amount: 550_00 });
      await consume({ cardId: c.id, amount: 10_000_00 }); // refused
      await spend(count.id, { uses: 2 });
      await refund({ cardId: c.id });

      const rows: {
        recipient: string;
        template: string;
        body: string;
        memberId: string;
        dedupeKey: string;
      }[] = await t.dataSource.query(
        'SELECT `recipient`, `template`, `body`, `memberId`, `dedupeKey` FROM `notification` WHERE `memberId` = ? ORDER BY `id`',
        [m.id],
      );
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(row).toMatchObject({ recipient: m.phone, template: 'CARD_BALANCE_CHANGED', memberId: m.id });
      }
      const entryIds = (await cardEntries({ memberId: m.id }, [{ field: 'CREATED_AT', order: 'ASC' }])).items
        .filter((e) => e.type !== 'ISSUE')
        .map((e) => `card-entry:${e.id}`);
      expect(rows.map((r) => r.dedupeKey)).toEqual(entryIds);
      expect(rows.map((r) => r.body)).toEqual([
        `您的卡尾号${tail}发生变动+¥1100.00，当前余额¥1100.00。`,
        `您的卡尾号${tail}发生变动-¥550.00，当前余额¥550.00。`,
        `您的卡尾号${count.cardNo.slice(-4)}发生变动-2次，当前余额8次。`,
        `您的卡尾号${tail}发生变动-¥550.00，当前余额¥0.00。`,
      ]);

      const listed = (
        await t.ok(NOTIFICATIONS, { filter: { memberId: m.id, template: 'CARD_BALANCE_CHANGED' } }, admin())
      ).notifications;
      expect(listed.total).toBe(4);
      expect(listed.items.every((n: { template: string }) => n.template === 'CARD_BALANCE_CHANGED')).toBe(
        true,
      );
    });
  });

  describe('access and scoping', () => {
    it('keeps store staff to their own dealership for issuing and listing, but lets them spend any card', async () => {
      const storeA = await t.staffToken('STORE_STAFF', dealerA);
      const staffA = (await t.ok(ME, {}, { token: storeA })).me.id;
      const m = await createMember(t, { homeDealershipId: dealerB });

      const atB = await create(
        { memberId: m.id, type: 'STORED_VALUE', dealershipId: dealerB },
        { token: storeA },
      );
      expect(errorCode(atB)).toBe('FORBIDDEN');
      expect(await cardsOfMember(m.id)).toBe(0);
      const ownResult = await create(
        { memberId: m.id, type: 'STORED_VALUE', dealershipId: dealerA },
        { token: storeA },
      );
      expect(ownResult.errors).toBeUndefined();
      const own = ownResult.data.createCard as Card;
      expect(own.dealershipId).toBe(dealerA);
      const foreign = await issue(m.id, 'STORED_VALUE', { dealershipId: dealerB });
      const foreignTopUp = await recharge({ cardId: foreign.id, amount: 1_000_00, dealershipId: dealerB });
      expect(foreignTopUp.errors).toBeUndefined();

      // The list: only cards A issued.
      const listed = (await t.ok(CARDS, { page: { perPage: 1000 } }, { token: storeA })).cards;
      const [{ n: issuedAtA }] = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM `card` WHERE `dealershipId` = ?',
        [dealerA],
      );
      expect(listed.total).toBe(Number(issuedAtA));
      expect(listed.items.every((c: Card) => c.dealershipId === dealerA)).toBe(true);
      const ids = listed.items.map((c: Card) => c.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(foreign.id);
      expect((await t.ok(CARDS, { filter: { dealershipId: dealerB } }, { token: storeA })).cards.total).toBe(
        0,
      );

      // Another store's card by its full number or its member.
      const byNo = (await t.ok(CARDS, { filter: { cardNo: foreign.cardNo } }, { token: storeA })).cards;
      expect(byNo.total).toBe(1);
      expect(byNo.items[0]).toMatchObject({
        id: foreign.id,
        dealershipId: dealerB,
        balance: 100000,
        member: { id: m.id },
        dealership: { id: dealerB },
      });
      const byQ = (await t.ok(CARDS, { filter: { q: foreign.cardNo } }, { token: storeA })).cards;
      expect(byQ.items.map((c: Card) => c.id)).toEqual([foreign.id]);
      const byPart = (await t.ok(CARDS, { filter: { q: foreign.cardNo.slice(0, 12) } }, { token: storeA }))
        .cards;
      expect(byPart.items.map((c: Card) => c.id)).not.toContain(foreign.id);
      const byMember = (await t.ok(CARDS, { filter: { memberId: m.id } }, { token: storeA })).cards;
      expect(byMember.items.map((c: Card) => c.id).sort()).toEqual([own.id, foreign.id].sort());

      // Spending a B card at A: the entry is A's; naming B is refused.
      const crossStore = await spend(
        foreign.id,
        { amount: 200_00, dealershipId: dealerA },
        { token: storeA },
      );
      expect(crossStore).toMatchObject({ dealershipId: dealerA, operatorId: staffA, balanceAfter: 80000 });
      await refused(foreign.id, 'FORBIDDEN', () =>
        consume({ cardId: foreign.id, amount: 100_00, dealershipId: dealerB }, { token: storeA }),
      );
      await refused(foreign.id, 'FORBIDDEN', () =>
        recharge({ cardId: foreign.id, amount: 100_00, dealershipId: dealerB }, { token: storeA }),
      );

      // The ledger: entries at A or on cards A issued, or any one card's / member's when asked for.
      const seen = await cardEntries({}, undefined, { token: storeA });
      const seenIds = seen.items.map((e) => e.id);
      expect(seenIds).toContain(crossStore.id);
      expect(seenIds).not.toContain(foreignTopUp.data.rechargeCard.id);
      const [{ n: visible }] = await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM `card_entry` WHERE `dealershipId` = ? OR `issuingDealershipId` = ?',
        [dealerA, dealerA],
      );
      expect(seen.total).toBe(Number(visible));
      const oneCard = await cardEntries({ cardId: foreign.id }, undefined, { token: storeA });
      expect(oneCard.items.map((e) => e.type)).toEqual(['ISSUE', 'RECHARGE', 'CONSUME']);
      expect(oneCard.items.every((e) => e.card.cardNo === foreign.cardNo && e.card.memberId === m.id)).toBe(
        true,
      );
    });

    it('opens cards by role: MARKETING none, FINANCE reads all, CUSTOMER_SERVICE cannot refund', async () => {
      const m = await createMember(t);
      const c = await issue(m.id, 'STORED_VALUE', { dealershipId: dealerB });
      await recharge({ cardId: c.id, amount: 100_00, dealershipId: dealerB });

      const marketing = { token: await t.staffToken('MARKETING') };
      expect(errorCode(await create({ memberId: m.id, type: 'STORED_VALUE' }, marketing))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CARDS, {}, marketing))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CARD, { id: c.id }, marketing))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(CARD_ENTRIES, {}, marketing))).toBe('FORBIDDEN');
      await refused(c.id, 'FORBIDDEN', () => consume({ cardId: c.id, amount: 100 }, marketing));

      const finance = { token: await t.staffToken('FINANCE') };
      const all = (await t.ok(CARDS, { page: { perPage: 1000 } }, finance)).cards;
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `card`');
      expect(all.total).toBe(Number(n));
      expect(new Set(all.items.map((x: Card) => x.dealershipId))).toEqual(new Set([dealerA, dealerB]));
      expect(errorCode(await create({ memberId: m.id, type: 'STORED_VALUE' }, finance))).toBe('FORBIDDEN');

      const service = { token: await t.staffToken('CUSTOMER_SERVICE') };
      await refused(c.id, 'FORBIDDEN', () => refund({ cardId: c.id }, service));
      await refused(c.id, 'FORBIDDEN', () => recharge({ cardId: c.id, amount: 100 }, service));
      expect((await t.ok(CARD, { id: c.id }, service)).card.balance).toBe(10000);

      await refused(c.id, 'UNAUTHENTICATED', () => recharge({ cardId: c.id, amount: 100 }, {}));
      expect(await cardsOfMember(m.id)).toBe(1);
    });

    it('lets an API key with cards:write top up (a POS), and no other key', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      const pos = await apiKey(t, ['cards:write']);
      const viaPos = await recharge(
        { cardId: c.id, amount: 200_00, paymentMethod: 'BANK_CARD' },
        { apiKey: pos },
      );
      expect(viaPos.errors).toBeUndefined();
      expect(viaPos.data.rechargeCard).toMatchObject({
        amount: 20000,
        balanceAfter: 20000,
        dealershipId: dealerA,
      });
      const spentViaPos = await consume({ cardId: c.id, amount: 50_00 }, { apiKey: pos });
      expect(spentViaPos.data.consumeCard.balanceAfter).toBe(15000);

      const reader = await apiKey(t, ['cards:read']);
      await refused(c.id, 'FORBIDDEN', () => recharge({ cardId: c.id, amount: 100 }, { apiKey: reader }));
      expect((await t.ok(CARD, { id: c.id }, { apiKey: reader })).card.balance).toBe(15000);
      const other = await apiKey(t, ['transactions:write', 'members:write']);
      await refused(c.id, 'FORBIDDEN', () => recharge({ cardId: c.id, amount: 100 }, { apiKey: other }));
      // Refunds are for staff only.
      await refused(c.id, 'FORBIDDEN', () => refund({ cardId: c.id }, { apiKey: pos }));
      expect(await state(c.id)).toMatchObject({ balance: 15000, entries: 3 });
    });
  });

  describe('the card ledger', () => {
    it('lists a card’s entries on the card, and filters cardEntries by card, member, type, dealership and time', async () => {
      const m = await createMember(t);
      const other = await createMember(t);
      const c1 = await issue(m.id);
      const c2 = await issue(m.id, 'COUNT', { serviceName: '精致洗车', uses: 5 });
      const elsewhere = await issue(other.id);
      await topUp(c1.id, 1_000_00, 100_00);
      await topUp(elsewhere.id, 100_00);
      await spend(c1.id, { amount: 110_00, dealershipId: dealerB });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const from = new Date();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await spend(c2.id, { uses: 1 });
      await recharge({ cardId: c1.id, amount: 200_00, dealershipId: dealerB });

      const read = await card(c1.id);
      const viaList = await cardEntries({ cardId: c1.id });
      expect(read.entries.total).toBe(4);
      expect(viaList.total).toBe(4);
      expect(new Set(read.entries.items.map((e) => e.id))).toEqual(new Set(viaList.items.map((e) => e.id)));
      expect(viaList.items.map((e) => e.type)).toEqual(['ISSUE', 'RECHARGE', 'CONSUME', 'RECHARGE']);
      expect(viaList.items.map((e) => e.balanceAfter)).toEqual([0, 110000, 99000, 119000]);
      expect(read.entries.items.every((e) => e.cardId === c1.id)).toBe(true);
      expect(read).toMatchObject({ balance: 119000, principalBalance: 110000, bonusBalance: 9000 });
      expect(await t.ok(CARD, { id: 'NO-SUCH-CARD' }, admin())).toEqual({ card: null });

      const byMember = await cardEntries({ memberId: m.id });
      expect(byMember.total).toBe(6);
      expect(new Set(byMember.items.map((e) => e.cardId))).toEqual(new Set([c1.id, c2.id]));
      expect(byMember.items.every((e) => e.card.memberId === m.id)).toBe(true);

      const recharges = await cardEntries({ memberId: m.id, type: 'RECHARGE' });
      expect(recharges.items.map((e) => e.amount)).toEqual([110000, 20000]);

      const atB = await cardEntries({ memberId: m.id, dealershipId: dealerB });
      expect(atB.items.map((e) => [e.type, e.amount])).toEqual([
        ['CONSUME', -11000],
        ['RECHARGE', 20000],
      ]);

      const recent = await cardEntries({ memberId: m.id, createdFrom: from.toISOString() });
      expect(recent.items.map((e) => [e.cardId, e.type])).toEqual([
        [c2.id, 'CONSUME'],
        [c1.id, 'RECHARGE'],
      ]);
      const early = await cardEntries({ cardId: c1.id, createdTo: from.toISOString() });
      expect(early.items.map((e) => e.type)).toEqual(['ISSUE', 'RECHARGE', 'CONSUME']);

      const byAmount = await cardEntries({ cardId: c1.id }, [{ field: 'AMOUNT', order: 'ASC' }]);
      expect(byAmount.items.map((e) => e.amount)).toEqual([-11000, 0, 20000, 110000]);
      const byIds = await cardEntries({ ids: [viaList.items[1].id, viaList.items[3].id] });
      expect(byIds.items.map((e) => e.id)).toEqual([viaList.items[1].id, viaList.items[3].id]);
    });
  });

  describe('ledger integrity', () => {
    it('finds every card and points balance equal to its ledger after all of the above', async () => {
      const report = (await t.ok(LEDGER_INTEGRITY, {}, admin())).ledgerIntegrity;
      expect(report).toMatchObject({ cardMismatches: 0, pointsMismatches: 0, mismatches: [] });
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM `card`');
      expect(report.cardsChecked).toBe(Number(n));
      expect(report.cardsChecked).toBeGreaterThan(40);
    });
  });
  describe('where and for what value may move', () => {
    it('refunds only at the dealership that issued the card (it holds the money)', async () => {
      const m = await createMember(t);
      const c = await issue(m.id);
      await topUp(c.id, 300_00, 30_00);
      const result = await refused(c.id, 'BAD_USER_INPUT', () =>
        refund({ cardId: c.id, dealershipId: dealerB }),
      );
      expect(result.errors![0].extensions!.fields).toHaveProperty(['input.dealershipId']);
      const ok = await refund({ cardId: c.id, dealershipId: dealerA });
      expect(ok.errors).toBeUndefined();
    });

    it("links a spend only to a transaction of the card's member", async () => {
      const owner = await createMember(t);
      const other = await createMember(t);
      const c = await issue(owner.id);
      await topUp(c.id, 500_00);
      const othersSale = await recordTransaction(t, {
        dealershipId: dealerA,
        memberId: other.id,
        amount: 100_00,
      });
      const result = await refused(c.id, 'BAD_USER_INPUT', () =>
        consume({ cardId: c.id, amount: 100_00, transactionId: othersSale.id }),
      );
      expect(result.errors![0].extensions!.fields).toHaveProperty(['input.transactionId']);
    });

    it('leaves a frozen card frozen past its expiry, so extending it never lifts the freeze', async () => {
      const m = await createMember(t);
      const c = await issue(m.id, 'STORED_VALUE', {
        expiresAt: new Date(Date.now() + 5 * MINUTE).toISOString(),
      });
      await topUp(c.id, 100_00);
      await t.ok(SET_CARD_FROZEN, { input: { cardId: c.id, frozen: true, reason: '核查' } }, admin());
      await runJob('CARD_EXPIRY', new Date(Date.now() + DAY));
      expect((await state(c.id)).status).toBe('FROZEN');
      await t.ok(
        EXTEND_CARD,
        { input: { cardId: c.id, expiresAt: new Date(Date.now() + 30 * DAY).toISOString(), reason: '延期' } },
        admin(),
      );
      expect((await state(c.id)).status).toBe('FROZEN');
    });
  });
  it('records a change of status in the audit trail with the card before and after', async () => {
    const m = await createMember(t);
    const c = await issue(m.id);
    await t.ok(REPORT_CARD_LOST, { input: { cardId: c.id, reason: '客户遗失' } }, admin());
    const { auditLogs } = await t.ok(
      AUDIT_LOGS,
      { filter: { entityId: c.id, action: 'reportCardLost' } },
      admin(),
    );
    expect(auditLogs.total).toBe(1);
    expect(auditLogs.items[0].before).toMatchObject({ status: 'ACTIVE' });
    expect(auditLogs.items[0].after).toMatchObject({ status: 'LOST', statusReason: '客户遗失' });
  });
});
