/**
 * A fingerprint of every table of the application (row count and a hash of the rows), to show that
 * a refused request wrote nothing. A few columns change on purpose while a request is refused and
 * are left out: an API key's `lastUsedAt` (refreshed on authentication) and the attempt counters of
 * SMS codes (wrong codes are counted so that guessing locks the code).
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

const IGNORED: Record<string, string[]> = {
  api_client: ['lastUsedAt', 'updatedAt'],
  verification_code: ['attempts', 'updatedAt'],
};

export type Fingerprint = Record<string, string>;

export async function fingerprint(dataSource: DataSource): Promise<Fingerprint> {
  const quote = (name: string) => dataSource.driver.escape(name);
  const result: Fingerprint = {};
  const tables = new Map(dataSource.entityMetadatas.map((m) => [m.tableName, m.primaryColumns.map((c) => c.databaseName)]));
  const mysql = dataSource.options.type !== 'better-sqlite3';
  if (mysql) {
    // One statement for the whole schema on MySQL/MariaDB; the tables with ignored columns are read below.
    const checksums: { Table: string; Checksum: string }[] = await dataSource.query(
      `CHECKSUM TABLE ${[...tables.keys()].filter((table) => !IGNORED[table]).map(quote).join(', ')}`,
    );
    for (const row of checksums) result[row.Table.split('.').pop()!] = String(row.Checksum);
  }
  for (const [table, keys] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    if (mysql && !IGNORED[table]) continue;
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${quote(table)} ORDER BY ${keys.map(quote).join(', ')}`);
    const ignored = IGNORED[table] ?? [];
    const kept = rows.map((row) => Object.entries(row).filter(([column]) => !ignored.includes(column)));
    result[table] = `${rows.length} rows, ${createHash('sha1').update(JSON.stringify(kept)).digest('hex').slice(0, 12)}`;
  }
  return result;
}

/** The tables whose fingerprint differs, with before → after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table]} → ${after[table]}`);
}
