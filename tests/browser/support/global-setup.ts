/**
 * Starts the real API once for all browser specs: a fresh SQLite file with the demo data, the built
 * admin served at /admin. The URL reaches the specs through ADMIN_BASE_URL.
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../backend/src/bootstrap';
import { loadConfig } from '../../../backend/src/config/app-config';

export default async function globalSetup(): Promise<void> {
  const adminIndex = join(__dirname, '..', '..', '..', 'admin', 'dist', 'index.html');
  if (!existsSync(adminIndex))
    throw new Error('admin/dist is missing: run `npm run build` before the browser tests');
  const dir = mkdtempSync(join(tmpdir(), 'dl-browser-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dir, 'browser.sqlite')}`,
    DEMO_DATA: 'true',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
    JWT_SECRET: 'browser-tests-only',
    DATA_ENCRYPTION_KEY: '22'.repeat(32),
    PORT: '0',
    // Every spec logs in from 127.0.0.1, several roles a minute: the per-IP login limit would refuse them.
    RATE_LIMIT_LOGIN: '0',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.env.ADMIN_BASE_URL = `http://127.0.0.1:${address.port}`;
  (globalThis as { __browserApp?: unknown; __browserDir?: string }).__browserApp = app;
  (globalThis as { __browserDir?: string }).__browserDir = dir;
}
