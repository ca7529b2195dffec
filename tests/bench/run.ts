/**
 * `npm run bench`: fills (or reuses) the MariaDB/MySQL benchmark database, runs every benchmark
 * module in order, prints a table and writes tests/bench/results.json as
 * `{ "<name>": { value, unit, target, pass, baseline?, details? } }`. Exits non-zero when a target
 * is missed or a required entry is missing. Not part of `npm test`.
 *
 *   npm run bench                                   # 1,000,000 members, every benchmark
 *   BENCH_REUSE=1 npm run bench                     # keep dl_bench when it holds BENCH_MEMBERS members
 *   BENCH_ONLY=read,write npm run bench             # some modules (results.json keeps the others' entries)
 *   BENCH_MEMBERS=20000 npm run bench               # a quick check (figures not comparable)
 *
 * Environment: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/dl_bench), BENCH_MEMBERS
 * (default 1000000), BENCH_REUSE, BENCH_ONLY (nested-list, read, write, jobs, admin).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBenchDatabase } from './lib/bench-database';
import { resultsTable } from './lib/report';
import type { BenchContext, BenchEntries, BenchModule } from './lib/types';

/** The modules, in the order they run, and the entries each must produce. */
const MODULES: Array<{ name: string; file: string; entries: string[] }> = [
  { name: 'nested-list', file: 'nested-list.bench', entries: ['read.nestedList.statements', 'read.nestedList.flat'] },
  { name: 'read', file: 'http-read.bench', entries: ['read.member.ratio'] },
  {
    name: 'write',
    file: 'http-write.bench',
    entries: ['write.recordTransaction.tps', 'write.recordTransaction.ratio', 'write.replay.addedRows'],
  },
  {
    name: 'jobs',
    file: 'jobs.bench',
    entries: ['job.tierEvaluation.seconds1M', 'job.pointsExpiry.seconds1M', 'job.reminders.seconds1M', 'job.segmentation.seconds1M'],
  },
  { name: 'admin', file: 'admin.bench', entries: ['admin.initialJsKB'] },
];

const RESULTS = join(__dirname, 'results.json');

function failed(reason: string): BenchEntries[string] {
  return { value: false, unit: 'error', target: true, pass: false, details: { error: reason.replace(/\s+/g, ' ').trim().slice(0, 300) } };
}

async function main(): Promise<number> {
  const started = performance.now();
  const databaseUrl = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306/dl_bench';
  if (!/^(mysql|mariadb):\/\//.test(databaseUrl)) throw new Error('BENCH_DATABASE_URL must be a mysql:// or mariadb:// URL');
  const members = Number(process.env.BENCH_MEMBERS || 1_000_000);
  if (!Number.isInteger(members) || members < 1000) throw new Error('BENCH_MEMBERS must be an integer of at least 1000');
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((name) => !MODULES.some((m) => m.name === name)) ?? [];
  if (unknown.length) throw new Error(`BENCH_ONLY names no module ${unknown.join(', ')} (known: ${MODULES.map((m) => m.name).join(', ')})`);
  const selected = MODULES.filter((m) => !only || only.includes(m.name));

  const log = (line: string) => console.log(line);
  await prepareBenchDatabase({ url: databaseUrl, members, reuse: ['1', 'true', 'yes'].includes((process.env.BENCH_REUSE || '').toLowerCase()), log });
  const ctx: BenchContext = { databaseUrl, members, log };

  const entries: BenchEntries = {};
  for (const module of selected) {
    const path = join(__dirname, `${module.file}.ts`);
    const moduleStarted = performance.now();
    log(`\n== ${module.name} (${module.file}.ts)`);
    try {
      if (!existsSync(path)) throw new Error(`${module.file}.ts does not exist`);
      const bench = (await import(path)) as BenchModule;
      Object.assign(entries, await bench.run(ctx));
    } catch (error) {
      log(`  FAILED: ${(error as Error).stack ?? error}`);
      for (const name of module.entries) entries[name] ??= failed((error as Error).message);
    }
    for (const name of module.entries) entries[name] ??= failed(`${module.file}.ts produced no ${name}`);
    log(`  ${((performance.now() - moduleStarted) / 1000).toFixed(0)} s`);
  }

  const previous = only && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchEntries) : {};
  const results = { ...previous, ...entries };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const minutes = (performance.now() - started) / 60_000;
  console.log(`\n${resultsTable(entries)}\n`);
  console.log(`${members.toLocaleString('en')} members, ${minutes.toFixed(1)} min in all; wrote ${RESULTS}`);
  const failures = Object.entries(entries).filter(([, e]) => !e.pass);
  if (failures.length) console.log(`Targets missed: ${failures.map(([name]) => name).join(', ')}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
