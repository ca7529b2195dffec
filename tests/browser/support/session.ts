/**
 * Logging in through the admin's login page, and reaching the API with the same session to
 * cross-check what the screens claim to have written.
 */
import type { Page } from 'playwright-core';
import { baseUrl, DEMO_PASSWORD } from './browser';

/** Where the admin keeps the staff session (admin/src/auth/session.ts). */
const SESSION_KEY = 'dealer-loyalty.session';

export function adminUrl(path = ''): string {
  return `${baseUrl()}/admin/#/${path.replace(/^\//, '')}`;
}

/** Logs in on the login page and waits for the role's menu (the admin's default locale, zh-CN). */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(adminUrl('login'));
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码' }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await page.getByRole('menu').first().waitFor();
}

/** Opens a route of the admin (a task screen or a generated list) and waits for its requests. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(adminUrl(path));
  await page.waitForLoadState('networkidle');
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string> } }>;
}

/** Calls the API as the user logged in on the page; the data, or throws on any GraphQL error. */
export async function apiAs<T = Record<string, unknown>>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const body = await graphqlAs<T>(page, query, variables);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The whole GraphQL response (data and errors), as the user logged in on the page (the token the admin holds). */
export async function graphqlAs<T = Record<string, unknown>>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
  if (!raw) throw new Error('no admin session on this page: log in first');
  const { token } = JSON.parse(raw) as { token: string };
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}
