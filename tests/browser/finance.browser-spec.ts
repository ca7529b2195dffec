/**
 * Finance: the stored-value liability (figures equal to the API's report), the daily movements
 * chart, the inter-store settlement, and the ledger-integrity check, which must find the demo
 * ledgers — and everything the other specs wrote — consistent.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { loggedInPage } from './support/logged-in-page';
import { apiAs, open } from './support/session';
import { eventually, statValue, visible } from './support/ui';

const count = (n: number) => n.toLocaleString('en-US');
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

describe('finance screens (finance)', () => {
  const session = loggedInPage('finance');
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('shows the stored-value liability the API reports', async () => {
    const { storedValueLiability: report } = await apiAs<{
      storedValueLiability: {
        totalBalance: number;
        principalBalance: number;
        bonusBalance: number;
        cardCount: number;
      };
    }>(page, '{ storedValueLiability { totalBalance principalBalance bonusBalance cardCount } }');
    expect(report.totalBalance).toBe(report.principalBalance + report.bonusBalance);
    await page.getByRole('menu').first().getByRole('menuitem', { name: '储值余额', exact: true }).click();
    await eventually(() => statValue(page, '储值余额'), yuan(report.totalBalance));
    expect(await statValue(page, '本金')).toBe(yuan(report.principalBalance));
    expect(await statValue(page, '赠送')).toBe(yuan(report.bonusBalance));
    expect(await statValue(page, '有余额卡数')).toBe(count(report.cardCount));
    await visible(page.getByRole('application').first());
    await screenshot(page, 'finance-liability');
  });

  it('draws the daily movements and the settlement', async () => {
    await open(page, 'stored-value-movements');
    const chart = page.getByRole('figure', { name: '每日变动' });
    await visible(chart.getByRole('application'));
    for (const series of ['充值本金', '赠送金额', '消费', '退卡退款'])
      await visible(chart.getByRole('img', { name: `${series} legend icon` }));
    await visible(chart.locator('.recharts-line-curve').first());
    await screenshot(page, 'finance-movements');
    await open(page, 'inter-store-settlement');
    await visible(
      page.getByRole('table', { name: '结算明细' }).or(page.getByText('该期间没有跨店消费')).first(),
    );
    await screenshot(page, 'finance-settlement');
  });

  it('runs the ledger-integrity check and finds no mismatch', async () => {
    await open(page, 'ledger-integrity');
    await page.getByRole('button', { name: '开始核对' }).click();
    const verdict = page.getByRole('status').filter({ hasText: '账实相符' });
    await visible(verdict);
    const { ledgerIntegrity } = await apiAs<{
      ledgerIntegrity: {
        membersChecked: number;
        cardsChecked: number;
        pointsMismatches: number;
        cardMismatches: number;
      };
    }>(page, '{ ledgerIntegrity { membersChecked cardsChecked pointsMismatches cardMismatches } }');
    expect(ledgerIntegrity).toMatchObject({ pointsMismatches: 0, cardMismatches: 0 });
    expect(await statValue(page, '核对会员数')).toBe(count(ledgerIntegrity.membersChecked));
    expect(await statValue(page, '核对卡片数')).toBe(count(ledgerIntegrity.cardsChecked));
    expect(await statValue(page, '积分不一致')).toBe('0');
    expect(await statValue(page, '卡余额不一致')).toBe('0');
    await screenshot(page, 'finance-ledger-integrity');
  });
});
