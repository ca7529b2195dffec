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

  it('reads the security limits, with same-origin CORS by default in production only', () => {
    const secrets = { JWT_SECRET: 's', DATA_ENCRYPTION_KEY: 'ab'.repeat(32), DATABASE_URL: 'mysql://h/db' };
    const development = loadConfig(secrets);
    expect(development.security).toMatchObject({ corsOrigins: '*', apiKeyIntrospection: false, maxDepth: 10, maxBatch: 10, requestBodyLimit: '1mb' });
    expect(development.security.rateLimits).toEqual({ windowSeconds: 60, anonymous: 300, staff: 1200, member: 300, apiKey: 600, login: 10 });
    expect(development.database.queryTimeoutMs).toBe(30_000);
    expect(loadConfig({ ...secrets, NODE_ENV: 'production' }).security.corsOrigins).toEqual([]);
    const tuned = loadConfig({ ...secrets, CORS_ORIGINS: 'https://a.example, https://b.example', RATE_LIMIT_STAFF: '0', API_KEY_INTROSPECTION: 'true' });
    expect(tuned.security).toMatchObject({ corsOrigins: ['https://a.example', 'https://b.example'], apiKeyIntrospection: true });
    expect(tuned.security.rateLimits.staff).toBe(0);
    expect(() => loadConfig({ ...secrets, RATE_LIMIT_LOGIN: 'ten' })).toThrow(/RATE_LIMIT_LOGIN/);
    expect(() => loadConfig({ ...secrets, GRAPHQL_MAX_DEPTH: '-1' })).toThrow(/GRAPHQL_MAX_DEPTH/);
  });

  it('reads REDIS_URL (redis:// or rediss://, never echoing a password) with a key prefix', () => {
    const secrets = { JWT_SECRET: 's', DATA_ENCRYPTION_KEY: 'ab'.repeat(32), DATABASE_URL: 'mysql://h/db' };
    expect(loadConfig(secrets).redis).toBeUndefined();
    expect(loadConfig({ ...secrets, REDIS_URL: '' }).redis).toBeUndefined();
    expect(loadConfig({ ...secrets, REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'dl:' });
    expect(loadConfig({ ...secrets, REDIS_URL: 'rediss://:pw@cache.internal:6380/2', REDIS_KEY_PREFIX: 'staging:' }).redis).toEqual({
      url: 'rediss://:pw@cache.internal:6380/2',
      keyPrefix: 'staging:',
    });
    expect(() => loadConfig({ ...secrets, REDIS_URL: 'http://cache:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...secrets, REDIS_URL: 'redis://cache:6379/cache' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ ...secrets, REDIS_URL: 'redis://:secret@cache:port' })).toThrow(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/);
  });
});
