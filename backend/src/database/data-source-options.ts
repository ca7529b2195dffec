import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuditSubscriber } from '../modules/audit/audit.subscriber';
import { ENTITIES } from './entities';
import { mysqlWithUtcSessions } from './mysql-utc-driver';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';

/** TypeORM options for the configured database. Migrations, never `synchronize`, shape the schema. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    subscribers: [AuditSubscriber],
    migrationsRun: false as const,
    synchronize: false as const,
    logging: false,
  };
  if (database.kind === 'sqlite') {
    if (database.sqliteFile !== ':memory:') mkdirSync(dirname(database.sqliteFile!), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.sqliteFile!,
      migrations: sqliteMigrations,
      // WAL lets readers proceed while a write commits; foreign keys are not relied on for correctness.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    // mariadb:// selects TypeORM's MariaDB dialect (its information_schema differs); the SQL is the same.
    type: database.url.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    url: database.url.replace(/^mariadb:/, 'mysql:'),
    migrations: mysqlMigrations,
    connectorPackage: 'mysql2',
    driver: mysqlWithUtcSessions({ statementTimeoutMs: database.queryTimeoutMs }),
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    bigNumberStrings: false,
    // mysql2 drops pooled connections the server closed and opens new ones on demand, so the pool
    // recovers from a server restart by itself (tests/e2e/fault); keep-alive probes find half-open
    // connections after a network cut, and a connect attempt is bounded.
    extra: {
      connectionLimit: Number(process.env.DATABASE_POOL_SIZE || 10),
      connectTimeout: 10_000,
      enableKeepAlive: true,
      keepAliveInitialDelay: 10_000,
    },
  };
}
