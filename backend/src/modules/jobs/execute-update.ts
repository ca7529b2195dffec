import { DataSource } from 'typeorm';

/**
 * Runs a conditional UPDATE and returns how many rows it changed, on every driver. (A plain
 * `dataSource.query()` on better-sqlite3 returns the last insert rowid, not the changed rows, so
 * the count has to come from the structured result.)
 */
export async function executeUpdate(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return result.affected ?? 0;
  } finally {
    await runner.release();
  }
}
