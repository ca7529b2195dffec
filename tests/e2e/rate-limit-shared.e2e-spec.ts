/**
 * Rate limits shared by replicas through Redis: two app instances on one database and one Redis
 * (REDIS_URL, e.g. redis://127.0.0.1:6379) count logins together, so splitting attempts across
 * them gains nothing. Skipped without REDIS_URL.
 */
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { deleteKeysAndQuit, testRedisClient } from '../../backend/src/common/rate-limit/redis-client.testing';
import { LOGIN } from './support/contract';
import { ADMIN, startTestApp, STAFF_PASSWORD, TestApp } from './support/test-app';

const REDIS_URL = process.env.REDIS_URL;
const withRedis = REDIS_URL ? describe : describe.skip;

const LOGIN_LIMIT = 4;

withRedis('rate limits shared through Redis', () => {
  // This file's own keys: other runs and files never share its counts, and it deletes only these.
  const keyPrefix = `dl-test:${process.pid}:${Date.now().toString(36)}:`;
  const env = {
    REDIS_URL: REDIS_URL!,
    REDIS_KEY_PREFIX: keyPrefix,
    RATE_LIMIT_WINDOW_SECONDS: '60',
    RATE_LIMIT_LOGIN: String(LOGIN_LIMIT),
  };
  let t: TestApp;
  let second: INestApplication | undefined;
  let apps: INestApplication[];
  let redis: ReturnType<typeof testRedisClient>;

  let ipCounter = 0;
  const freshIp = () => `198.51.100.${++ipCounter}`;

  const loginOn = (app: INestApplication, ip: string, username: string, password: string) =>
    request(app.getHttpServer())
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('X-Forwarded-For', ip)
      .send({ query: LOGIN, variables: { input: { username, password } } });

  const expectRateLimited = (res: request.Response) => {
    expect(res.status).toBe(429);
    const error = res.body.errors[0];
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.retryAfter).toBeGreaterThan(0);
    expect(error.extensions.retryAfter).toBeLessThanOrEqual(60);
    expect(res.headers['retry-after']).toBe(String(error.extensions.retryAfter));
  };

  beforeAll(async () => {
    redis = testRedisClient(REDIS_URL!);
    t = await startTestApp(env);
    // A second instance on the same database, as a second replica behind the load balancer.
    second = await t.startReplica();
    apps = [t.app, second!];
  });

  afterAll(async () => {
    await second?.close();
    await t?.close();
    await deleteKeysAndQuit(redis, keyPrefix);
  });

  it('counts login attempts for one username across both instances, and refuses the one over the limit', async () => {
    const username = `shared.finance.${Date.now().toString(36)}`;
    await t.ok(
      `mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }`,
      { input: { username, password: STAFF_PASSWORD, name: 'Finance', role: 'FINANCE' } },
      { token: t.adminToken },
    );
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      const wrong = await loginOn(apps[i % 2], freshIp(), username, 'Wrong12345');
      expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    // Each instance has seen only half the attempts; together they reached the limit.
    expectRateLimited(await loginOn(apps[1], freshIp(), username, STAFF_PASSWORD));
    expectRateLimited(await loginOn(t.app, freshIp(), username, STAFF_PASSWORD));
    expect(await redis.get(`${keyPrefix}rl:login:${username}`)).toBe(String(LOGIN_LIMIT));
  });

  it('counts login attempts from one address across both instances', async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      const wrong = await loginOn(apps[i % 2], ip, `nobody.${i}`, 'Wrong12345');
      expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await loginOn(t.app, ip, ADMIN.username, ADMIN.password));
    // Another address is not affected.
    expect(
      (await loginOn(apps[1], freshIp(), ADMIN.username, ADMIN.password)).body.data.login.token,
    ).toBeTruthy();
  });

  it('closes its Redis connection when the app closes', async () => {
    // Each instance holds one connection, named after its key prefix.
    const connections = async () =>
      String(await redis.client('LIST'))
        .split('\n')
        .filter((line: string) => line.includes(` name=${keyPrefix}rl: `)).length;
    expect(await connections()).toBe(2);
    await second!.close();
    second = undefined;
    for (let i = 0; i < 20 && (await connections()) > 1; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await connections()).toBe(1);
  });
});
