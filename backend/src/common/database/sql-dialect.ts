import { DataSource } from 'typeorm';

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

/** Rows changed by an UPDATE/DELETE run through `query()`, whichever the driver. */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result)) return typeof result[1] === 'number' ? result[1] : affectedRows(result[0]);
  const r = result as { affectedRows?: number; changes?: number } | undefined;
  return r?.affectedRows ?? r?.changes ?? 0;
}
