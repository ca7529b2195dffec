import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaFile } from '../../backend/src/common/schema-printer';
import { startTestApp, TestApp } from './support/test-app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('reports health with the database reachable', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
  });

  it('runs every MySQL/MariaDB connection in UTC, so database-clock defaults agree with the API', async () => {
    if (t.databaseKind !== 'mysql') return;
    // Several at once, so the pool opens more than one connection.
    const rows = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.dataSource.query('SELECT @@session.time_zone AS tz, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) AS skew, SLEEP(0.05) AS s'),
      ),
    );
    for (const [row] of rows) expect({ tz: row.tz, skew: Number(row.skew) }).toEqual({ tz: '+00:00', skew: 0 });
  });

  it('runs every MySQL/MariaDB session READ COMMITTED, set once when it connects rather than per transaction', async () => {
    if (t.databaseKind !== 'mysql') return;
    const sessions = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.dataSource.transaction(async (manager) => {
          await manager.query('SELECT SLEEP(0.05)');
          // MariaDB names it tx_isolation (transaction_isolation from 11.1), MySQL 8 transaction_isolation.
          const rows: { Value: string }[] = await manager.query("SHOW SESSION VARIABLES WHERE Variable_name IN ('tx_isolation', 'transaction_isolation')");
          return rows.map((r) => r.Value);
        }),
      ),
    );
    for (const values of sessions) {
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).toBe('READ-COMMITTED');
    }
  });

  it('answers /admin', async () => {
    const res = await t.http().get('/admin/').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Dealer Loyalty');
  });

  it('tags every response with a request id, keeping a sane one from the client', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'req-123');
    expect(res.headers['x-request-id']).toBe('req-123');
    const generated = await t.http().get('/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps schema/schema.graphql in step with the code (run `npm run schema` when this fails)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(printSchemaFile(t.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });

  it('never sends a stack trace, and reports unknown fields as validation failures', async () => {
    const result = await t.gql('{ nope }', undefined, { token: t.adminToken });
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result)).not.toContain('stacktrace');
  });
});
