/**
 * Referrals (推荐有礼, marketing.graphql `Referrals`): a member who joins with a referral code is
 * REGISTERED; their first vehicle purchase rewards the referrer with 1,000 points (REFERRAL ledger
 * entry), at most 10 rewarded referrals per referrer per calendar year (Asia/Shanghai), the rest
 * CAPPED — also when purchases at the cap edge run concurrently. Replays, reversals, pending
 * referees, inactive referrers, filters, store scoping and the ledger-integrity check.
 */
import {
  ACTIVATE_MEMBER,
  LEDGER_INTEGRITY,
  MEMBER,
  POINTS_ENTRIES,
  RECORD_TRANSACTION,
  REFERRALS,
  REGISTER_MEMBER,
  REVERSE_TRANSACTION,
  SET_MEMBER_STATUS,
} from './support/contract';
import {
  apiKey,
  createDealership,
  createMember,
  lastCodeSentTo,
  recordTransaction,
  uniquePhone,
} from './support/fixtures';
import { Credentials, errorCode, startTestApp, TestApp } from './support/test-app';

const SHANGHAI_OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST
const PURCHASE = 40_000_00; // ¥40,000: 400 points to the buyer at REGULAR, no tier change
const REWARD = 1000;

interface Referral {
  id: string;
  referrerId: string;
  refereeId: string;
  referee: { id: string; name: string };
  status: 'REGISTERED' | 'QUALIFIED' | 'REWARDED' | 'CAPPED';
  rewardPoints: number | null;
  qualifiedAt: string | null;
  rewardedAt: string | null;
  createdAt: string;
}

interface Member {
  id: string;
  referralCode: string;
  phone: string;
}

/** The first instant of the current calendar year in Shanghai. */
function startOfShanghaiYear(now = new Date()): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET);
  return new Date(Date.UTC(local.getUTCFullYear(), 0, 1) - SHANGHAI_OFFSET);
}

describe('referrals', () => {
  let t: TestApp;
  let dealerA: string;
  let seq = 0;

  const admin = (): Credentials => ({ token: t.adminToken });
  const ref = () => `VP-${Date.now().toString(36)}-${seq++}`.toUpperCase();

  const list = async (variables: Record<string, unknown>, credentials: Credentials = admin()) =>
    (await t.ok(REFERRALS, variables, credentials)).referrals as { items: Referral[]; total: number };
  const referralOf = async (refereeId: string): Promise<Referral | undefined> => {
    const page = await list({ filter: { refereeId } });
    expect(page.total).toBeLessThanOrEqual(1);
    return page.items[0];
  };
  const byReferrer = async (referrerId: string) =>
    (
      await list({
        filter: { referrerId },
        sort: [{ field: 'CREATED_AT', order: 'ASC' }],
        page: { perPage: 100 },
      })
    ).items;
  const member = async (id: string) => (await t.ok(MEMBER, { id }, admin())).member;
  const referralEntries = async (memberId: string) =>
    (
      await t.ok(
        POINTS_ENTRIES,
        {
          filter: { memberId, type: 'REFERRAL' },
          sort: [{ field: 'CREATED_AT', order: 'ASC' }],
          page: { perPage: 100 },
        },
        admin(),
      )
    ).pointsEntries as {
      items: {
        id: string;
        memberId: string;
        type: string;
        points: number;
        balanceAfter: number;
        sourceType: string;
        sourceId: string;
        dealershipId: string | null;
        operatorId: string | null;
      }[];
      total: number;
    };

  const referrer = async (input: Record<string, unknown> = {}) =>
    (await createMember(t, { name: '推荐人', homeDealershipId: dealerA, ...input })) as unknown as Member;
  const referee = async (of: Member, input: Record<string, unknown> = {}) =>
    (await createMember(t, {
      name: '被推荐人',
      referralCode: of.referralCode,
      homeDealershipId: dealerA,
      ...input,
    })) as unknown as Member;
  const purchase = (memberId: string, input: Record<string, unknown> = {}) =>
    recordTransaction(t, {
      memberId,
      dealershipId: dealerA,
      type: 'VEHICLE_PURCHASE',
      amount: PURCHASE,
      externalRef: ref(),
      ...input,
    });
  const rawPurchase = (memberId: string, input: Record<string, unknown> = {}) =>
    t.gql(
      RECORD_TRANSACTION,
      {
        input: {
          memberId,
          dealershipId: dealerA,
          type: 'VEHICLE_PURCHASE',
          amount: PURCHASE,
          externalRef: ref(),
          occurredAt: new Date().toISOString(),
          ...input,
        },
      },
      admin(),
    );
  /** A referrer with `n` referrals already rewarded (sequentially). */
  const referrerWithRewards = async (n: number) => {
    const r = await referrer();
    for (let i = 0; i < n; i++) await purchase((await referee(r)).id);
    expect((await member(r.id)).pointsBalance).toBe(n * REWARD);
    return r;
  };
  const dbTime = (instant: Date) =>
    t.databaseKind === 'sqlite' ? instant.toISOString().replace('T', ' ').replace('Z', '') : instant;

  beforeAll(async () => {
    t = await startTestApp();
    dealerA = await createDealership(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('registration', () => {
    it('records a REGISTERED referral when a member joins at a store with a referral code', async () => {
      const r = await referrer();
      const before = Date.now();
      const e = await referee(r, { name: '门店新会员' });
      expect(e).toMatchObject({ referredById: r.id });
      const referral = await referralOf(e.id);
      expect(referral).toMatchObject({
        referrerId: r.id,
        refereeId: e.id,
        referee: { id: e.id, name: '门店新会员' },
        status: 'REGISTERED',
        rewardPoints: null,
        qualifiedAt: null,
        rewardedAt: null,
      });
      expect(new Date(referral!.createdAt).getTime()).toBeGreaterThanOrEqual(before - 5_000);
      expect(await byReferrer(r.id)).toHaveLength(1);
    });

    it('records a REGISTERED referral for an online registration (PENDING_ACTIVATION)', async () => {
      const r = await referrer();
      const { registerMember } = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '线上新会员', phone: uniquePhone(), channel: 'APP', referralCode: r.referralCode } },
        admin(),
      );
      expect(registerMember).toMatchObject({ status: 'PENDING_ACTIVATION', referredById: r.id });
      expect(await referralOf(registerMember.id)).toMatchObject({
        referrerId: r.id,
        refereeId: registerMember.id,
        referee: { id: registerMember.id, name: '线上新会员' },
        status: 'REGISTERED',
      });
    });

    it('records nothing without a code, and nothing for an unknown code (refused)', async () => {
      const plain = await createMember(t);
      expect(await referralOf(plain.id)).toBeUndefined();
      const before = (await list({})).total;
      const refused = await t.gql(
        `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
        { input: { name: '无效推荐码', phone: uniquePhone(), referralCode: 'ZZZZ9999' } },
        admin(),
      );
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect((await list({})).total).toBe(before);
    });
  });

  describe('rewards', () => {
    it('does nothing on a purchase that is not a vehicle purchase', async () => {
      const r = await referrer();
      const e = await referee(r);
      await recordTransaction(t, {
        memberId: e.id,
        dealershipId: dealerA,
        type: 'MAINTENANCE',
        amount: 2_000_00,
      });
      await recordTransaction(t, {
        memberId: e.id,
        dealershipId: dealerA,
        type: 'ACCESSORY',
        amount: 20_000_00,
      });
      expect(await referralOf(e.id)).toMatchObject({
        status: 'REGISTERED',
        rewardPoints: null,
        qualifiedAt: null,
      });
      expect((await member(r.id)).pointsBalance).toBe(0);
      expect((await referralEntries(r.id)).total).toBe(0);
    });

    it('credits exactly 1,000 points to the referrer on the first vehicle purchase, and nothing more on the second', async () => {
      const r = await referrer();
      const e = await referee(r);
      const before = Date.now();
      const tx = await purchase(e.id);
      const after = Date.now();
      expect(tx.pointsEarned).toBe(400); // the buyer earns as usual

      const referral = (await referralOf(e.id))!;
      expect(referral).toMatchObject({ status: 'REWARDED', rewardPoints: REWARD });
      for (const at of [referral.qualifiedAt!, referral.rewardedAt!]) {
        expect(new Date(at).getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(new Date(at).getTime()).toBeLessThanOrEqual(after + 5_000);
      }
      const { referrals } = await t.ok(
        `query($filter: ReferralFilter) { referrals(filter: $filter) { items { transactionId referrer { id } referee { id } } } }`,
        { filter: { ids: [referral.id] } },
        admin(),
      );
      expect(referrals.items).toEqual([
        { transactionId: tx.id, referrer: { id: r.id }, referee: { id: e.id } },
      ]);

      const entries = await referralEntries(r.id);
      expect(entries.total).toBe(1);
      expect(entries.items[0]).toMatchObject({
        memberId: r.id,
        type: 'REFERRAL',
        points: REWARD,
        balanceAfter: REWARD,
        sourceType: 'REFERRAL',
        sourceId: referral.id,
        dealershipId: dealerA,
        operatorId: null,
      });
      // Bonus points do not count towards a tier.
      expect(await member(r.id)).toMatchObject({
        pointsBalance: REWARD,
        lifetimePoints: REWARD,
        qualifyingPoints: 0,
      });
      expect(await member(e.id)).toMatchObject({ pointsBalance: 400 });

      await purchase(e.id);
      expect(await referralOf(e.id)).toMatchObject({
        status: 'REWARDED',
        rewardPoints: REWARD,
        rewardedAt: referral.rewardedAt,
      });
      expect((await referralEntries(r.id)).total).toBe(1);
      expect((await member(r.id)).pointsBalance).toBe(REWARD);
    });

    it('does not reward twice when the DMS replays the same purchase (same externalRef), also concurrently', async () => {
      const r = await referrer();
      const e = await referee(r);
      const input = {
        memberId: e.id,
        dealershipId: dealerA,
        type: 'VEHICLE_PURCHASE',
        amount: PURCHASE,
        externalRef: ref(),
        occurredAt: new Date().toISOString(),
      };
      const results = await Promise.all([1, 2, 3].map(() => t.gql(RECORD_TRANSACTION, { input }, admin())));
      for (const result of results) expect(result.errors).toBeUndefined();
      const ids = new Set(results.map((result) => result.data.recordTransaction.id));
      expect(ids.size).toBe(1);
      const replay = await t.ok(RECORD_TRANSACTION, { input }, admin());
      expect(ids.has(replay.recordTransaction.id)).toBe(true);

      expect(await referralOf(e.id)).toMatchObject({ status: 'REWARDED', rewardPoints: REWARD });
      expect((await referralEntries(r.id)).total).toBe(1);
      expect(await member(r.id)).toMatchObject({ pointsBalance: REWARD, lifetimePoints: REWARD });
    });

    it('rewards 10 referrals a year and CAPS the 11th with no points; a new (Shanghai) year rewards again', async () => {
      const r = await referrerWithRewards(10);
      const eleventh = await referee(r);
      await purchase(eleventh.id);
      const capped = (await referralOf(eleventh.id))!;
      expect(capped).toMatchObject({ status: 'CAPPED', rewardPoints: null, rewardedAt: null });
      expect(capped.qualifiedAt).not.toBeNull();
      expect(await member(r.id)).toMatchObject({ pointsBalance: 10 * REWARD, lifetimePoints: 10 * REWARD });
      const all = await byReferrer(r.id);
      expect(all.map((x) => x.status)).toEqual([...Array(10).fill('REWARDED'), 'CAPPED']);
      expect((await referralEntries(r.id)).total).toBe(10);

      // Move the ten rewards to the last millisecond of last year in Shanghai: this year's count is 0 again.
      const lastYear = new Date(startOfShanghaiYear().getTime() - 1);
      await t.dataSource.query(
        'UPDATE `referral` SET `rewardedAt` = ? WHERE `referrerId` = ? AND `status` = ?',
        [dbTime(lastYear), r.id, 'REWARDED'],
      );
      const twelfth = await referee(r);
      await purchase(twelfth.id);
      expect(await referralOf(twelfth.id)).toMatchObject({ status: 'REWARDED', rewardPoints: REWARD });
      expect((await member(r.id)).pointsBalance).toBe(11 * REWARD);
      // The CAPPED one stays capped.
      expect(await referralOf(eleventh.id)).toMatchObject({ status: 'CAPPED' });
    });

    it('rewards exactly one of three concurrent first purchases at the cap edge (9 rewarded)', async () => {
      const r = await referrerWithRewards(9);
      const racers = await Promise.all([1, 2, 3].map(() => referee(r)));
      const results = await Promise.all(racers.map((e) => rawPurchase(e.id)));
      for (const result of results) expect(result.errors).toBeUndefined();
      const statuses = await Promise.all(racers.map(async (e) => (await referralOf(e.id))!.status));
      expect(statuses.filter((s) => s === 'REWARDED')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'CAPPED')).toHaveLength(2);
      expect(await member(r.id)).toMatchObject({ pointsBalance: 10 * REWARD, lifetimePoints: 10 * REWARD });
      expect((await referralEntries(r.id)).total).toBe(10);
    });

    it('rewards exactly 10 of 12 concurrent first purchases by one referrer’s referees', async () => {
      const r = await referrer();
      const racers = await Promise.all(Array.from({ length: 12 }, () => referee(r)));
      const results = await Promise.all(racers.map((e) => rawPurchase(e.id)));
      for (const result of results) expect(result.errors).toBeUndefined();
      const all = await byReferrer(r.id);
      expect(all.filter((x) => x.status === 'REWARDED')).toHaveLength(10);
      expect(all.filter((x) => x.status === 'CAPPED')).toHaveLength(2);
      expect(await member(r.id)).toMatchObject({ pointsBalance: 10 * REWARD });
      const entries = await referralEntries(r.id);
      expect(entries.items.map((x) => x.balanceAfter)).toEqual(
        Array.from({ length: 10 }, (_, i) => (i + 1) * REWARD),
      );
    });

    it('leaves the referral QUALIFIED without points when the referrer is not ACTIVE', async () => {
      const r = await referrer();
      const e = await referee(r);
      await t.ok(
        SET_MEMBER_STATUS,
        { input: { memberId: r.id, status: 'FROZEN', reason: '风控冻结' } },
        admin(),
      );
      await purchase(e.id);
      const referral = (await referralOf(e.id))!;
      expect(referral).toMatchObject({ status: 'QUALIFIED', rewardPoints: null, rewardedAt: null });
      expect(referral.qualifiedAt).not.toBeNull();
      expect((await member(r.id)).pointsBalance).toBe(0);
      expect((await referralEntries(r.id)).total).toBe(0);
      // Unfreezing later does not pay it, and further purchases do not either.
      await t.ok(SET_MEMBER_STATUS, { input: { memberId: r.id, status: 'ACTIVE', reason: '解冻' } }, admin());
      await purchase(e.id);
      expect(await referralOf(e.id)).toMatchObject({ status: 'QUALIFIED' });
      expect((await member(r.id)).pointsBalance).toBe(0);
    });

    it('qualifies a PENDING_ACTIVATION referee’s purchase when they activate', async () => {
      const r = await referrer();
      const phone = uniquePhone();
      const { registerMember: e } = await t.ok(
        REGISTER_MEMBER,
        { input: { name: '待激活', phone, channel: 'WECHAT', referralCode: r.referralCode } },
        admin(),
      );
      const tx = await purchase(e.id);
      expect(tx.pointsEarned).toBe(0); // a pending member earns nothing
      expect(await referralOf(e.id)).toMatchObject({ status: 'REGISTERED' });
      expect((await member(r.id)).pointsBalance).toBe(0);

      const code = await lastCodeSentTo(t, phone);
      await t.ok(ACTIVATE_MEMBER, { input: { memberId: e.id, code } }, admin());
      expect(await referralOf(e.id)).toMatchObject({ status: 'REWARDED', rewardPoints: REWARD });
      const { referrals } = await t.ok(
        `query($filter: ReferralFilter) { referrals(filter: $filter) { items { transactionId } } }`,
        { filter: { refereeId: e.id } },
        admin(),
      );
      expect(referrals.items).toEqual([{ transactionId: tx.id }]);
      expect((await member(r.id)).pointsBalance).toBe(REWARD);
      // A purchase after activation is not the first one: nothing more.
      await purchase(e.id);
      expect((await referralEntries(r.id)).total).toBe(1);
    });

    it('keeps the reward when the qualifying purchase is reversed', async () => {
      const r = await referrer();
      const e = await referee(r);
      const tx = await purchase(e.id);
      expect((await member(r.id)).pointsBalance).toBe(REWARD);
      const { reverseTransaction } = await t.ok(
        REVERSE_TRANSACTION,
        { input: { transactionId: tx.id, reason: '退车' } },
        admin(),
      );
      expect(reverseTransaction.status).toBe('REVERSED');
      expect(await member(e.id)).toMatchObject({ pointsBalance: 0 }); // the buyer's own points are clawed back
      expect(await referralOf(e.id)).toMatchObject({ status: 'REWARDED', rewardPoints: REWARD });
      expect(await member(r.id)).toMatchObject({ pointsBalance: REWARD, lifetimePoints: REWARD });
      // The next purchase does not reward a second time.
      await purchase(e.id);
      expect((await referralEntries(r.id)).total).toBe(1);
      expect((await member(r.id)).pointsBalance).toBe(REWARD);
    });

    it('uses the programme settings for the reward and the cap', async () => {
      const settings = `query { programmeSettings { referralRewardPoints referralYearlyCap } }`;
      const update = `mutation($input: UpdateProgrammeSettingsInput!) { updateProgrammeSettings(input: $input) { referralRewardPoints referralYearlyCap } }`;
      expect((await t.ok(settings, {}, admin())).programmeSettings).toEqual({
        referralRewardPoints: 1000,
        referralYearlyCap: 10,
      });
      const refused = await t.gql(update, { input: { referralYearlyCap: -1 } }, admin());
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      await t.ok(update, { input: { referralRewardPoints: 1500, referralYearlyCap: 1 } }, admin());
      try {
        const r = await referrer();
        const [first, second] = [await referee(r), await referee(r)];
        await purchase(first.id);
        await purchase(second.id);
        expect(await referralOf(first.id)).toMatchObject({ status: 'REWARDED', rewardPoints: 1500 });
        expect(await referralOf(second.id)).toMatchObject({ status: 'CAPPED', rewardPoints: null });
        expect((await member(r.id)).pointsBalance).toBe(1500);
      } finally {
        await t.ok(update, { input: { referralRewardPoints: 1000, referralYearlyCap: 10 } }, admin());
      }
    });
  });

  describe('the referrals list', () => {
    it('filters by ids, referrer, referee and status, sorts by creation and pages', async () => {
      const r = await referrer();
      const [e1, e2, e3] = [await referee(r), await referee(r), await referee(r)];
      await purchase(e2.id);
      const mine = await byReferrer(r.id);
      expect(mine.map((x) => x.refereeId)).toEqual([e1.id, e2.id, e3.id]);
      const desc = await list({
        filter: { referrerId: r.id },
        sort: [{ field: 'CREATED_AT', order: 'DESC' }],
      });
      expect(desc.items.map((x) => x.refereeId)).toEqual([e3.id, e2.id, e1.id]);
      expect(desc.total).toBe(3);

      const paged = await list({
        filter: { referrerId: r.id },
        sort: [{ field: 'CREATED_AT', order: 'ASC' }],
        page: { page: 2, perPage: 2 },
      });
      expect(paged).toMatchObject({ total: 3, items: [{ refereeId: e3.id }] });
      expect(
        (await list({ filter: { referrerId: r.id, status: 'REWARDED' } })).items.map((x) => x.refereeId),
      ).toEqual([e2.id]);
      expect((await list({ filter: { referrerId: r.id, status: 'REGISTERED' } })).total).toBe(2);
      expect((await list({ filter: { refereeId: e1.id } })).items.map((x) => x.id)).toEqual([mine[0].id]);
      expect(
        (
          await list({
            filter: { ids: [mine[0].id, mine[2].id] },
            sort: [{ field: 'CREATED_AT', order: 'ASC' }],
          })
        ).items.map((x) => x.id),
      ).toEqual([mine[0].id, mine[2].id]);
      expect((await list({ filter: { ids: [] } })).total).toBe(0);
    });

    it('loads referrers and referees of a whole page', async () => {
      const r = await referrer({ name: '大推荐人' });
      const names = ['甲', '乙', '丙', '丁', '戊'];
      for (const name of names) await referee(r, { name });
      const { referrals } = await t.ok(
        `query($filter: ReferralFilter) { referrals(filter: $filter, sort: [{ field: CREATED_AT, order: ASC }]) { items { referrer { id name } referee { name } } } }`,
        { filter: { referrerId: r.id } },
        admin(),
      );
      expect(referrals.items).toEqual(
        names.map((name) => ({ referrer: { id: r.id, name: '大推荐人' }, referee: { name } })),
      );
    });

    it('shows store staff the referrals of their dealership’s members, and any member’s by member id', async () => {
      const dealerC = await createDealership(t);
      const dealerD = await createDealership(t);
      const rc = await referrer({ homeDealershipId: dealerC });
      const rd = await referrer({ homeDealershipId: dealerD });
      const cToC = await referee(rc, { homeDealershipId: dealerC });
      const dToD = await referee(rd, { homeDealershipId: dealerD });
      const dToC = await referee(rd, { homeDealershipId: dealerC });
      const storeC = { token: await t.staffToken('STORE_STAFF', dealerC) };

      const seen = await list({ page: { perPage: 100 } }, storeC);
      expect(seen.items.map((x) => x.refereeId).sort()).toEqual([cToC.id, dToC.id].sort());
      expect(seen.total).toBe(2);
      // Another store's member, named: all their referrals.
      const named = await list({ filter: { referrerId: rd.id } }, storeC);
      expect(named.items.map((x) => x.refereeId).sort()).toEqual([dToD.id, dToC.id].sort());
      expect((await list({ filter: { refereeId: dToD.id } }, storeC)).total).toBe(1);
      // ids alone do not widen the scope.
      const other = (await referralOf(dToD.id))!;
      expect((await list({ filter: { ids: [other.id] } }, storeC)).total).toBe(0);
      // Group-wide staff see everything.
      const marketing = { token: await t.staffToken('MARKETING') };
      expect((await list({ filter: { referrerId: rd.id } }, marketing)).total).toBe(2);
      expect((await list({ page: { perPage: 1 } }, marketing)).total).toBeGreaterThanOrEqual(3);
    });

    it('is open to ADMIN, MARKETING, CUSTOMER_SERVICE, STORE_STAFF and API keys with members:read only', async () => {
      for (const role of ['MARKETING', 'CUSTOMER_SERVICE', 'STORE_STAFF']) {
        const result = await t.gql(REFERRALS, { page: { perPage: 1 } }, { token: await t.staffToken(role) });
        expect(result.errors).toBeUndefined();
      }
      expect(errorCode(await t.gql(REFERRALS, {}, { token: await t.staffToken('FINANCE') }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await t.gql(REFERRALS, {}))).toBe('UNAUTHENTICATED');
      const reader = await apiKey(t, ['members:read']);
      expect((await t.gql(REFERRALS, { page: { perPage: 1 } }, { apiKey: reader })).errors).toBeUndefined();
      const writer = await apiKey(t, ['transactions:write', 'members:write']);
      expect(errorCode(await t.gql(REFERRALS, {}, { apiKey: writer }))).toBe('FORBIDDEN');
    });
  });

  it('keeps the points ledger consistent with every balance', async () => {
    const { ledgerIntegrity } = await t.ok(LEDGER_INTEGRITY, {}, admin());
    expect(ledgerIntegrity.membersChecked).toBeGreaterThan(50);
    expect(ledgerIntegrity.pointsMismatches).toBe(0);
    expect(ledgerIntegrity.mismatches).toEqual([]);
  });
});
