import * as mysql2 from 'mysql2';

type SessionConnection = { query(sql: string): unknown; _isMariaDB?: boolean };
type PoolLike = { on(event: 'connection', listener: (connection: SessionConnection) => void): unknown };

const UTC = "SET time_zone = '+00:00'";
/** Every transaction's isolation (see TransactionService), set once per session rather than before each transaction. */
const READ_COMMITTED = 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED';

export interface SessionOptions {
  /** Aborts any statement running longer than this (0: no limit). */
  statementTimeoutMs?: number;
}

/**
 * The per-statement limit of a session: MariaDB's `max_statement_time` (seconds, every statement)
 * or MySQL's `max_execution_time` (milliseconds, SELECTs only). mysql2 notes which one it talks to
 * during the handshake, before the pool hands the connection out.
 */
function statementTimeout(connection: SessionConnection, ms: number): string {
  return connection._isMariaDB ? `SET SESSION max_statement_time = ${ms / 1000}` : `SET SESSION max_execution_time = ${ms}`;
}

/**
 * mysql2 whose pooled connections run in UTC, READ COMMITTED and, when asked, with a statement time limit. Column
 * defaults and TypeORM's `updatedAt` use CURRENT_TIMESTAMP, which follows the session time zone,
 * while the API reads and writes every DateTime as UTC (`timezone: 'Z'`); a server configured for
 * Asia/Shanghai would otherwise shift those columns by eight hours. The statements are queued on
 * each new connection before its first use.
 */
export function mysqlWithUtcSessions(options: SessionOptions = {}): typeof mysql2 {
  const withSessionSettings = <P extends PoolLike>(pool: P): P => {
    pool.on('connection', (connection) => {
      connection.query(UTC);
      connection.query(READ_COMMITTED);
      if (options.statementTimeoutMs) connection.query(statementTimeout(connection, options.statementTimeoutMs));
    });
    return pool;
  };
  return {
    ...mysql2,
    createPool: ((config: mysql2.PoolOptions) => withSessionSettings(mysql2.createPool(config))) as typeof mysql2.createPool,
  };
}
