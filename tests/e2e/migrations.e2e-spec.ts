/**
 * Migrations run without the request-traffic statement limit (DB_QUERY_TIMEOUT_MS): an index build
 * over millions of rows takes longer than any request may, and a start-up that aborts half-way
 * through an upgrade would leave the schema behind the code. MySQL/MariaDB only; SQLite has no
 * statement limit.
 */
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { dataSourceOptions } from '../../backend/src/database/data-source-options';
import { runMigrations } from '../../backend/src/database/run-migrations';

const base = process.env.DATABASE_URL ?? '';
const mysql = /^(mysql|mariadb):/.test(base);
// On SQLite the suite reports its tests as skipped (jest refuses a file without tests).
const onMysql = mysql ? it : it.skip;

class SlowMigration1700000000000 implements MigrationInterface {
  name = 'SlowMigration1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT SLEEP(2)');
    await queryRunner.query('CREATE TABLE slow_marker (id INT PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE slow_marker');
  }
}

describe('migrations and the statement limit (MySQL/MariaDB only)', () => {
  const name = `dl_test_migrations_${process.pid}_${Date.now().toString(36)}`;
  let admin: DataSource;
  let dataSource: DataSource;

  beforeAll(async () => {
    if (!mysql) return;
    const server = new URL(base.replace(/^mariadb:/, 'mysql:'));
    server.pathname = '/';
    admin = new DataSource({ type: 'mysql', url: server.toString() });
    await admin.initialize();
    await admin.query(`CREATE DATABASE \`${name}\``);
    const target = new URL(server.toString());
    target.pathname = `/${name}`;
    const options = dataSourceOptions({ kind: 'mysql', url: target.toString(), queryTimeoutMs: 1000 });
    dataSource = new DataSource({ ...options, migrations: [SlowMigration1700000000000], extra: { connectionLimit: 1 } } as never);
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin?.destroy();
  });

  onMysql('runs a migration longer than DB_QUERY_TIMEOUT_MS to completion', async () => {
    await runMigrations(dataSource);
    const tables = await dataSource.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? AND table_name = 'slow_marker'`, [name]);
    expect(tables).toHaveLength(1);
    expect(await dataSource.query('SELECT name FROM migrations')).toEqual([{ name: 'SlowMigration1700000000000' }]);
  });

  onMysql('gives the pooled connection its limit back afterwards', async () => {
    // One pooled connection: the statement below runs on the very connection the migration used.
    await expect(dataSource.query('SELECT SLEEP(2)')).rejects.toThrow(/max_statement_time|maximum statement execution time|interrupted/i);
  });
});
