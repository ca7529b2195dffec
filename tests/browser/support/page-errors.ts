/**
 * Uncaught exceptions in the admin (`pageerror`) and React/console errors, collected per page so a
 * test can assert that a screen ran cleanly. Failed HTTP responses the app expects (a refused
 * mutation, the favicon) are not errors of the page.
 */
import type { Page } from 'playwright-core';

const EXPECTED = [/Failed to load resource/];

export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!EXPECTED.some((pattern) => pattern.test(text))) errors.push(`console.error: ${text.slice(0, 500)}`);
  });
  return errors;
}
