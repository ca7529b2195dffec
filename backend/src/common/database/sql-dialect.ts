import { DataSource, EntityManager } from 'typeorm';

/** The few SQL expressions that differ between SQLite and MySQL/MariaDB. */
export interface SqlDialect {
  /** The database clock, UTC, millisecond precision, comparable with stored DateTime columns. */
  now(): string;
  /** The database clock plus a number of seconds. */
  nowPlusSeconds(seconds: number): string;
  /** A JS instant as a raw-SQL parameter comparable with stored DateTime columns. */
  dateTime(instant: Date): string | Date;
  /** The calendar date ('YYYY-MM-DD') of a stored UTC DateTime column at a fixed UTC offset in minutes. */
  localDate(column: string, offsetMinutes: number): string;
  /** Fractional hours from one stored DateTime expression to another (negative when `to` is earlier). */
  hoursBetween(from: string, to: string): string;
  /**
   * A multi-row INSERT (`rows` tuples of `?` placeholders) that silently skips rows colliding with a
   * unique key (SQLite `INSERT OR IGNORE`, MySQL/MariaDB `INSERT IGNORE`); its affected count is
   * the rows actually inserted.
   */
  insertIgnore(table: string, columns: string[], rows: number): string;
  /** Appended to a SELECT in a transaction to hold its rows until commit: `FOR UPDATE` on MySQL/MariaDB, nothing on SQLite (its transactions are serial). */
  lockRows: string;
  /**
   * Chunks a job's key walk (`inKeyChunks` `inFlight`) may handle at once: 3 on MySQL/MariaDB,
   * whose connections work in parallel (SEGMENTATION over 1M members on 2 cores: 75 s one at a
   * time, 49 s with 2, 42 s with 3, no better with 4); 1 on SQLite, whose one connection is serial.
   */
  parallelChunks: number;
}

function insertIgnoreSql(verb: string, table: string, columns: string[], rows: number): string {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return `${verb} INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}

/** A multi-row INSERT (`rows` tuples of `?` placeholders), the same on every database; a unique-key collision fails it. */
export function insertRowsSql(table: string, columns: string[], rows: number): string {
  return insertIgnoreSql('INSERT', table, columns, rows);
}

const sqlite: SqlDialect = {
  now: () => `strftime('%Y-%m-%d %H:%M:%f', 'now')`,
  nowPlusSeconds: (s) => `strftime('%Y-%m-%d %H:%M:%f', 'now', '+${Math.trunc(s)} seconds')`,
  // TypeORM stores SQLite datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'.
  dateTime: (instant) => instant.toISOString().replace('T', ' ').replace('Z', ''),
  localDate: (column, offset) => `DATE(${column}, '${Math.trunc(offset) >= 0 ? '+' : ''}${Math.trunc(offset)} minutes')`,
  hoursBetween: (from, to) => `((julianday(${to}) - julianday(${from})) * 24.0)`,
  insertIgnore: (table, columns, rows) => insertIgnoreSql('INSERT OR IGNORE', table, columns, rows),
  lockRows: '',
  parallelChunks: 1,
};

const mysql: SqlDialect = {
  now: () => 'UTC_TIMESTAMP(3)',
  nowPlusSeconds: (s) => `(UTC_TIMESTAMP(3) + INTERVAL ${Math.trunc(s)} SECOND)`,
  dateTime: (instant) => instant,
  localDate: (column, offset) => `DATE(${column} + INTERVAL ${Math.trunc(offset)} MINUTE)`,
  hoursBetween: (from, to) => `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / 3600000000.0)`,
  insertIgnore: (table, columns, rows) => insertIgnoreSql('INSERT IGNORE', table, columns, rows),
  lockRows: ' FOR UPDATE',
  parallelChunks: 3,
};

export function dialectOf(executor: DataSource | EntityManager): SqlDialect {
  const dataSource = executor instanceof EntityManager ? executor.connection : executor;
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

/** A DateTime read by a raw query: a Date from mysql2, UTC text from SQLite. */
export function readDateTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * Makes concurrent transactions that touch the same record take turns: a no-op UPDATE takes the
 * row's write lock until commit (SQLite transactions are serial anyway). For check-then-insert
 * rules a unique index cannot express (one live membership card, a yearly cap). Portable: no
 * GET_LOCK, no SELECT … FOR UPDATE.
 */
export async function serializeOn(manager: EntityManager, table: string, id: string): Promise<void> {
  await executeUpdate(manager, `UPDATE \`${table}\` SET \`id\` = \`id\` WHERE \`id\` = ?`, [id]);
}
