import { DataSource, MigrationExecutor } from 'typeorm';

/**
 * Runs pending migrations, each in its own transaction, on one connection whose statement time
 * limit (DB_QUERY_TIMEOUT_MS, meant for request traffic) is lifted: building an index on a table of
 * millions of rows legitimately takes minutes. The connection gets its limit back before it returns
 * to the pool.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  let restore: string | undefined;
  try {
    if (dataSource.options.type === 'mysql') {
      const [{ version }] = (await queryRunner.query('SELECT VERSION() AS version')) as { version: string }[];
      const variable = /mariadb/i.test(version) ? 'max_statement_time' : 'max_execution_time';
      const [{ limit }] = (await queryRunner.query(`SELECT @@SESSION.${variable} AS \`limit\``)) as { limit: number | string }[];
      await queryRunner.query(`SET SESSION ${variable} = 0`);
      restore = `SET SESSION ${variable} = ${Number(limit)}`;
    }
    const executor = new MigrationExecutor(dataSource, queryRunner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
  } finally {
    if (restore) await queryRunner.query(restore);
    await queryRunner.release();
  }
}
