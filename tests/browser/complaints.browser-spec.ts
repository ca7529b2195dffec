/**
 * Customer service takes a complaint through its life cycle: filed through the generated
 * complaint form, then in the workbench acknowledged, assigned, noted, resolved and closed with a
 * satisfaction score — each step visible in the status and the timeline, the end state checked
 * through the API.
 */
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { enumLabel } from './support/labels';
import { loggedInPage } from './support/logged-in-page';
import { apiAs, open } from './support/session';
import { visible } from './support/ui';

/** How the timeline shows a status change, e.g. "待受理 → 已受理". */
const transition = (from: 'OPEN' | 'RESOLVED', to: 'ACKNOWLEDGED' | 'CLOSED') =>
  `${enumLabel('ComplaintStatus', from)} → ${enumLabel('ComplaintStatus', to)}`;

const SUBJECT = `保养后异响未解决 ${Date.now().toString(36)}`;

describe('complaint life cycle (customer service)', () => {
  const session = loggedInPage('service');
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const choose = async (combobox: Locator, option: string | RegExp) => {
    await combobox.click();
    await page.getByRole('option', { name: option }).first().click();
  };

  it('files, acknowledges, assigns, notes, resolves and closes a complaint', async () => {
    // Filed through the generated form.
    await open(page, 'complaints/create');
    await page.getByRole('textbox', { name: '主题' }).fill(SUBJECT);
    await choose(
      page.getByRole('combobox', { name: '类别' }),
      enumLabel('ComplaintCategory', 'NOT_FIXED_FIRST_TIME'),
    );
    await choose(page.getByRole('combobox', { name: '渠道' }), enumLabel('ComplaintChannel', 'PHONE'));
    await choose(page.getByRole('combobox', { name: '优先级' }), enumLabel('ComplaintPriority', 'HIGH'));
    await page.getByRole('combobox', { name: '涉及门店' }).fill('浦东');
    await page.getByRole('option', { name: '上海浦东宝马4S店' }).click();
    await page.getByRole('textbox', { name: '描述' }).fill('客户反映保养后底盘仍有异响。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/complaints\/[^/]+\/show/);
    await visible(page.getByText(SUBJECT).first());

    // The workbench: find it in the queue (new complaints wait in "待受理").
    await page.getByRole('menu').first().getByRole('menuitem', { name: '投诉工作台', exact: true }).click();
    await page.getByRole('search').getByRole('textbox', { name: '工单号 / 主题' }).fill(SUBJECT);
    await page.getByRole('search').getByRole('button', { name: '查询' }).click();
    const queue = page.getByRole('list', { name: '投诉队列' });
    await visible(queue.getByText('待受理（1）'));
    await queue.getByRole('button', { name: new RegExp(SUBJECT) }).click();
    const actions = page.getByLabel('操作', { exact: true });
    const timeline = page.getByRole('list', { name: '处理时间线' });
    await visible(timeline.getByText(enumLabel('ComplaintEventType', 'CREATED'), { exact: true }));
    await screenshot(page, 'complaint-workbench');

    const status = async (label: string) => visible(page.getByText(`${label}`, { exact: true }).first());

    // Acknowledge, with its confirmation.
    await actions.getByRole('button', { name: '受理' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确认|确定/ })
      .click();
    await visible(timeline.getByText(transition('OPEN', 'ACKNOWLEDGED')));

    // Assign to oneself.
    await actions.getByRole('button', { name: '分派' }).click();
    let dialog = page.getByRole('dialog');
    await choose(dialog.getByRole('combobox', { name: '处理人' }), /^陈晓燕/);
    await dialog.getByRole('button', { name: '分派' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(timeline.getByText(enumLabel('ComplaintEventType', 'ASSIGNED'), { exact: true }));

    // A note.
    await actions.getByRole('button', { name: '添加备注' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '备注内容' }).fill('已约客户周六到店复检。');
    await dialog.getByRole('button', { name: '添加备注' }).click();
    await visible(timeline.getByText('已约客户周六到店复检。'));

    // Resolve.
    await actions.getByRole('button', { name: '解决' }).click();
    dialog = page.getByRole('dialog');
    await choose(
      dialog.getByRole('combobox', { name: '处理结果' }),
      enumLabel('ComplaintOutcome', 'RESOLVED_REPAIRED'),
    );
    await dialog.getByRole('textbox', { name: '解决说明' }).fill('更换副车架衬套，试车无异响。');
    await dialog.getByRole('button', { name: '解决' }).click();
    await visible(timeline.getByText(`→ ${enumLabel('ComplaintStatus', 'RESOLVED')}`));
    await status(enumLabel('ComplaintStatus', 'RESOLVED'));

    // Close with a satisfaction score.
    await actions.getByRole('button', { name: '结案' }).click();
    dialog = page.getByRole('dialog');
    // MUI's Rating: each star is a label over a hidden radio (named in English by MUI's default).
    await dialog.locator('label', { hasText: '4 Stars' }).click();
    await dialog.getByRole('textbox', { name: '客户反馈（可选）' }).fill('处理及时。');
    await dialog.getByRole('button', { name: '结案' }).click();
    await visible(timeline.getByText(transition('RESOLVED', 'CLOSED')));
    await visible(page.getByText('4 / 5'));
    await screenshot(page, 'complaint-closed');

    const { complaints } = await apiAs<{
      complaints: {
        items: Array<{
          status: string;
          priority: string;
          category: string;
          outcome: string;
          resolution: string;
          satisfaction: number;
          assignee: { username: string } | null;
          dealership: { name: string };
          events: Array<{ type: string }>;
        }>;
      };
    }>(
      page,
      `query ($q: String) { complaints(filter: { q: $q }) { items { status priority category outcome resolution satisfaction
        assignee { username } dealership { name } events { type } } } }`,
      { q: SUBJECT },
    );
    expect(complaints.items).toHaveLength(1);
    const [complaint] = complaints.items;
    expect(complaint).toMatchObject({
      status: 'CLOSED',
      priority: 'HIGH',
      category: 'NOT_FIXED_FIRST_TIME',
      outcome: 'RESOLVED_REPAIRED',
      resolution: '更换副车架衬套，试车无异响。',
      satisfaction: 4,
      assignee: { username: 'service' },
      dealership: { name: '上海浦东宝马4S店' },
    });
    expect(complaint.events.map((e) => e.type)).toEqual([
      'CREATED',
      'ACKNOWLEDGED',
      'ASSIGNED',
      'NOTE',
      'RESOLVED',
      'CLOSED',
    ]);
  });
});
