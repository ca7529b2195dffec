import { Readable } from 'node:stream';
import { Connection, createConnection } from 'mysql2/promise';

/** mysql:// for mysql2 (TypeORM's mariadb:// selects a dialect only). */
function driverUrl(url: string): string {
  return url.replace(/^mariadb:/, 'mysql:');
}

export function databaseName(url: string): string {
  const name = new URL(driverUrl(url)).pathname.replace(/^\//, '');
  if (!/^\w+$/.test(name)) throw new Error(`The URL must name a database (got "${url}")`);
  return name;
}

/**
 * A session for bulk loading: UTC, local-infile streams, no foreign-key checks, and no per-row
 * unique checks unless `uniqueChecks` (see StreamedLoad.open).
 */
export async function openLoader(url: string, options: { uniqueChecks?: boolean } = {}): Promise<Connection> {
  const connection = await createConnection({
    uri: driverUrl(url),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    flags: ['+LOCAL_FILES'],
  });
  await connection.query(
    `SET time_zone = '+00:00', unique_checks = ${options.uniqueChecks ? 1 : 0}, foreign_key_checks = 0`,
  );
  return connection;
}

/** Runs statements on the server without a database selected (create/drop the database). */
export async function onServer(url: string, statements: string[]): Promise<void> {
  const server = new URL(driverUrl(url));
  server.pathname = '/';
  const connection = await createConnection({ uri: server.toString() });
  try {
    for (const sql of statements) await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** Creates the database (utf8mb4) unless it exists; with `reset`, drops it first. */
export async function ensureDatabase(url: string, reset: boolean): Promise<void> {
  const name = databaseName(url);
  await onServer(url, [
    ...(reset ? [`DROP DATABASE IF EXISTS \`${name}\``] : []),
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  ]);
}

/** Streams tab-separated rows into a table (`LOAD DATA LOCAL INFILE`); one statement, one commit. */
export async function loadRows(
  connection: Connection,
  table: string,
  columns: readonly string[],
  rows: Buffer,
): Promise<void> {
  if (!rows.length) return;
  await connection.query({
    sql: loadStatement(table, columns),
    infileStreamFactory: () => Readable.from(packetSlices(rows)),
  });
}

export function loadStatement(table: string, columns: readonly string[]): string {
  return `LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE \`${table}\` CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.map((c) => `\`${c}\``).join(', ')})`;
}

/** Rows in slices for an infile stream: each becomes one protocol packet, which must stay under max_allowed_packet. */
export function* packetSlices(rows: Buffer): Generator<Buffer> {
  const size = 1 << 20;
  for (let offset = 0; offset < rows.length; offset += size) yield rows.subarray(offset, offset + size);
}

interface IndexDefinition {
  table: string;
  name: string;
  unique: boolean;
  columns: string[];
}

/** The tables loaded in bulk: their secondary indexes are built after the load. */
const BULK_TABLES = ['member', 'vehicle', 'sales_transaction', 'points_entry', 'points_lot', 'card_entry'];

/**
 * The secondary indexes of the bulk-loaded tables. They are dropped before the load and rebuilt
 * after it under their own names and definitions, one sort each: cheaper than growing a dozen
 * B-trees row by row, several of them keyed by time (inserts all over a tree larger than the
 * buffer pool) since rows arrive member by member. Measured: 150,000 members in 45 s this way,
 * 61 s deferring only the time-keyed ones.
 */
export async function bulkTableIndexes(connection: Connection): Promise<IndexDefinition[]> {
  const [rows] = await connection.query(
    `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, NON_UNIQUE AS nonUnique, COLUMN_NAME AS columnName
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const indexes = new Map<string, IndexDefinition>();
  for (const row of rows as {
    tableName: string;
    indexName: string;
    nonUnique: number | string;
    columnName: string;
  }[]) {
    if (!BULK_TABLES.includes(row.tableName)) continue;
    const key = `${row.tableName}.${row.indexName}`;
    const index = indexes.get(key) ?? {
      table: row.tableName,
      name: row.indexName,
      unique: Number(row.nonUnique) === 0,
      columns: [],
    };
    index.columns.push(row.columnName);
    indexes.set(key, index);
  }
  return [...indexes.values()];
}

export async function dropIndexes(connection: Connection, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes)
    await connection.query(`ALTER TABLE \`${index.table}\` DROP INDEX \`${index.name}\``);
}

/**
 * Rebuilds indexes, one ALTER per table, the tables shared out over the connections largest first
 * (by `rows`), so that the longest build does not start last.
 */
export async function addIndexes(
  connections: Connection[],
  indexes: IndexDefinition[],
  rows: Record<string, number>,
): Promise<void> {
  const byTable = new Map<string, IndexDefinition[]>();
  for (const index of indexes) byTable.set(index.table, [...(byTable.get(index.table) ?? []), index]);
  const work = [...byTable.entries()].sort(([a], [b]) => (rows[b] ?? 0) - (rows[a] ?? 0));
  await Promise.all(
    connections.map(async (connection) => {
      for (let next = work.shift(); next; next = work.shift()) {
        const [table, list] = next;
        const clauses = list.map(
          (i) =>
            `ADD ${i.unique ? 'UNIQUE ' : ''}INDEX \`${i.name}\` (${i.columns.map((c) => `\`${c}\``).join(', ')})`,
        );
        await connection.query(`ALTER TABLE \`${table}\` ${clauses.join(', ')}`);
      }
    }),
  );
}
