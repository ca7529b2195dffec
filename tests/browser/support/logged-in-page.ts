/**
 * The set-up most specs share: one browser and one 1366×768 page per spec file, logged in once as
 * `username`; every test of the file also fails on uncaught page errors and console errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import { collectPageErrors } from './page-errors';
import { loginAs } from './session';

export interface LoggedInPage {
  readonly page: Page;
}

export function loggedInPage(username: string): LoggedInPage {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    errors = collectPageErrors(page);
    await loginAs(page, username);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  afterEach(() => expect(errors).toEqual([]));

  return {
    get page() {
      if (!page) throw new Error('the page exists once beforeAll has run');
      return page;
    },
  };
}
