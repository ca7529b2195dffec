/**
 * Generates a migration for SQLite and one for MySQL/MariaDB from the difference between the
 * entities and a database migrated to the latest migration, and registers both in their index.
 *
 *   npm run migration:generate -- <Name>     (MySQL side uses MIGRATION_MYSQL_URL,
 *                                              default mysql://root@127.0.0.1:3306/dl_migrations)
 *
 * Review both files before committing: MySQL migrations are not transactional.
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(2);
}

async function pendingSql(url: string) {
  const options = dataSourceOptions(parseDatabaseUrl(url));
  const dataSource = new DataSource({ ...options, subscribers: [] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  return sql;
}

function render(className: string, up: { query: string }[], down: { query: string }[]) {
  const lines = (queries: { query: string }[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...down].reverse())}
  }
}
`;
}

function register(dir: string, exportName: string, className: string, file: string) {
  const index = join(dir, 'index.ts');
  const source = readFileSync(index, 'utf8');
  const withImport = `import { ${className} } from './${file}';\n${source}`;
  const updated = withImport.replace(/= \[([^\]]*)\];/, (_, list: string) => {
    const items = list.split(',').map((s) => s.trim()).filter(Boolean);
    return `= [${[...items, className].join(', ')}];`;
  });
  if (!updated.includes(exportName)) throw new Error(`${index} does not export ${exportName}`);
  writeFileSync(index, updated);
}

/** Entities fix their column types for one kind of database when loaded: one child process per kind. */
async function generateIn(kind: string, url: string, stamp: number) {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [...process.execArgv, __filename, name, '--child', kind, url, String(stamp)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
}

async function child(kind: string, url: string, stamp: number) {
  const className = `${name}${stamp}`;
  const exportName = kind === 'sqlite' ? 'sqliteMigrations' : 'mysqlMigrations';
  const sql = await pendingSql(url);
  if (!sql.upQueries.length) {
    console.log(`${kind}: no changes`);
    return;
  }
  const dir = join(__dirname, '..', 'database', 'migrations', kind);
  const file = `${stamp}-${name}`;
  if (existsSync(join(dir, `${file}.ts`))) throw new Error(`${file} exists`);
  writeFileSync(join(dir, `${file}.ts`), render(className, sql.upQueries, sql.downQueries));
  register(dir, exportName, className, file);
  console.log(`${kind}: wrote ${file}.ts (${sql.upQueries.length} statements)`);
}

async function main() {
  const childAt = process.argv.indexOf('--child');
  if (childAt > 0) return child(process.argv[childAt + 1], process.argv[childAt + 2], Number(process.argv[childAt + 3]));
  const stamp = Date.now();
  const scratch = mkdtempSync(join(tmpdir(), 'dl-migrate-'));
  const mysqlUrl = process.env.MIGRATION_MYSQL_URL || 'mariadb://root@127.0.0.1:3306/dl_migrations';
  const targets = [
    { kind: 'sqlite', url: `sqlite:${join(scratch, 'schema.sqlite')}` },
    { kind: 'mysql', url: mysqlUrl },
  ];
  if (targets[1].url.includes('dl_migrations')) {
    const admin = new DataSource({ type: 'mysql', url: mysqlUrl.replace(/^mariadb:/, 'mysql:').replace(/\/dl_migrations$/, '/') });
    await admin.initialize();
    await admin.query('DROP DATABASE IF EXISTS dl_migrations');
    await admin.query('CREATE DATABASE dl_migrations CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.destroy();
  }
  for (const target of targets) await generateIn(target.kind, target.url, stamp);
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
