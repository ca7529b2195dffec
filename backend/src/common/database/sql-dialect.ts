import { DataSource, EntityManager } from 'typeorm';

/** The few SQL expressions that differ between SQLite and MySQL/MariaDB. */
export interface SqlDialect {
  /** The database clock, UTC, millisecond precision, comparable with stored DateTime columns. */
  now(): string;
  /** The database clock plus a number of seconds. */
  nowPlusSeconds(seconds: number): string;
}

const sqlite: SqlDialect = {
  now: () => `strftime('%Y-%m-%d %H:%M:%f', 'now')`,
  nowPlusSeconds: (s) => `strftime('%Y-%m-%d %H:%M:%f', 'now', '+${Math.trunc(s)} seconds')`,
};

const mysql: SqlDialect = {
  now: () => 'UTC_TIMESTAMP(3)',
  nowPlusSeconds: (s) => `(UTC_TIMESTAMP(3) + INTERVAL ${Math.trunc(s)} SECOND)`,
};

export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb' ? mysql : sqlite;
}

/**
 * Runs a conditional UPDATE/DELETE and returns how many rows it changed, on every driver (a plain
 * `query()` on better-sqlite3 answers with the last insert rowid, not the changed rows). Inside a
 * transaction, pass its manager so the statement runs in it.
 */
export async function executeUpdate(executor: DataSource | EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const inTransaction = executor instanceof EntityManager ? executor.queryRunner : undefined;
  const runner = inTransaction ?? (executor instanceof EntityManager ? executor.connection : executor).createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.affected ?? 0;
  } finally {
    if (!inTransaction) await runner.release();
  }
}
