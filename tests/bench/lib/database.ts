import { createConnection, Connection } from 'mysql2/promise';

/** mysql2 speaks mysql://; `mariadb://` only selects TypeORM's dialect. */
export function mysqlUrl(url: string): string {
  return url.replace(/^mariadb:/, 'mysql:');
}

export function databaseName(url: string): string {
  const name = new URL(mysqlUrl(url)).pathname.replace(/^\//, '');
  if (!/^\w+$/.test(name)) throw new Error(`The benchmark database URL must name a database (got "${url}")`);
  return name;
}

/** The URL of another database on the same server. */
export function siblingDatabaseUrl(url: string, name: string): string {
  const target = new URL(mysqlUrl(url));
  target.pathname = `/${name}`;
  return target.toString();
}

/** A connection in UTC with the app's character set, to the database (or, with `server`, to no database). */
export async function connect(url: string, options: { server?: boolean } = {}): Promise<Connection> {
  const target = new URL(mysqlUrl(url));
  if (options.server) target.pathname = '/';
  const connection = await createConnection({ uri: target.toString(), charset: 'utf8mb4_unicode_ci', timezone: 'Z' });
  await connection.query("SET time_zone = '+00:00'");
  return connection;
}

/** Runs one statement on a short-lived connection and returns its rows. */
export async function queryOnce<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const connection = await connect(url);
  try {
    const [rows] = await connection.query(sql, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

export async function dropAndCreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const connection = await connect(url, { server: true });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const connection = await connect(url, { server: true });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${databaseName(url)}\``);
  } finally {
    await connection.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  const connection = await connect(url, { server: true });
  try {
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [databaseName(url)]);
    return (rows as unknown[]).length > 0;
  } finally {
    await connection.end();
  }
}

/** Row counts of the given tables, in one statement. */
export async function countRows(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  const select = tables.map((t) => `(SELECT COUNT(*) FROM \`${t}\`) AS \`${t}\``).join(', ');
  const [row] = await queryOnce<Record<string, string | number>>(url, `SELECT ${select}`);
  return Object.fromEntries(tables.map((t) => [t, Number(row[t])]));
}

/** `count` ids of `table` drawn at random (spread over the whole key range). */
export async function randomIds(url: string, table: string, count: number, where = '1 = 1'): Promise<string[]> {
  const rows = await queryOnce<{ id: string }>(url, `SELECT id FROM \`${table}\` WHERE ${where} ORDER BY RAND() LIMIT ${Number(count)}`);
  return rows.map((r) => r.id);
}
