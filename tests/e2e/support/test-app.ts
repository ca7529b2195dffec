/**
 * Starts the real application over a fresh database for one test file: an SQLite file in a temp
 * folder by default, or a new database on the MySQL/MariaDB server named by DATABASE_URL.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../../backend/src/bootstrap';
import { loadConfig } from '../../../backend/src/config/app-config';

export const ADMIN = { username: 'root.admin', password: 'Admin12345' };
export const STAFF_PASSWORD = 'Staff12345';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: Record<string, string>; [k: string]: unknown } }[];
}

export interface Credentials {
  token?: string;
  apiKey?: string;
}

export interface TestApp {
  app: INestApplication;
  dataSource: DataSource;
  databaseKind: 'sqlite' | 'mysql';
  adminToken: string;
  http(): ReturnType<typeof request>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, credentials?: Credentials): Promise<GqlResult<T>>;
  /** Like gql, but fails the test on any GraphQL error, and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, credentials?: Credentials): Promise<T>;
  login(username: string, password: string): Promise<string>;
  /** Creates a staff user of that role (optionally bound to a dealership) and returns its token. */
  staffToken(role: string, dealershipId?: string | null): Promise<string>;
  /** Another instance of the app on the same database and settings, as a second replica (the caller closes it). */
  startReplica(): Promise<INestApplication>;
  close(): Promise<void>;
}

const GENEROUS_RATE_LIMITS = {
  RATE_LIMIT_ANONYMOUS: '1000000',
  RATE_LIMIT_STAFF: '1000000',
  RATE_LIMIT_MEMBER: '1000000',
  RATE_LIMIT_API_KEY: '1000000',
  RATE_LIMIT_LOGIN: '1000000',
};

let counter = 0;

function uniqueSuffix() {
  return `${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

/** A fresh database URL for this app, and how to throw it away afterwards. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base && /^(mysql|mariadb):/.test(base)) {
    const name = `dl_test_${uniqueSuffix()}`;
    const server = new URL(base.replace(/^mariadb:/, 'mysql:'));
    server.pathname = '/';
    const serverUrl = server.toString();
    const target = new URL(base);
    target.pathname = `/${name}`;
    const admin = new DataSource({ type: 'mysql', url: serverUrl });
    await admin.initialize();
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    return {
      url: target.toString(),
      drop: async () => {
        const again = new DataSource({ type: 'mysql', url: serverUrl });
        await again.initialize();
        await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await again.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dl-e2e-'));
  return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const settings = (instance: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
    JWT_SECRET: 'test-secret-for-e2e-only',
    DATA_ENCRYPTION_KEY: '11'.repeat(32),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    NOTIFICATION_RETRY_DELAYS_MS: '20,50',
    // Generous rate limits, so suites can make many calls; the hardening suite passes tight ones.
    ...GENEROUS_RATE_LIMITS,
    ...env,
    ...instance,
    DATABASE_URL: database.url,
  });
  const config = loadConfig(settings());
  const app = await createApp(config);
  const server = app.getHttpServer();

  const gql = async (query: string, variables?: Record<string, unknown>, credentials: Credentials = {}) => {
    let req = request(server).post('/graphql').set('Content-Type', 'application/json');
    if (credentials.token) req = req.set('Authorization', `Bearer ${credentials.token}`);
    if (credentials.apiKey) req = req.set('X-Api-Key', credentials.apiKey);
    const res = await req.send({ query, variables });
    return res.body as GqlResult;
  };
  const ok = async (query: string, variables?: Record<string, unknown>, credentials?: Credentials) => {
    const result = await gql(query, variables, credentials);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data;
  };
  const login = async (username: string, password: string) => {
    const data = await ok(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { username, password } });
    return data.login.token as string;
  };
  const adminToken = await login(ADMIN.username, ADMIN.password);

  return {
    app,
    dataSource: app.get(DataSource),
    databaseKind: config.database.kind,
    adminToken,
    http: () => request(server),
    gql,
    ok,
    login,
    async staffToken(role, dealershipId = null) {
      const username = `${role.toLowerCase().replace(/_/g, '')}.${uniqueSuffix()}`.slice(0, 60);
      await ok(
        `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }`,
        { input: { username, password: STAFF_PASSWORD, name: `${role} user`, role, dealershipId } },
        { token: adminToken },
      );
      return login(username, STAFF_PASSWORD);
    },
    startReplica: () => createApp(loadConfig(settings({ INSTANCE_ID: 'second-instance' }))),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The `extensions.code` of the first error, or undefined. */
export const errorCode = (result: GqlResult) => result.errors?.[0]?.extensions?.code;
