import { DataSource, DataSourceOptions } from 'typeorm';

/**
 * A throwaway database for a spec of database code, on the engine DATABASE_URL names: a database
 * of its own on that MySQL/MariaDB server (dropped by `close`), else in-memory SQLite. The
 * entities' column types follow DATABASE_URL too, so the spec runs as the app would.
 */
export async function openScratchDatabase(
  prefix: string,
  options: Pick<DataSourceOptions, 'entities' | 'subscribers'>,
): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL ?? '';
  const common = { ...options, synchronize: true };
  if (!/^(mysql|mariadb):/.test(serverUrl)) {
    const dataSource = await new DataSource({ ...common, type: 'better-sqlite3', database: ':memory:' }).initialize();
    return { dataSource, close: () => dataSource.destroy() };
  }
  const name = `dl_test_${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  url.pathname = '/';
  const server = await new DataSource({ type: 'mysql', url: url.toString() }).initialize();
  await server.query(`CREATE DATABASE \`${name}\``);
  url.pathname = `/${name}`;
  const dataSource = await new DataSource({ ...common, type: 'mysql', url: url.toString(), timezone: 'Z' }).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await server.destroy();
    },
  };
}
