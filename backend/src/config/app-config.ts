import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';

export type DatabaseKind = 'sqlite' | 'mysql';

/** Requests allowed per window; 0 turns a limit off. */
export interface RateLimits {
  windowSeconds: number;
  /** Per client IP, for requests without credentials (or with bad ones). */
  anonymous: number;
  /** Per staff user. */
  staff: number;
  /** Per member token. */
  member: number;
  /** Per API key that has no limit of its own. */
  apiKey: number;
  /** Login attempts (staff and member) per username or phone, and per IP. */
  login: number;
}

/** The guards in front of the API: rate limits, query limits, CORS, request size. */
export interface SecurityConfig {
  rateLimits: RateLimits;
  /** Origins allowed to call the API from a browser: a list, or `*` for any. Empty: same origin only. */
  corsOrigins: string[] | '*';
  /** Whether requests with an API key may introspect the schema (staff always may). */
  apiKeyIntrospection: boolean;
  maxDepth: number;
  maxComplexity: number;
  /** GraphQL operations in one HTTP request (batching); 1 turns batching off. */
  maxBatch: number;
  /** Largest request body, in body-parser notation (`1mb`). */
  requestBodyLimit: string;
  /** Express `trust proxy`: which hops may set X-Forwarded-For (the client IP for rate limits). */
  trustProxy: string;
}

/** Everything the server reads from its environment, parsed once. */
export interface AppConfig {
  port: number;
  production: boolean;
  /** `queryTimeoutMs` bounds each statement of the server's pool (MySQL/MariaDB). */
  database: { kind: DatabaseKind; url: string; sqliteFile?: string; queryTimeoutMs?: number };
  adminUsername?: string;
  adminPassword?: string;
  demoData: boolean;
  jobsEnabled: boolean;
  notificationWebhookUrl?: string;
  /** Delays between webhook attempts within one delivery, in milliseconds. */
  webhookRetryDelaysMs: number[];
  jwtSecret: string;
  dataEncryptionKey: Buffer;
  programmeTimeZone: string;
  /** Identifies this replica in job runs and leases. */
  instanceId: string;
  logLevel: string;
  security: SecurityConfig;
  /** Redis shared by the replicas (rate-limit counters); without it each replica counts in memory. */
  redis?: RedisConfig;
}

export interface RedisConfig {
  url: string;
  /** Prepended to every key this application writes (`<prefix>rl:…` for rate limits). */
  keyPrefix: string;
}

export const DEFAULT_DATABASE_URL = 'sqlite:data/dealer-loyalty.sqlite';

function parseBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function parseDatabaseUrl(url: string): AppConfig['database'] {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { kind: 'sqlite', url, sqliteFile: file === ':memory:' ? file : resolve(file) };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return { kind: 'mysql', url };
  throw new Error(`DATABASE_URL must start with sqlite: or mysql:// (got "${url}")`);
}

interface StoredSecrets {
  jwtSecret: string;
  dataEncryptionKey: string;
}

/**
 * Outside production, secrets that are not configured are generated once and kept in a file beside
 * the embedded database, so tokens and encrypted data survive restarts without any set-up.
 */
function loadOrCreateSecrets(file: string): StoredSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  const secrets: StoredSecrets = {
    jwtSecret: randomBytes(32).toString('base64'),
    dataEncryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function nonNegativeInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more (got "${raw}")`);
  return value;
}

function loadSecurity(env: NodeJS.ProcessEnv, production: boolean): SecurityConfig {
  const origins = (env.CORS_ORIGINS ?? (production ? '' : '*'))
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    rateLimits: {
      windowSeconds: Math.max(1, nonNegativeInt(env, 'RATE_LIMIT_WINDOW_SECONDS', 60)),
      anonymous: nonNegativeInt(env, 'RATE_LIMIT_ANONYMOUS', 300),
      staff: nonNegativeInt(env, 'RATE_LIMIT_STAFF', 1200),
      member: nonNegativeInt(env, 'RATE_LIMIT_MEMBER', 300),
      apiKey: nonNegativeInt(env, 'RATE_LIMIT_API_KEY', 600),
      login: nonNegativeInt(env, 'RATE_LIMIT_LOGIN', 10),
    },
    corsOrigins: origins.includes('*') ? '*' : origins,
    apiKeyIntrospection: parseBoolean(env.API_KEY_INTROSPECTION, false),
    maxDepth: Math.max(1, nonNegativeInt(env, 'GRAPHQL_MAX_DEPTH', 10)),
    maxComplexity: Math.max(1, nonNegativeInt(env, 'GRAPHQL_MAX_COMPLEXITY', 100_000)),
    maxBatch: Math.max(1, nonNegativeInt(env, 'GRAPHQL_MAX_BATCH', 10)),
    requestBodyLimit: env.REQUEST_BODY_LIMIT || '1mb',
    trustProxy: env.TRUST_PROXY || 'loopback, linklocal, uniquelocal',
  };
}

/** REDIS_URL: `redis://` or `rediss://` (TLS), with an optional user, password and database number. */
export function parseRedisUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not echoed: the URL may hold a password.
    throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL with a host (got "${url.protocol}//${url.host}")`);
  }
  if (!/^\/?(\d+)?$/.test(url.pathname)) throw new Error(`REDIS_URL may name a database by its number only (got "${url.pathname}")`);
  return value;
}

function loadRedis(env: NodeJS.ProcessEnv): RedisConfig | undefined {
  if (!env.REDIS_URL) return undefined;
  return { url: parseRedisUrl(env.REDIS_URL), keyPrefix: env.REDIS_KEY_PREFIX ?? 'dl:' };
}

function decodeKey(value: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const database = { ...parseDatabaseUrl(databaseUrl), queryTimeoutMs: nonNegativeInt(env, 'DB_QUERY_TIMEOUT_MS', 30_000) };

  let jwtSecret = env.JWT_SECRET;
  let encryptionKey = env.DATA_ENCRYPTION_KEY;
  if (!jwtSecret || !encryptionKey) {
    if (production) throw new Error('JWT_SECRET and DATA_ENCRYPTION_KEY are required when NODE_ENV=production');
    const beside =
      database.sqliteFile && database.sqliteFile !== ':memory:' ? dirname(database.sqliteFile) : resolve('data');
    const stored = loadOrCreateSecrets(resolve(beside, 'secrets.json'));
    jwtSecret ||= stored.jwtSecret;
    encryptionKey ||= stored.dataEncryptionKey;
  }

  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);

  return {
    port,
    production,
    database,
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demoData: parseBoolean(env.DEMO_DATA, databaseUrl === DEFAULT_DATABASE_URL),
    jobsEnabled: parseBoolean(env.JOBS_ENABLED, true),
    notificationWebhookUrl: env.NOTIFICATION_WEBHOOK_URL || undefined,
    webhookRetryDelaysMs: (env.NOTIFICATION_RETRY_DELAYS_MS || '500,2000,5000')
      .split(',')
      .filter(Boolean)
      .map((ms) => Number(ms)),
    jwtSecret,
    dataEncryptionKey: decodeKey(encryptionKey),
    programmeTimeZone: env.TZ_PROGRAMME || 'Asia/Shanghai',
    instanceId: env.INSTANCE_ID || `${process.pid}@${hostname()}`,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    security: loadSecurity(env, production),
    redis: loadRedis(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
