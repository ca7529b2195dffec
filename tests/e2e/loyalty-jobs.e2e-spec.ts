/**
 * The loyalty jobs run on demand with `asOf` (ops.graphql runJob): tier evaluation and the yearly
 * review, lapsing of online registrations never activated, and birthday points.
 */
import {
  MEMBER,
  NOTIFICATIONS,
  POINTS_ENTRIES,
  RECORD_TRANSACTION,
  REGISTER_MEMBER,
  RUN_JOB,
  SET_MEMBER_TIER,
  TIER_CHANGES,
  TIERS,
} from './support/contract';
import { apiKey, createDealership, createMember, uniquePhone } from './support/fixtures';
import { Credentials, errorCode, startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

/** The same UTC wall-clock time `months` later, the day clamped to the target month's length. */
function addMonthsUtc(instant: Date, months: number): Date {
  const target = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + months, 1));
  const days = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(instant.getUTCDate(), days));
  target.setUTCHours(
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
    instant.getUTCMilliseconds(),
  );
  return target;
}

/** Noon UTC `days` days before `from`: distinct calendar days whatever the zone. */
const noonDaysBefore = (from: Date, days: number) => {
  const d = new Date(from.getTime() - days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 4)); // 12:00 in Shanghai
};

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

describe('loyalty jobs', () => {
  let t: TestApp;
  let dealer: string;
  let tiers: Record<string, string>;
  let seq = 0;

  const admin = (): Credentials => ({ token: t.adminToken });
  const runJob = async (job: string, asOf: Date) => {
    const { runJob: run } = await t.ok(RUN_JOB, { input: { job, asOf: asOf.toISOString() } }, admin());
    expect(run).toMatchObject({ job, status: 'SUCCEEDED', asOf: asOf.toISOString(), error: null });
    return run as { id: string; processed: number; affected: number };
  };
  const member = async (id: string) => (await t.ok(MEMBER, { id }, admin())).member;
  const visit = (memberId: string, occurredAt: Date, amount = 100_00, type = 'MAINTENANCE') =>
    t.ok(
      RECORD_TRANSACTION,
      {
        input: {
          externalRef: `JOB-${Date.now().toString(36)}-${seq++}`.toUpperCase(),
          dealershipId: dealer,
          memberId,
          type,
          amount,
          occurredAt: occurredAt.toISOString(),
        },
      },
      admin(),
    );
  const setTier = async (memberId: string, code: string) => {
    const { setMemberTier } = await t.ok(
      SET_MEMBER_TIER,
      { input: { memberId, tierId: tiers[code], reason: `人工调整为${code}` } },
      admin(),
    );
    expect(setMemberTier.tier.code).toBe(code);
    return setMemberTier;
  };
  const changesOf = async (memberId: string) =>
    (
      await t.ok(
        TIER_CHANGES,
        { filter: { memberId }, sort: [{ field: 'CREATED_AT', order: 'ASC' }], page: { perPage: 100 } },
        admin(),
      )
    ).tierChanges as {
      items: { reason: string; note: string | null; fromTier: { code: string }; toTier: { code: string } }[];
      total: number;
    };
  const notificationsOf = async (memberId: string, template: string) =>
    (await t.ok(NOTIFICATIONS, { filter: { memberId, template } }, admin())).notifications as {
      items: { body: string }[];
      total: number;
    };
  const allChanges = async () =>
    (await t.ok(TIER_CHANGES, { page: { perPage: 1 } }, admin())).tierChanges.total;

  beforeAll(async () => {
    t = await startTestApp();
    dealer = await createDealership(t);
    const { tiers: page } = await t.ok(TIERS, { page: { perPage: 10 } }, admin());
    tiers = Object.fromEntries(page.items.map((tier: { code: string; id: string }) => [tier.code, tier.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('TIER_EVALUATION', () => {
    const now = new Date();
    let visitor: string;
    let spender: string;

    it('upgrades members whose 12-month figures qualify, and a re-run of the same asOf changes nothing', async () => {
      // Three service visits on distinct days qualify for Silver; 15,000 qualifying points for Gold.
      visitor = (await createMember(t)).id;
      for (const days of [60, 30, 10]) await visit(visitor, noonDaysBefore(now, days));
      expect((await member(visitor)).tier.code).toBe('SILVER'); // at once, on the third visit
      await setTier(visitor, 'REGULAR');

      spender = (await createMember(t)).id;
      await visit(spender, noonDaysBefore(now, 5), 15_000_00);
      expect((await member(spender)).tier.code).toBe('GOLD');
      await setTier(spender, 'REGULAR');

      const idle = (await createMember(t)).id;
      await visit(idle, noonDaysBefore(now, 3));

      for (const id of [visitor, spender])
        expect(await member(id)).toMatchObject({ tier: { code: 'REGULAR' }, tierReviewAt: null });
      const changesBefore = await allChanges();

      const asOf = new Date();
      const run = await runJob('TIER_EVALUATION', asOf);
      expect(run).toMatchObject({ processed: 3, affected: 2 });

      const v = await member(visitor);
      expect(v).toMatchObject({ tier: { code: 'SILVER' }, qualifyingPoints: 300 });
      expect(iso(v.tierAchievedAt)).toBe(asOf.toISOString());
      expect(iso(v.tierReviewAt)).toBe(addMonthsUtc(asOf, 12).toISOString());
      const vChanges = await changesOf(visitor);
      expect(vChanges.items.map((c) => [c.reason, c.fromTier.code, c.toTier.code])).toEqual([
        ['UPGRADE', 'REGULAR', 'SILVER'],
        ['MANUAL', 'SILVER', 'REGULAR'],
        ['UPGRADE', 'REGULAR', 'SILVER'],
      ]);
      expect(vChanges.items[2].note).toContain('3 service visits');
      expect((await notificationsOf(visitor, 'TIER_UPGRADED')).total).toBe(2);

      const g = await member(spender);
      expect(g).toMatchObject({ tier: { code: 'GOLD' }, qualifyingPoints: 15_000 });
      expect(iso(g.tierReviewAt)).toBe(addMonthsUtc(asOf, 12).toISOString());
      const gChanges = await changesOf(spender);
      expect(gChanges.items[gChanges.total - 1]).toMatchObject({
        reason: 'UPGRADE',
        fromTier: { code: 'REGULAR' },
        toTier: { code: 'GOLD' },
      });
      expect((await member(idle)).tier.code).toBe('REGULAR');
      expect(await allChanges()).toBe(changesBefore + 2);

      const again = await runJob('TIER_EVALUATION', asOf);
      expect(again).toMatchObject({ processed: 3, affected: 0 });
      expect(await allChanges()).toBe(changesBefore + 2);
      expect(iso((await member(visitor)).tierReviewAt)).toBe(addMonthsUtc(asOf, 12).toISOString());
      expect((await notificationsOf(visitor, 'TIER_UPGRADED')).total).toBe(2);
    });

    it('at the yearly review drops a member who no longer qualifies by one tier only', async () => {
      const silver = (await createMember(t)).id;
      const platinum = (await createMember(t)).id;
      const setAt = new Date();
      const silverSet = await setTier(silver, 'SILVER');
      await setTier(platinum, 'PLATINUM');
      const reviewAt = new Date(silverSet.tierReviewAt);
      expect(Math.abs(reviewAt.getTime() - addMonthsUtc(setAt, 12).getTime())).toBeLessThan(60_000);

      // Eleven months on the review is not due: nothing changes.
      await runJob('TIER_EVALUATION', addMonthsUtc(setAt, 11));
      expect((await member(silver)).tier.code).toBe('SILVER');
      expect((await member(platinum)).tier.code).toBe('PLATINUM');

      const asOf = addMonthsUtc(setAt, 13);
      const changesBefore = await allChanges();
      const run = await runJob('TIER_EVALUATION', asOf);
      expect(run.affected).toBeGreaterThanOrEqual(2);

      const s = await member(silver);
      expect(s).toMatchObject({ tier: { code: 'REGULAR' }, tierReviewAt: null });
      expect(iso(s.tierAchievedAt)).toBe(asOf.toISOString());
      const sLast = (await changesOf(silver)).items.pop()!;
      expect(sLast).toMatchObject({
        reason: 'DOWNGRADE',
        fromTier: { code: 'SILVER' },
        toTier: { code: 'REGULAR' },
      });
      expect(sLast.note).toContain('Yearly review');
      const sDown = await notificationsOf(silver, 'TIER_DOWNGRADED');
      expect(sDown.total).toBe(1);
      expect(sDown.items[0].body).toContain('普通会员');

      const p = await member(platinum);
      expect(p).toMatchObject({ tier: { code: 'GOLD' } });
      expect(iso(p.tierReviewAt)).toBe(addMonthsUtc(asOf, 12).toISOString());
      expect((await changesOf(platinum)).items.pop()).toMatchObject({
        reason: 'DOWNGRADE',
        fromTier: { code: 'PLATINUM' },
        toTier: { code: 'GOLD' },
      });
      expect((await notificationsOf(platinum, 'TIER_DOWNGRADED')).total).toBe(1);

      // The members upgraded in the previous test had nothing in this window either.
      expect((await member(visitor)).tier.code).toBe('REGULAR');
      expect((await member(spender)).tier.code).toBe('SILVER');
      const changed = (await allChanges()) - changesBefore;
      expect(run.affected).toBe(changed);

      // The same asOf again, and a day later: the one-tier drop does not repeat.
      expect(await runJob('TIER_EVALUATION', asOf)).toMatchObject({ affected: 0 });
      expect(await runJob('TIER_EVALUATION', new Date(asOf.getTime() + DAY))).toMatchObject({ affected: 0 });
      expect(await allChanges()).toBe(changesBefore + changed);
      expect((await member(platinum)).tier.code).toBe('GOLD');
      expect((await notificationsOf(platinum, 'TIER_DOWNGRADED')).total).toBe(1);

      // A year after that review, with nothing again, one more tier.
      await runJob('TIER_EVALUATION', new Date(addMonthsUtc(asOf, 12).getTime() + DAY));
      expect((await member(platinum)).tier.code).toBe('SILVER');
      expect((await notificationsOf(platinum, 'TIER_DOWNGRADED')).total).toBe(2);
    });

    it('keeps the tier of a member who still qualifies at the review and moves the review a year on', async () => {
      const keeper = (await createMember(t)).id;
      const pastAsOf = addMonthsUtc(new Date(), -13);
      // Three visits just before pastAsOf: outside today's 12-month window, so no upgrade today.
      for (const days of [3, 2, 1]) await visit(keeper, noonDaysBefore(pastAsOf, days));
      expect(await member(keeper)).toMatchObject({ tier: { code: 'REGULAR' }, qualifyingPoints: 0 });

      // Evaluated as of thirteen months ago it reached Silver then; the review is due a month ago.
      await runJob('TIER_EVALUATION', pastAsOf);
      const reached = await member(keeper);
      expect(reached.tier.code).toBe('SILVER');
      expect(iso(reached.tierAchievedAt)).toBe(pastAsOf.toISOString());
      const reviewAt = new Date(reached.tierReviewAt);
      expect(reviewAt.toISOString()).toBe(addMonthsUtc(pastAsOf, 12).toISOString());
      expect(reviewAt.getTime()).toBeLessThan(Date.now());

      // Three visits in the last 12 months: still Silver at the review.
      for (const days of [90, 60, 30]) await visit(keeper, noonDaysBefore(new Date(), days));
      const changesBefore = (await changesOf(keeper)).total;
      const asOf = new Date();
      await runJob('TIER_EVALUATION', asOf);
      const kept = await member(keeper);
      expect(kept.tier.code).toBe('SILVER');
      expect(iso(kept.tierAchievedAt)).toBe(pastAsOf.toISOString());
      expect(iso(kept.tierReviewAt)).toBe(addMonthsUtc(reviewAt, 12).toISOString());
      expect(new Date(kept.tierReviewAt).getTime()).toBeGreaterThan(asOf.getTime());
      expect((await changesOf(keeper)).total).toBe(changesBefore);
      expect((await notificationsOf(keeper, 'TIER_DOWNGRADED')).total).toBe(0);

      const again = await runJob('TIER_EVALUATION', asOf);
      expect(again.affected).toBe(0);
      expect(iso((await member(keeper)).tierReviewAt)).toBe(addMonthsUtc(reviewAt, 12).toISOString());
    });
  });

  describe('ACTIVATION_LAPSE', () => {
    it('lapses a pending online registration after 7 days, which frees its phone', async () => {
      const app = await apiKey(t, ['members:write']);
      const phone = uniquePhone();
      const registeredBefore = new Date();
      const registered = (
        await t.ok(
          REGISTER_MEMBER,
          { input: { name: '网上注册', phone, channel: 'WECHAT' } },
          { apiKey: app },
        )
      ).registerMember;
      expect(registered).toMatchObject({ status: 'PENDING_ACTIVATION', channel: 'WECHAT' });
      const active = await createMember(t);
      const taken = await t.gql(
        REGISTER_MEMBER,
        { input: { name: '重复注册', phone, channel: 'APP' } },
        { apiKey: app },
      );
      expect(errorCode(taken)).toBe('CONFLICT');

      const registeredAt = new Date();
      expect(await runJob('ACTIVATION_LAPSE', new Date(registeredAt.getTime() + 6 * DAY))).toMatchObject({
        affected: 0,
      });
      expect((await member(registered.id)).status).toBe('PENDING_ACTIVATION');
      // Registered after registeredBefore: not yet 7 days old a second short of registeredBefore + 7 days.
      expect(
        await runJob('ACTIVATION_LAPSE', new Date(registeredBefore.getTime() + 7 * DAY - 1_000)),
      ).toMatchObject({
        affected: 0,
      });
      expect((await member(registered.id)).status).toBe('PENDING_ACTIVATION');

      const asOf = new Date(registeredAt.getTime() + 8 * DAY);
      expect(await runJob('ACTIVATION_LAPSE', asOf)).toMatchObject({ processed: 1, affected: 1 });
      expect((await member(registered.id)).status).toBe('LAPSED');
      expect((await member(active.id)).status).toBe('ACTIVE');
      expect(await runJob('ACTIVATION_LAPSE', asOf)).toMatchObject({ affected: 0 });

      // Only the job ran 8 days on; move the activation SMS back too, or the 60-second gap between
      // two codes to one phone would refuse the new registration's code.
      const eightDays = new Date(Date.now() - 8 * DAY);
      await t.dataSource.query('UPDATE `verification_code` SET `createdAt` = ? WHERE `phone` = ?', [
        t.databaseKind === 'mysql' ? eightDays : eightDays.toISOString().replace('T', ' ').replace('Z', ''),
        phone,
      ]);
      const again = (
        await t.ok(REGISTER_MEMBER, { input: { name: '重新注册', phone, channel: 'APP' } }, { apiKey: app })
      ).registerMember;
      expect(again.id).not.toBe(registered.id);
      expect(again.status).toBe('PENDING_ACTIVATION');
      expect((await member(registered.id)).status).toBe('LAPSED');
    });
  });

  describe('BIRTHDAY_REWARDS', () => {
    const year = new Date().getUTCFullYear() - 1;
    const birthdayEntries = async (memberId: string) =>
      (
        await t.ok(
          POINTS_ENTRIES,
          { filter: { memberId, type: 'BIRTHDAY' }, sort: [{ field: 'CREATED_AT', order: 'ASC' }] },
          admin(),
        )
      ).pointsEntries as {
        items: { points: number; balanceAfter: number; sourceType: string; sourceId: string }[];
        total: number;
      };

    it('credits 200 points once in the birthday month of the programme time zone, to active members only', async () => {
      const april = (await createMember(t, { birthday: '1990-04-15' })).id;
      const march = (await createMember(t, { birthday: '1988-03-31' })).id;
      const app = await apiKey(t, ['members:write']);
      const pending = (
        await t.ok(
          REGISTER_MEMBER,
          { input: { name: '未激活', phone: uniquePhone(), channel: 'APP', birthday: '1995-04-02' } },
          { apiKey: app },
        )
      ).registerMember.id;

      // 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai: April birthdays.
      const firstOfApril = new Date(Date.UTC(year, 2, 31, 17));
      const run = await runJob('BIRTHDAY_REWARDS', firstOfApril);
      expect(run).toMatchObject({ processed: 1, affected: 1 });
      const credited = await birthdayEntries(april);
      expect(credited.total).toBe(1);
      expect(credited.items[0]).toMatchObject({
        points: 200,
        balanceAfter: 200,
        sourceType: 'BIRTHDAY',
        sourceId: String(year),
      });
      expect(await member(april)).toMatchObject({
        pointsBalance: 200,
        lifetimePoints: 200,
        qualifyingPoints: 0,
      });
      expect((await birthdayEntries(march)).total).toBe(0);
      expect((await birthdayEntries(pending)).total).toBe(0);

      // Later in the same month: nothing more.
      expect(await runJob('BIRTHDAY_REWARDS', new Date(Date.UTC(year, 3, 20, 4)))).toMatchObject({
        affected: 0,
      });
      expect((await birthdayEntries(april)).total).toBe(1);
      expect((await member(april)).pointsBalance).toBe(200);

      // 15:00 UTC on 31 March is 23:00 the same day in Shanghai: March birthdays only.
      expect(await runJob('BIRTHDAY_REWARDS', new Date(Date.UTC(year, 2, 31, 15)))).toMatchObject({
        affected: 1,
      });
      expect((await birthdayEntries(march)).total).toBe(1);
      expect((await birthdayEntries(april)).total).toBe(1);
      expect((await member(march)).pointsBalance).toBe(200);

      // The next year's birthday month credits again.
      expect(await runJob('BIRTHDAY_REWARDS', new Date(Date.UTC(year + 1, 3, 10, 4)))).toMatchObject({
        affected: 1,
      });
      expect((await birthdayEntries(april)).items.map((e) => e.sourceId)).toEqual([
        String(year),
        String(year + 1),
      ]);
      expect((await member(april)).pointsBalance).toBe(400);
      expect((await birthdayEntries(pending)).total).toBe(0);
    });
  });
});
