/**
 * Marketing: create a double-points activity for Gold and Platinum members in the activity
 * editor, preview its reach and cost (the figures the API's previewActivity gives for the same
 * settings), publish it through the confirmation, and land on its stats.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { enumLabel } from './support/labels';
import { loggedInPage } from './support/logged-in-page';
import { apiAs } from './support/session';
import { statValue, visible } from './support/ui';

const NAME = `金卡白金双倍积分 ${Date.now().toString(36)}`;

/** "2026-12-01T09:00" in the programme time zone (the browser's), for a datetime-local input. */
function localInput(daysFromNow: number): { input: string; iso: string } {
  const at = new Date(Date.now() + daysFromNow * 86400000);
  const shanghai = new Date(at.getTime() + 8 * 3600000).toISOString().slice(0, 10);
  return { input: `${shanghai}T09:00`, iso: new Date(`${shanghai}T09:00:00+08:00`).toISOString() };
}

interface Preview {
  eligibleMembers: number;
  expectedPoints: number;
  expectedCost: number;
}

describe('activity editor (marketing)', () => {
  const session = loggedInPage('marketing');
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('creates, previews and publishes an activity', async () => {
    const starts = localInput(7);
    const ends = localInput(37);
    const { tiers } = await apiAs<{ tiers: { items: Array<{ id: string; code: string; name: string }> } }>(
      page,
      '{ tiers { items { id code name } } }',
    );
    const chosen = tiers.items.filter((t) => t.code === 'GOLD' || t.code === 'PLATINUM');
    expect(chosen).toHaveLength(2);

    await page.getByRole('menu').first().getByRole('menuitem', { name: '活动编辑', exact: true }).click();
    await visible(page.getByText('新建营销活动').first());
    await page.getByRole('textbox', { name: '活动名称' }).fill(NAME);
    await page.getByRole('textbox', { name: '开始时间', exact: true }).fill(starts.input);
    await page.getByRole('textbox', { name: '结束时间', exact: true }).fill(ends.input);
    await page.getByRole('combobox', { name: '适用等级' }).click();
    for (const tier of chosen) await page.getByRole('option', { name: tier.name }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('spinbutton', { name: '积分倍数' }).fill('2');
    await page.getByRole('textbox', { name: '固定成本（元）' }).fill('800');

    await page.getByRole('button', { name: '预览效果' }).click();
    await visible(page.getByRole('group', { name: '可触达会员' }));
    const expected = await apiAs<{ previewActivity: Preview }>(
      page,
      `query ($input: CreateActivityInput!) { previewActivity(input: $input) { eligibleMembers expectedPoints expectedCost } }`,
      {
        input: {
          name: NAME,
          type: 'POINTS_MULTIPLIER',
          startsAt: starts.iso,
          endsAt: ends.iso,
          eligibleTierIds: chosen.map((t) => t.id),
          multiplier: 2,
          fixedCost: 80000,
        },
      },
    );
    const preview = expected.previewActivity;
    expect(preview.eligibleMembers).toBeGreaterThan(0);
    expect(preview.expectedCost).toBeGreaterThanOrEqual(80000);
    expect(await statValue(page, '可触达会员')).toBe(preview.eligibleMembers.toLocaleString('en-US'));
    expect(await statValue(page, '预计发放积分')).toBe(preview.expectedPoints.toLocaleString('en-US'));
    expect(await statValue(page, '预计成本')).toBe(
      `¥${(preview.expectedCost / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    await screenshot(page, 'activity-preview');

    await page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog);
    expect(await dialog.innerText()).toContain(
      `预计触达 ${preview.eligibleMembers.toLocaleString('en-US')} 名会员`,
    );
    await screenshot(page, 'activity-publish-confirm');
    await dialog.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/#\/activity-stats\?id=/);
    await dialog.waitFor({ state: 'hidden' });
    // The stats screen opens on the published activity: scheduled, as it starts in a week.
    await visible(
      page.getByText(
        `${NAME} · ${enumLabel('ActivityType', 'POINTS_MULTIPLIER')} · ${enumLabel('ActivityStatus', 'SCHEDULED')}`,
      ),
    );
    await visible(page.getByRole('group', { name: '参与率' }));

    const { activities } = await apiAs<{
      activities: {
        items: Array<{
          name: string;
          status: string;
          publishedAt: string | null;
          multiplier: number;
          fixedCost: number;
          eligibleTierIds: string[];
          startsAt: string;
        }>;
      };
    }>(
      page,
      'query ($q: String) { activities(filter: { q: $q }) { items { name status publishedAt multiplier fixedCost eligibleTierIds startsAt } } }',
      {
        q: NAME,
      },
    );
    expect(activities.items).toHaveLength(1);
    const [activity] = activities.items;
    expect(activity).toMatchObject({ name: NAME, multiplier: 2, fixedCost: 80000, startsAt: starts.iso });
    expect(activity.status).toBe('SCHEDULED');
    expect(activity.publishedAt).not.toBeNull();
    expect([...activity.eligibleTierIds].sort()).toEqual(chosen.map((t) => t.id).sort());
    await screenshot(page, 'activity-stats');
  });
});
