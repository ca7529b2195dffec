/**
 * Each role logs in and sees its own menu: its task screens and lists, and not those of other
 * roles. A wrong password keeps the user on the login page; the English switch relabels the app.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { collectPageErrors } from './support/page-errors';
import { adminUrl, loginAs } from './support/session';

interface RoleCase {
  username: string;
  roleLabel: string;
  shows: string[];
  hides: string[];
}

const ROLES: RoleCase[] = [
  {
    username: 'admin',
    roleLabel: '管理员',
    shows: [
      '经营看板',
      '会员登记',
      '卡务办理',
      '活动编辑',
      '储值余额',
      '投诉工作台',
      '定时任务',
      '审计日志',
      '员工账号',
      '门店',
    ],
    // The generated lists the task screens replace (audit log, job runs, outbox, follow-up queue).
    hides: ['任务运行记录', '通知', '回访'],
  },
  {
    username: 'store.sh',
    roleLabel: '门店员工',
    shows: ['会员登记', '车牌查询', '录入消费', '权益核销', '卡务办理', '会员', '会员卡', '回访队列'],
    hides: ['经营看板', '活动编辑', '储值余额', '投诉工作台', '审计日志', '员工账号'],
  },
  {
    username: 'marketing',
    roleLabel: '市场营销',
    shows: ['活动编辑', '活动效果', '营销活动', '会员等级', '权益', '通知'],
    hides: ['会员登记', '卡务办理', '储值余额', '投诉工作台', '会员卡', '审计日志'],
  },
  {
    username: 'finance',
    roleLabel: '财务',
    shows: ['储值余额', '储值变动', '跨店结算', '账实核对', '报表导出', '会员卡', '卡流水'],
    hides: ['会员登记', '活动编辑', '投诉工作台', '车辆', '审计日志'],
  },
  {
    username: 'service',
    roleLabel: '客服',
    shows: ['投诉工作台', '回访队列', '会员全景', '会员登记', '投诉', '通知'],
    hides: ['录入消费', '卡务办理', '储值余额', '活动编辑', '审计日志', '回访'],
  },
];

describe('logging in per role', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await newPage(browser));
    errors = collectPageErrors(page);
  });
  afterEach(async () => {
    await context.close();
    expect(errors).toEqual([]);
  });

  it('refuses a wrong password and stays on the login page', async () => {
    await page.goto(adminUrl('login'));
    await page.getByRole('textbox', { name: '用户名' }).fill('store.sh');
    await page.getByRole('textbox', { name: '密码' }).fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    // In the app's language, not the API's English "Wrong username or password".
    await expectVisible(page.getByRole('alert').getByText('用户名或密码错误', { exact: true }));
    expect(page.url()).toContain('#/login');
    await screenshot(page, 'login-refused');
    expect(await page.evaluate(() => localStorage.getItem('dealer-loyalty.session'))).toBeNull();
  });

  it.each(ROLES.map((r) => [r.username, r] as const))(
    '%s sees the menu of its role',
    async (username, role) => {
      await loginAs(page, username);
      const menu = page.getByRole('menu').first();
      await expectVisible(page.getByRole('banner').getByText(role.roleLabel, { exact: true }));
      for (const label of role.shows)
        await expectVisible(menu.getByRole('menuitem', { name: label, exact: true }).first());
      for (const label of role.hides)
        expect(await menu.getByRole('menuitem', { name: label, exact: true }).count()).toBe(0);
      // One entry per label: a task screen and the generated list it replaces are never both listed.
      const labels = (await menu.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
      expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
      await page.waitForLoadState('networkidle');
      await screenshot(page, `menu-${username}`);
    },
  );

  it('switches the whole app to English and back', async () => {
    await loginAs(page, 'store.sh');
    const menu = page.getByRole('menu').first();
    await expectVisible(menu.getByRole('menuitem', { name: '会员登记', exact: true }));
    await page
      .getByRole('banner')
      .getByRole('button', { name: /简体中文/ })
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    for (const label of ['Register member', 'Plate lookup', 'Card desk', 'Members'])
      await expectVisible(menu.getByRole('menuitem', { name: label, exact: true }));
    expect(await menu.getByRole('menuitem', { name: '会员登记', exact: true }).count()).toBe(0);
    await expectVisible(page.getByRole('banner').getByText('Store staff', { exact: true }));
    await menu.getByRole('menuitem', { name: 'Register member', exact: true }).click();
    await expectVisible(page.getByRole('button', { name: /Register/ }).last());
    // The locked home dealership shows the store's name under a raised label, not overlapping it.
    const homeLabel = page.locator('label', { hasText: 'Home dealership' });
    await page.waitForFunction(
      (label) => label?.getAttribute('data-shrink') === 'true',
      await homeLabel.elementHandle(),
    );
    await screenshot(page, 'english-register-member');
    await page
      .getByRole('banner')
      .getByRole('button', { name: /English/ })
      .click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expectVisible(menu.getByRole('menuitem', { name: '会员登记', exact: true }));
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}
