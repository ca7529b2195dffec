/**
 * Managers and operators (admin): the KPI dashboard with its charts, running a job now and
 * seeing its run (and the reminders it queued in the notification outbox), and the audit log
 * with a record's before/after. Figures are compared with what the API returns.
 */
import type { Page, Response } from 'playwright-core';
import { screenshot } from './support/browser';
import { enumLabel } from './support/labels';
import { loggedInPage } from './support/logged-in-page';
import { apiAs, open } from './support/session';
import { columnTexts, eventually, statValue, visible } from './support/ui';

const count = (n: number) => n.toLocaleString('en-US');
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** The data of the admin's next GraphQL operation of that name (start waiting before the action). */
async function operationData<T>(page: Page, operationName: string): Promise<T> {
  const response = await page.waitForResponse(
    (r: Response) =>
      r.url().endsWith('/graphql') &&
      (r.request().postData() ?? '').includes(`"operationName":"${operationName}"`),
  );
  const body = (await response.json()) as { data: T };
  return body.data;
}

interface Dashboard {
  totalMembers: number;
  storedValueBalance: number;
  tierDistribution: Array<{ count: number; tier: { name: string } }>;
  newMembersByDay: Array<{ count: number }>;
  segments: Array<{ count: number }>;
}

describe('dashboard, jobs, outbox and audit log (admin)', () => {
  const session = loggedInPage('admin');
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('opens the dashboard and sees its KPIs and charts', async () => {
    const [{ dashboard }, { complaintStats }] = await Promise.all([
      operationData<{ dashboard: Dashboard }>(page, 'Dashboard'),
      operationData<{ complaintStats: { byCategory: Array<{ count: number }> } }>(page, 'ComplaintStats'),
      page.getByRole('menu').first().getByRole('menuitem', { name: '经营看板', exact: true }).click(),
    ]);
    expect(dashboard.totalMembers).toBeGreaterThan(0);
    const { members } = await apiAs<{ members: { total: number } }>(page, '{ members { total } }');
    expect(dashboard.totalMembers).toBeLessThanOrEqual(members.total);
    await eventually(() => statValue(page, '会员总数'), count(dashboard.totalMembers));
    expect(await statValue(page, '储值余额')).toBe(yuan(dashboard.storedValueBalance));

    for (const title of ['每日新增会员', '会员等级分布', '会员分群', '投诉解决情况', '投诉类别']) {
      const figure = page.getByRole('figure', { name: title });
      await visible(figure.locator('svg.recharts-surface').first());
    }
    const tiers = page.getByRole('figure', { name: '会员等级分布' });
    const slices = dashboard.tierDistribution.filter((t) => t.count > 0);
    expect(await tiers.locator('.recharts-pie-sector').count()).toBe(slices.length);
    for (const t of slices) await visible(tiers.getByText(`${t.tier.name} ${count(t.count)}`));
    const segments = page.getByRole('figure', { name: '会员分群' });
    expect(await segments.locator('.recharts-bar-rectangle path').count()).toBe(
      dashboard.segments.filter((s) => s.count > 0).length,
    );
    await visible(page.getByRole('figure', { name: '每日新增会员' }).locator('.recharts-area-area'));
    // Every complaint category has its bar and its name on the axis.
    const categories = page.getByRole('figure', { name: '投诉类别' });
    expect(complaintStats.byCategory.length).toBeGreaterThan(1);
    expect(await categories.locator('.recharts-bar-rectangle path').count()).toBe(
      complaintStats.byCategory.length,
    );
    expect(await categories.locator('.recharts-yAxis .recharts-cartesian-axis-tick').count()).toBe(
      complaintStats.byCategory.length,
    );
    await screenshot(page, 'dashboard');
  });

  it('runs the reminders job now and sees the run and the queued notifications', async () => {
    await open(page, 'job-runs');
    await page.getByRole('button', { name: `立即运行 ${enumLabel('JobName', 'REMINDERS')}` }).click();
    const dialog = page.getByRole('dialog', { name: `立即运行：${enumLabel('JobName', 'REMINDERS')}` });
    await dialog.getByRole('button', { name: '运行', exact: true }).click();
    const result = dialog.getByRole('status').filter({ hasText: '运行结果' });
    await visible(result);
    const match = new RegExp(
      `运行结果：${enumLabel('JobRunStatus', 'SUCCEEDED')}，处理 ([\\d,]+) 条，变更 ([\\d,]+) 条。`,
    ).exec(await result.innerText());
    expect(match).not.toBeNull();
    const [processed, affected] = [Number(match![1].replace(/,/g, '')), Number(match![2].replace(/,/g, ''))];
    await screenshot(page, 'job-run-result');

    const { jobRuns } = await apiAs<{
      jobRuns: { items: Array<{ job: string; status: string; processed: number; affected: number }> };
    }>(
      page,
      `{ jobRuns(sort: [{ field: STARTED_AT, order: DESC }], page: { perPage: 1 }) { items { job status processed affected } } }`,
    );
    expect(jobRuns.items[0]).toEqual({ job: 'REMINDERS', status: 'SUCCEEDED', processed, affected });
    expect(processed).toBeGreaterThan(0);

    await dialog.getByRole('button', { name: '取消' }).click();
    const runs = page.getByRole('table', { name: '运行记录' });
    await eventually(
      async () => (await columnTexts(page, '任务', runs)).slice(0, 1),
      [enumLabel('JobName', 'REMINDERS')],
    );
    expect((await columnTexts(page, '状态', runs))[0]).toBe(enumLabel('JobRunStatus', 'SUCCEEDED'));
    expect((await columnTexts(page, '处理数', runs))[0]).toBe(count(processed));
    expect((await columnTexts(page, '变更数', runs))[0]).toBe(count(affected));
    await screenshot(page, 'job-runs');

    // What the run queued shows in the outbox, newest first, with the API's total.
    const { notifications } = await apiAs<{
      notifications: { total: number; items: Array<{ template: string }> };
    }>(page, `{ notifications(sort: [{ field: CREATED_AT, order: DESC }], page: { perPage: 1 }) { total } }`);
    expect(notifications.total).toBeGreaterThanOrEqual(affected);
    await page.getByRole('menu').first().getByRole('menuitem', { name: '通知发件箱', exact: true }).click();
    const outbox = page.getByRole('table', { name: '通知发件箱' });
    await visible(page.getByText(new RegExp(`共 ${notifications.total} 条`)));
    const rows = await outbox.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(notifications.total);
    await screenshot(page, 'notification-outbox');
  });

  it('edits a dealership and finds the change, before and after, in the audit log', async () => {
    const { dealerships } = await apiAs<{
      dealerships: { items: Array<{ id: string; name: string; address: string | null }> };
    }>(page, `{ dealerships(filter: { q: "上海浦东" }) { items { id name address } } }`);
    const [store] = dealerships.items;
    const address = `上海市浦东新区张杨路 ${Date.now() % 10000} 号`;
    await open(page, `dealerships/${encodeURIComponent(store.id)}`);
    await page.getByRole('textbox', { name: '地址' }).fill(address);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await visible(page.getByText(address));

    const { auditLogs } = await apiAs<{
      auditLogs: {
        items: Array<{
          action: string;
          entityType: string;
          entityId: string | null;
          after: { address?: string };
        }>;
      };
    }>(
      page,
      `{ auditLogs(sort: [{ field: CREATED_AT, order: DESC }], page: { perPage: 1 }) { items { action entityType entityId after } } }`,
    );
    const [latest] = auditLogs.items;
    expect(latest).toMatchObject({ entityId: store.id, after: { address } });

    await open(page, 'audit-log');
    const table = page.getByRole('table', { name: '审计日志' });
    await eventually(async () => (await columnTexts(page, '操作', table)).slice(0, 1), [latest.action]);
    await table.locator('tbody tr').first().click();
    await visible(page.getByText(`${latest.action} · ${latest.entityType} #${store.id}`));
    const diff = page.getByRole('table', { name: '修改前后对比' });
    const addressRow = diff
      .locator('tbody tr')
      .filter({ has: page.locator('code', { hasText: /^address$/ }) });
    expect((await addressRow.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([
      'address',
      store.address ?? 'null',
      address,
    ]);
    expect(await addressRow.getAttribute('data-changed')).toBe('true');
    await screenshot(page, 'audit-log');
  });
});
