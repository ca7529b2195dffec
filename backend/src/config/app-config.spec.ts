import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseDatabaseUrl } from './app-config';

describe('loadConfig', () => {
  it('parses both kinds of DATABASE_URL and refuses others', () => {
    expect(parseDatabaseUrl('sqlite:data/x.sqlite')).toMatchObject({ kind: 'sqlite', sqliteFile: expect.stringMatching(/data\/x\.sqlite$/) });
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/test')).toMatchObject({ kind: 'mysql' });
    expect(() => parseDatabaseUrl('postgres://x')).toThrow(/DATABASE_URL/);
  });

  it('requires secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://h/db' })).toThrow(/JWT_SECRET/);
  });

  it('generates secrets once beside the embedded database and reuses them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-config-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` };
    const first = loadConfig(env);
    const second = loadConfig(env);
    expect(first.jwtSecret).toBe(second.jwtSecret);
    expect(first.dataEncryptionKey.equals(second.dataEncryptionKey)).toBe(true);
    expect(first.dataEncryptionKey).toHaveLength(32);
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).jwtSecret).toBe(first.jwtSecret);
  });

  it('loads demo data by default only on the default embedded database', () => {
    expect(loadConfig({ JWT_SECRET: 's', DATA_ENCRYPTION_KEY: 'ab'.repeat(32) }).demoData).toBe(true);
    expect(loadConfig({ JWT_SECRET: 's', DATA_ENCRYPTION_KEY: 'ab'.repeat(32), DATABASE_URL: 'mysql://h/db' }).demoData).toBe(false);
    expect(() => loadConfig({ JWT_SECRET: 's', DATA_ENCRYPTION_KEY: 'short' })).toThrow(/32 bytes/);
  });
});
