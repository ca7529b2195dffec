/**
 * Benchmark: the REMINDERS job over BENCH_VEHICLES vehicles (default 1,000,000) on MySQL/MariaDB.
 * Target: under 60 s and 256 MB peak RSS on 2 cores.
 *
 *   npm run bench
 *   BENCH_VEHICLES=20000 npm run bench
 *   BENCH_REUSE=1 npm run bench          # keep dl_bench when it already holds BENCH_VEHICLES rows
 *
 * It (re)creates the database named in BENCH_DATABASE_URL (default
 * mysql://root@127.0.0.1:3306/dl_bench), fills it with seeds/scale/generate.ts, boots the app with
 * the schedules off and runs REMINDERS twice at a fixed asOf: the first run queues the reminders,
 * the second must queue none (dedupe). Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { countScaleRows, generateScale, migrateAndSeedProgramme } from '../../seeds/scale/generate';

const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 256;
/** A fixed clock: 09:00 in Asia/Shanghai on the generator's anchor date. */
const AS_OF = new Date(process.env.BENCH_AS_OF || '2026-03-02T01:00:00.000Z');
const ANCHOR = AS_OF.toISOString().slice(0, 10);

const url = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306/dl_bench';
const vehicles = Number(process.env.BENCH_VEHICLES || 1_000_000);
const reuse = ['1', 'true', 'yes'].includes((process.env.BENCH_REUSE || '').toLowerCase());

interface Measurement {
  label: string;
  status: string;
  notifications: number;
  processed: number | null;
  affected: number | null;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

function databaseName(): string {
  const name = new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.replace(/^\//, '');
  if (!/^\w+$/.test(name)) throw new Error(`BENCH_DATABASE_URL must name a database (got "${url}")`);
  return name;
}

async function serverQuery(sql: string): Promise<unknown> {
  const server = new URL(url.replace(/^mariadb:/, 'mysql:'));
  server.pathname = '/';
  const connection = await createConnection({ uri: server.toString() });
  try {
    const [rows] = await connection.query(sql);
    return rows;
  } finally {
    await connection.end();
  }
}

async function databaseQuery<T>(sql: string): Promise<T[]> {
  const connection = await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:') });
  try {
    const [rows] = await connection.query(sql);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

async function notificationCount(): Promise<number> {
  const [row] = await databaseQuery<{ n: number | string }>('SELECT COUNT(*) AS n FROM notification');
  return Number(row.n);
}

/** Prepares the database: reused when asked and it holds the right number of rows, else made anew. */
async function prepareDatabase(): Promise<void> {
  const name = databaseName();
  if (reuse) {
    const exists = (await serverQuery(`SHOW DATABASES LIKE '${name}'`)) as unknown[];
    if (exists.length) {
      const counts = await countScaleRows(url).catch(() => ({ members: -1, vehicles: -1 }));
      if (counts.members === vehicles && counts.vehicles === vehicles) {
        console.log(
          `Reusing ${name}: ${vehicles.toLocaleString('en')} members and vehicles; clearing notifications and job runs`,
        );
        await migrateAndSeedProgramme(url);
        // Earlier bench runs queued the reminders: clear them so the first run has work again.
        await databaseQuery('TRUNCATE TABLE notification');
        await databaseQuery('DELETE FROM job_run');
        return;
      }
      console.log(
        `${name} holds ${counts.members} members and ${counts.vehicles} vehicles, not ${vehicles}: recreating it`,
      );
    }
  }
  await serverQuery(`DROP DATABASE IF EXISTS \`${name}\``);
  await serverQuery(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  console.log(
    `Generating ${vehicles.toLocaleString('en')} members and vehicles into ${name} (due dates around ${ANCHOR})`,
  );
  await generateScale({ url, count: vehicles, anchor: ANCHOR });
}

/** Runs `work`, sampling RSS and heap every 50 ms. */
async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; baselineRssMb: number; peakRssMb: number; peakHeapMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    sample();
    return {
      result,
      seconds,
      baselineRssMb: mb(baseline.rss),
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
    };
  } finally {
    clearInterval(timer);
  }
}

function printTable(members: number, rows: Measurement[]): void {
  const header = [
    'run',
    'vehicles',
    'members',
    'status',
    'processed',
    'notifications created',
    'time (s)',
    'RSS before (MB)',
    'peak RSS (MB)',
    'peak heap (MB)',
    'target met',
  ];
  const body = rows.map((r) => [
    r.label,
    vehicles.toLocaleString('en'),
    members.toLocaleString('en'),
    r.status,
    r.processed === null ? '-' : r.processed.toLocaleString('en'),
    r.notifications.toLocaleString('en'),
    r.seconds.toFixed(2),
    r.baselineRssMb.toFixed(0),
    r.peakRssMb.toFixed(0),
    r.peakHeapMb.toFixed(0),
    r.status === 'SUCCEEDED' && r.seconds < TARGET_SECONDS && r.peakRssMb < TARGET_RSS_MB ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(
    `REMINDERS at asOf ${AS_OF.toISOString()} — target < ${TARGET_SECONDS} s and < ${TARGET_RSS_MB} MB peak RSS`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

/** Boots the app and runs REMINDERS twice, measuring each run; in a fresh process (see `main`). */
async function runJobTwice(): Promise<void> {
  // Entity column types are fixed when the entity modules load, from DATABASE_URL.
  process.env.DATABASE_URL = url;
  const { loadConfig } = await import('../../backend/src/config/app-config');
  const { createApp } = await import('../../backend/src/bootstrap');
  const { JobsService } = await import('../../backend/src/modules/jobs/jobs.service');
  const { JobName } = await import('../../backend/src/modules/jobs/job-name');
  const app = await createApp(
    loadConfig({
      ...process.env,
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      JWT_SECRET: process.env.JWT_SECRET || 'bench-secret',
      DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY || '33'.repeat(32),
    }),
  );
  try {
    const jobs = app.get(JobsService);
    const counts = await countScaleRows(url);
    const results: Measurement[] = [];
    for (const label of ['first', 'second (dedupe)']) {
      const before = await notificationCount();
      const { result: run, ...figures } = await measure(() => jobs.run(JobName.REMINDERS, { asOf: AS_OF }));
      const created = (await notificationCount()) - before;
      results.push({
        label,
        status: run.status,
        notifications: created,
        processed: run.processed ?? null,
        affected: run.affected ?? null,
        ...figures,
      });
      if (run.status !== 'SUCCEEDED') console.error(`Run ${label} ${run.status}: ${run.error ?? ''}`);
      console.log(
        `${label}: ${run.status} in ${figures.seconds.toFixed(2)} s, processed ${run.processed}, affected ${run.affected}, ${created} notifications, peak RSS ${figures.peakRssMb.toFixed(0)} MB`,
      );
    }
    printTable(counts.members, results);
    if (results[1].notifications !== 0)
      console.log(`\nDEDUPE FAILED: the second run created ${results[1].notifications} notifications`);
  } finally {
    await app.close();
  }
}

/**
 * Prepares the database here, then measures the job in a fresh Node process, so that the memory of
 * the generator (and of the app it boots to migrate) does not count against the job.
 */
async function main(): Promise<void> {
  if (!/^(mysql|mariadb):\/\//.test(url))
    throw new Error('BENCH_DATABASE_URL must be a mysql:// or mariadb:// URL');
  if (!Number.isInteger(vehicles) || vehicles <= 0)
    throw new Error('BENCH_VEHICLES must be a positive integer');
  if (process.argv.includes('--measure')) return runJobTwice();
  await prepareDatabase();
  // A bounded V8 heap, as a memory-limited container would run the API: the job streams chunks, so it
  // fits; without a bound V8 simply collects later and RSS grows with whatever heap it was allowed.
  const heapFlags = ['--max-old-space-size=128', '--max-semi-space-size=4'];
  const child = spawnSync(process.execPath, [...heapFlags, ...process.execArgv, __filename, '--measure'], {
    stdio: 'inherit',
    env: process.env,
  });
  if (child.status !== 0)
    throw new Error(`The measuring process failed (exit ${child.status ?? child.signal})`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
