/**
 * The generated member list (admin, all 300 demo members): totals, a status filter, a search,
 * sorting by a column and paging, each checked against the API; and the generated dealership
 * form, whose server-side phone check shows under the phone field before a valid save.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { enumLabel } from './support/labels';
import { loggedInPage } from './support/logged-in-page';
import { apiAs, graphqlAs, open } from './support/session';
import { columnTexts, eventually, helperText, integerOf, visible } from './support/ui';

interface MemberRow {
  memberNo: string;
  name: string;
  phone: string;
  pointsBalance: number;
}
interface MemberPage {
  members: { total: number; items: MemberRow[] };
}

const MEMBERS = `query ($filter: MemberFilter, $sort: [MemberSort!], $page: PageInput) {
  members(filter: $filter, sort: $sort, page: $page) { total items { memberNo name phone pointsBalance } }
}`;

describe('members list and the generated dealership form (admin)', () => {
  const session = loggedInPage('admin');
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const members = (variables: Record<string, unknown>) =>
    apiAs<MemberPage>(page, MEMBERS, variables).then((d) => d.members);
  const pageSummary = () => page.getByText(/^第 \d+-\d+ 条，共 \d+ 条$/);

  it('lists the members page by page with the API total', async () => {
    const all = await members({ page: { perPage: 25 }, sort: [{ field: 'CREATED_AT', order: 'DESC' }] });
    expect(all.total).toBeGreaterThan(25);
    await open(page, 'members');
    await visible(page.getByText(`第 1-25 条，共 ${all.total} 条`));
    await eventually(
      () => columnTexts(page, '会员号'),
      all.items.map((m) => m.memberNo),
    );
    await screenshot(page, 'members-list');

    const second = await members({
      page: { page: 2, perPage: 25 },
      sort: [{ field: 'CREATED_AT', order: 'DESC' }],
    });
    await page.getByRole('button', { name: '转到第 2 页' }).click();
    await visible(page.getByText(`第 26-50 条，共 ${all.total} 条`));
    await eventually(
      () => columnTexts(page, '会员号'),
      second.items.map((m) => m.memberNo),
    );
  });

  it('filters by status and searches by phone', async () => {
    await open(page, 'members');
    const pending = await members({ filter: { status: 'PENDING_ACTIVATION' }, page: { perPage: 25 } });
    expect(pending.total).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: '会员状态' }).click();
    await page
      .getByRole('option', { name: enumLabel('MemberStatus', 'PENDING_ACTIVATION'), exact: true })
      .click();
    await visible(page.getByText(`共 ${pending.total} 条`, { exact: false }));
    await eventually(
      () => columnTexts(page, '会员状态'),
      Array(Math.min(pending.total, 25)).fill(enumLabel('MemberStatus', 'PENDING_ACTIVATION')),
    );
    await screenshot(page, 'members-filtered');

    // Clear the filter, then look one member up by phone.
    await open(page, 'members?filter=%7B%7D');
    const target = (await members({ filter: { status: 'ACTIVE' }, page: { perPage: 1 } })).items[0];
    await page.getByPlaceholder('搜索').fill(target.phone);
    await visible(page.getByText(/共 1 条$/));
    await eventually(() => columnTexts(page, '会员号'), [target.memberNo]);
    expect(await columnTexts(page, '姓名')).toEqual([target.name]);
  });

  it('sorts by points balance, both ways, as the API does', async () => {
    await open(page, 'members?filter=%7B%7D');
    await visible(pageSummary());
    const header = page.locator('thead th').filter({ hasText: '积分余额' }).getByRole('button');
    for (const [click, previous] of [
      [1, ''],
      [2, 'ASC|DESC'],
    ] as const) {
      const before = previous ? /order=(ASC|DESC)/.exec(page.url())![1] : '';
      await header.click();
      await page.waitForURL(
        (url) => /sort=pointsBalance/.test(url.hash) && !(before && url.hash.includes(`order=${before}`)),
      );
      const order = /order=(ASC|DESC)/.exec(page.url())![1] as 'ASC' | 'DESC';
      const expected = await members({ sort: [{ field: 'POINTS_BALANCE', order }], page: { perPage: 25 } });
      const points = expected.items.map((m) => m.pointsBalance);
      expect(points).toEqual([...points].sort((a, b) => (order === 'DESC' ? b - a : a - b)));
      expect(new Set(points).size).toBeGreaterThan(1);
      await eventually(async () => (await columnTexts(page, '积分余额')).map(integerOf), points);
      await screenshot(page, `members-sorted-${click}`);
    }
  });

  it('creates a dealership through the generated form, showing the server phone check under the field', async () => {
    const code = `BT-${Date.now().toString(36).toUpperCase()}`;
    await open(page, 'dealerships/create');
    await page.getByRole('textbox', { name: '门店名称' }).fill('浏览器测试门店');
    await page.getByRole('textbox', { name: '门店代码' }).fill(code);
    await page.getByRole('textbox', { name: '城市' }).fill('苏州');
    const phone = page.getByRole('textbox', { name: '手机号' });
    // Letters pass the form (it has no phone rule of its own); the API refuses them.
    await phone.fill('ask front desk');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForFunction(
      (input) => input?.getAttribute('aria-invalid') === 'true',
      await phone.elementHandle(),
    );
    // The message under the field is the API's own for input.phone (the same refusal, asked directly).
    const refusal = await graphqlAs(
      page,
      'mutation ($input: CreateDealershipInput!) { createDealership(input: $input) { id } }',
      {
        input: { code, name: '浏览器测试门店', phone: 'ask front desk' },
      },
    );
    expect(refusal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const apiMessage = refusal.errors?.[0].extensions?.fields?.['input.phone'];
    expect(apiMessage).toBeTruthy();
    expect(await helperText(page, phone)).toBe(apiMessage);
    // The notice only points at the field, in the app's language (the detail is under the field).
    await visible(page.getByText('请检查标红的字段', { exact: true }));
    expect(page.url()).toContain('dealerships/create');
    await screenshot(page, 'dealership-phone-error');
    const none = await apiAs<{ dealerships: { total: number } }>(
      page,
      'query ($q: String) { dealerships(filter: { q: $q }) { total } }',
      { q: code },
    );
    expect(none.dealerships.total).toBe(0);

    await phone.fill('021-62345678');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/dealerships\/[^/]+\/show/);
    await visible(page.getByText(code, { exact: true }));
    await screenshot(page, 'dealership-created');
    const created = await apiAs<{
      dealerships: { items: Array<{ code: string; name: string; city: string; phone: string }> };
    }>(page, 'query ($q: String) { dealerships(filter: { q: $q }) { items { code name city phone } } }', {
      q: code,
    });
    expect(created.dealerships.items).toEqual([
      { code, name: '浏览器测试门店', city: '苏州', phone: '021-62345678' },
    ]);
  });
});
