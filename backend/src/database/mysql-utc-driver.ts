import * as mysql2 from 'mysql2';

type PoolLike = { on(event: 'connection', listener: (connection: { query(sql: string): unknown }) => void): unknown };

const UTC = "SET time_zone = '+00:00'";

/**
 * mysql2 whose pooled connections run in UTC. Column defaults and TypeORM's `updatedAt` use
 * CURRENT_TIMESTAMP, which follows the session time zone, while the API reads and writes every
 * DateTime as UTC (`timezone: 'Z'`); a server configured for Asia/Shanghai would otherwise shift
 * those columns by eight hours. The statement is queued on each new connection before its first use.
 */
export function mysqlWithUtcSessions(): typeof mysql2 {
  const withUtc = <P extends PoolLike>(pool: P): P => {
    pool.on('connection', (connection) => connection.query(UTC));
    return pool;
  };
  return {
    ...mysql2,
    createPool: ((config: mysql2.PoolOptions) => withUtc(mysql2.createPool(config))) as typeof mysql2.createPool,
  };
}
