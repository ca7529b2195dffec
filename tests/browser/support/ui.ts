/** Reading what the admin shows: table columns by header, a field's helper text, visible text. */
import type { Locator, Page } from 'playwright-core';

export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

/** The texts of one column of the page's first data table, found by its header. */
export async function columnTexts(
  page: Page,
  header: string,
  table: Locator = page.locator('table').first(),
): Promise<string[]> {
  const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" among ${JSON.stringify(headers)}`);
  return (await table.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts()).map((text) =>
    text.trim(),
  );
}

/** The helper text under an input (where react-admin shows a field's validation error). */
export async function helperText(page: Page, input: Locator): Promise<string> {
  const id = await input.getAttribute('aria-describedby');
  if (!id) throw new Error('the input has no helper text');
  return (await page.locator(`[id="${id}"]`).innerText()).trim();
}

/** "1,234" → 1234; "¥1,006.00" → 100600 (fen). */
export function integerOf(text: string): number {
  return Number(text.replace(/[^\d-]/g, ''));
}

export function fenOf(text: string): number {
  const match = /(-?)[¥￥]?\s*([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`not a money amount: "${text}"`);
  const fen = Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -fen : fen;
}

/**
 * Polls `read` until it returns `expected` (react-admin keeps the previous rows on screen while the
 * next page loads; a table may not be there yet), then asserts once more so a mismatch fails with
 * jest's diff.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const attempt = () =>
    read().then(
      (value) => ({ value }),
      () => undefined,
    );
  let actual = await attempt();
  while (!(actual && isEqual(actual.value, expected)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await attempt();
  }
  expect(await read()).toEqual(expected);
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value of a labelled figure (the screens' StatCard: a group named by its label). */
export async function statValue(page: Page, label: string): Promise<string> {
  const group = page.getByRole('group', { name: label, exact: true });
  const text = await group.innerText();
  return text.replace(label, '').trim().split('\n')[0].trim();
}
