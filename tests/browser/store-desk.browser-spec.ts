/**
 * The store desk (store.sh, 上海浦东宝马4S店): register a walk-in customer with a vehicle (after
 * the API refuses a bad mobile number under its field), record a maintenance sale for them and see
 * the points, then issue a stored-value card, top it up with a bonus, spend from it and read the
 * ledger. Every step is checked again through the API.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { enumLabel } from './support/labels';
import { loggedInPage } from './support/logged-in-page';
import { apiAs, graphqlAs, open } from './support/session';
import { eventually, helperText, statValue, visible } from './support/ui';

const suffix = String(Date.now()).slice(-8);
const PHONE = `139${suffix}`;
const NAME = `测试${suffix.slice(-4)}`;
const PLATE = `沪A${suffix.slice(-5)}`;
const VIN = `LBVTEST${suffix}99`.slice(0, 17);

interface MemberState {
  id: string;
  memberNo: string;
  name: string;
  status: string;
  pointsBalance: number;
  homeDealership: { name: string };
  vehicles: Array<{ vin: string; plateNumber: string }>;
}

const MEMBER_BY_PHONE = `query ($q: String) {
  members(filter: { q: $q }) { total items { id memberNo name status pointsBalance homeDealership { name } vehicles { vin plateNumber } } }
}`;

describe('store desk (store.sh)', () => {
  const session = loggedInPage('store.sh');
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const memberByPhone = async () => {
    const { members } = await apiAs<{ members: { total: number; items: MemberState[] } }>(
      page,
      MEMBER_BY_PHONE,
      { q: PHONE },
    );
    return members;
  };

  /** Picks a member in the shared member picker by phone. */
  const pickMember = async () => {
    await page.getByRole('textbox', { name: '手机号 / 会员号 / 车牌 / 姓名' }).first().fill(PHONE);
    await page.getByRole('button', { name: '查找会员' }).first().click();
    await page
      .getByRole('list', { name: '会员查询结果' })
      .getByRole('button', { name: new RegExp(NAME) })
      .click();
    await visible(page.getByLabel('已选会员'));
  };

  it('registers a member with a vehicle, after the API refuses the mobile number under its field', async () => {
    await page.getByRole('menu').first().getByRole('menuitem', { name: '会员登记', exact: true }).click();
    const form = page.getByRole('form', { name: '会员登记（含首辆车）' });
    await form.getByRole('textbox', { name: '姓名' }).fill(NAME);
    const phone = form.getByRole('textbox', { name: '手机号' });
    await phone.fill('12345678901'); // 11 digits, but no mainland mobile starts with 12
    await form.getByRole('textbox', { name: '车架号（VIN）' }).fill(VIN);
    await form.getByRole('textbox', { name: '车牌号' }).fill(PLATE);
    await form.getByRole('textbox', { name: '品牌' }).fill('宝马');
    await form.getByRole('textbox', { name: '车型' }).fill('X3');
    await form.getByRole('button', { name: '登记会员' }).click();

    await page.waitForFunction(
      (input) => input?.getAttribute('aria-invalid') === 'true',
      await phone.elementHandle(),
    );
    const refusal = await graphqlAs(
      page,
      'mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }',
      {
        input: { name: NAME, phone: '12345678901' },
      },
    );
    expect(refusal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refusal.errors?.[0].extensions?.fields?.['input.phone']).toBeTruthy();
    expect(await helperText(page, phone)).toBe(refusal.errors?.[0].extensions?.fields?.['input.phone']);
    await visible(page.getByRole('alert').getByText('请检查标红的字段', { exact: true }));
    await screenshot(page, 'register-member-phone-error');
    expect((await memberByPhone()).total).toBe(0);

    await phone.fill(PHONE);
    await form.getByRole('button', { name: '登记会员' }).click();
    const done = page.getByRole('status').filter({ hasText: '已登记会员' });
    await visible(done);
    const text = await done.innerText();
    const [member] = (await memberByPhone()).items;
    expect(member).toMatchObject({
      name: NAME,
      status: 'ACTIVE',
      homeDealership: { name: '上海浦东宝马4S店' },
      vehicles: [{ vin: VIN, plateNumber: PLATE }],
    });
    expect(text).toContain(member.memberNo);
    expect(text).toContain(NAME);
    expect(text).toContain(PLATE);
    await screenshot(page, 'register-member-done');
  });

  it('records a maintenance sale for the member and shows the points earned and the new balance', async () => {
    const before = (await memberByPhone()).items[0];
    await open(page, 'record-transaction');
    await pickMember();
    await page.getByRole('textbox', { name: '实收金额（元）' }).fill('1234.56');
    await page.getByRole('button', { name: '录入', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: '已录入' });
    await visible(done);
    expect(await done.innerText()).toContain('¥1,234.56');
    await visible(page.getByText(/^会员当前积分余额：/));

    const earnedText = await page.getByText(/^本次获得积分：/).innerText();
    const earned = Number(earnedText.replace(/\D/g, ''));
    const after = (await memberByPhone()).items[0];
    const { transactions } = await apiAs<{
      transactions: {
        items: Array<{
          amount: number;
          pointsEarned: number;
          type: string;
          appliedActivities: Array<{
            name: string;
            type: string;
            multiplier: number | null;
            bonusPoints: number | null;
          }>;
        }>;
      };
    }>(
      page,
      `query ($memberId: ID) { transactions(filter: { memberId: $memberId }) {
        items { amount pointsEarned type appliedActivities { name type multiplier bonusPoints } } } }`,
      { memberId: after.id },
    );
    expect(transactions.items).toHaveLength(1);
    const [sale] = transactions.items;
    expect(sale).toMatchObject({ amount: 123456, pointsEarned: earned, type: 'MAINTENANCE' });
    // A Regular member earns 1 point per yuan on maintenance, times any running multiplier activity, plus bonuses.
    const percent = sale.appliedActivities
      .filter((a) => a.type === 'POINTS_MULTIPLIER')
      .reduce((p, a) => (p * Math.round((a.multiplier ?? 1) * 100)) / 100, 100);
    const bonus = sale.appliedActivities.reduce(
      (sum, a) => sum + (a.type === 'BONUS_POINTS' ? (a.bonusPoints ?? 0) : 0),
      0,
    );
    expect(earned).toBe(Math.floor((123456 * percent) / 10000) + bonus);
    for (const activity of sale.appliedActivities)
      await visible(page.getByText(new RegExp(`参与活动：.*${activity.name}`)));
    expect(after.pointsBalance).toBe(before.pointsBalance + earned);
    expect(await page.getByText(/^会员当前积分余额：/).innerText()).toContain(
      after.pointsBalance.toLocaleString('en-US'),
    );
    await screenshot(page, 'record-transaction-done');
  });

  it('issues a stored-value card, tops it up with a bonus, spends from it and shows the ledger', async () => {
    await open(page, 'card-desk');
    await pickMember();
    const issue = page.getByRole('form', { name: '开卡' });
    await issue.getByRole('button', { name: '开卡' }).click();
    const panelTitle = page.getByText(/^卡片 \d+$/);
    await visible(panelTitle);
    const cardNo = (await panelTitle.innerText()).replace('卡片 ', '');

    // Top up ¥1,000 with a ¥100 bonus.
    await page.getByRole('tab', { name: '充值' }).click();
    const topUp = page.getByRole('form', { name: '充值' });
    await topUp.getByRole('textbox', { name: '充值本金（元）' }).fill('1000');
    await topUp.getByRole('textbox', { name: '赠送金额（元）' }).fill('100');
    await topUp.getByRole('button', { name: '充值' }).click();
    await eventually(() => statValue(page, '余额'), '¥1,100.00');

    // Spend ¥110: the bonus share is floor(11000 × 10000 / 110000) = 1000 fen, the rest principal.
    await page.getByRole('tab', { name: '消费' }).click();
    const spend = page.getByRole('form', { name: '消费' });
    await spend.getByRole('textbox', { name: '消费金额（元）' }).fill('110');
    await spend.getByRole('button', { name: '消费' }).click();
    await eventually(() => statValue(page, '余额'), '¥990.00');
    expect(await statValue(page, '本金余额')).toBe('¥900.00');
    expect(await statValue(page, '赠送余额')).toBe('¥90.00');

    const ledger = page.getByRole('table', { name: /^卡流水（共 \d+ 条）$/ });
    await eventually(async () => {
      const rows = await ledger.locator('tbody tr').allInnerTexts();
      return rows.map((row) =>
        row
          .split('\t')
          .slice(1, 5)
          .map((cell) => cell.trim()),
      );
    }, [
      [enumLabel('CardEntryType', 'CONSUME'), '-¥100.00', '-¥10.00', '¥990.00'],
      [enumLabel('CardEntryType', 'RECHARGE'), '¥1,000.00', '¥100.00', '¥1,100.00'],
      [enumLabel('CardEntryType', 'ISSUE'), '¥0.00', '¥0.00', '¥0.00'],
    ]);
    await visible(page.getByRole('table', { name: '卡流水（共 3 条）' }));
    await screenshot(page, 'card-desk-ledger');

    const { cards } = await apiAs<{
      cards: {
        items: Array<{
          cardNo: string;
          balance: number;
          principalBalance: number;
          bonusBalance: number;
          entries: { items: Array<{ type: string; principalAmount: number; bonusAmount: number }> };
        }>;
      };
    }>(
      page,
      `query ($q: String) { cards(filter: { q: $q }) { items { cardNo balance principalBalance bonusBalance
        entries { items { type principalAmount bonusAmount } } } } }`,
      { q: cardNo },
    );
    expect(cards.items).toHaveLength(1);
    expect(cards.items[0]).toMatchObject({
      cardNo,
      balance: 99000,
      principalBalance: 90000,
      bonusBalance: 9000,
    });
    expect(cards.items[0].entries.items).toHaveLength(3);
    expect(cards.items[0].entries.items).toEqual(
      expect.arrayContaining([
        { type: 'ISSUE', principalAmount: 0, bonusAmount: 0 },
        { type: 'RECHARGE', principalAmount: 100000, bonusAmount: 10000 },
        { type: 'CONSUME', principalAmount: -10000, bonusAmount: -1000 },
      ]),
    );
  });
});
