/**
 * Benchmark: the nightly jobs over the scale data (1,000,000 members, ~1.2M vehicles, a year of
 * transactions, ~3.4M points lots) on MySQL/MariaDB. Each job runs in a fresh Node process with a
 * bounded heap (`--max-old-space-size=128`, as a memory-limited container runs the API) while RSS
 * is sampled every 50 ms; targets: under 60 s and under 256 MB of RSS growth over the process's
 * baseline after boot.
 *
 * Each job runs at an `asOf` where it has realistic work (see JOBS): SEGMENTATION on the anchor
 * night (every member gets a first segment), TIER_EVALUATION the night after (that night's yearly
 * reviews and the upgrades pending from the last DMS batch), REMINDERS at 09:00 on the anchor day, and
 * POINTS_EXPIRY just after the month end when the first month of earned lots expires. The jobs
 * change the data, so a reused database runs them with less left to do: `countScaleRows` reports
 * `jobsRan` for the runner to decide.
 *
 *   (npm run bench runs it through tests/bench/run.ts)
 *   SWC_NODE_PROJECT=backend/tsconfig.json node -r @swc-node/register tests/bench/jobs.bench.ts [--members 1000000] [--url mysql://…/dl_bench_jobs] [--only REMINDERS,…] [--rerun]
 *
 * Standalone, it seeds the database when it does not hold a complete scale seed of that size.
 * `--rerun` (BENCH_JOBS_RERUN=1) runs each job a second time at the same `asOf`, which must change nothing.
 */
import { spawn } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { addCalendarMonths, lotExpiresAt } from '../../backend/src/modules/points/points-expiry';
import {
  countScaleRows,
  DEFAULT_SCALE_ANCHOR,
  markJobsRan,
  migrateAndSeedProgramme,
  seedScale,
} from '../../seeds/scale';
import type { BenchContext, BenchEntries } from './lib/types';

const TARGET_SECONDS = 60;
const TARGET_RSS_GROWTH_MB = 256;
const HEAP_FLAGS = ['--max-old-space-size=128', '--max-semi-space-size=4'];
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TIME_ZONE = process.env.TZ_PROGRAMME || 'Asia/Shanghai';

interface JobPlan {
  job: 'SEGMENTATION' | 'TIER_EVALUATION' | 'REMINDERS' | 'POINTS_EXPIRY';
  entry: string;
  /** The run's clock, from the anchor's local midnight (UTC ms). */
  asOf: (anchorMs: number) => Date;
  /** Rows whose growth shows the work done. */
  counts: Record<string, string>;
  /** A later run also measured (reported in the details): the steady state after a first-ever run. */
  thenAt?: (anchorMs: number) => Date;
}

/** In the order they run: later jobs' `asOf` is later, as nights would pass. */
const JOBS: JobPlan[] = [
  {
    job: 'SEGMENTATION',
    entry: 'segmentation',
    asOf: (anchorMs) => new Date(anchorMs + 3 * HOUR_MS),
    thenAt: (anchorMs) => new Date(anchorMs + DAY_MS + 3 * HOUR_MS),
    counts: {
      segmented: 'SELECT COUNT(*) FROM member WHERE segment IS NOT NULL',
      dormantRecalls: "SELECT COUNT(*) FROM follow_up WHERE kind = 'DORMANT_RECALL'",
    },
  },
  {
    job: 'REMINDERS',
    entry: 'reminders',
    asOf: (anchorMs) => new Date(anchorMs + 9 * HOUR_MS),
    counts: { notifications: "SELECT COUNT(*) FROM notification WHERE dedupeKey LIKE 'reminder:%'" },
  },
  {
    job: 'TIER_EVALUATION',
    entry: 'tierEvaluation',
    asOf: (anchorMs) => new Date(anchorMs + DAY_MS + 2.5 * HOUR_MS),
    counts: {
      upgrades: "SELECT COUNT(*) FROM tier_change WHERE reason = 'UPGRADE'",
      downgrades: "SELECT COUNT(*) FROM tier_change WHERE reason = 'DOWNGRADE'",
    },
  },
  {
    job: 'POINTS_EXPIRY',
    entry: 'pointsExpiry',
    // 00:10 after the month end that expires the lots earned in the first month of the year of history.
    asOf: (anchorMs) =>
      new Date(
        lotExpiresAt(
          new Date(addCalendarMonths(new Date(anchorMs), -12).getTime() + DAY_MS),
          TIME_ZONE,
        ).getTime() +
          1 +
          10 * 60_000,
      ),
    counts: {
      expiryEntries: "SELECT COUNT(*) FROM points_entry WHERE type = 'EXPIRE'",
      expiredLots: 'SELECT COUNT(*) FROM points_lot WHERE expiredAt IS NOT NULL',
    },
  },
];

interface Measured {
  status: string;
  error: string | null;
  processed: number | null;
  affected: number | null;
  seconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** CPU seconds the job's process spent (user + system): the rest of the time it waited on the database. */
  cpuSeconds: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const RESULT_PREFIX = 'JOB_BENCH_RESULT ';

/** Counts rows on the benchmark database. */
async function count(url: string, sql: string): Promise<number> {
  const connection = await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' });
  try {
    const [rows] = await connection.query(sql);
    return Number(Object.values((rows as Record<string, unknown>[])[0])[0]);
  } finally {
    await connection.end();
  }
}

/** Runs one job in a child process with a bounded heap and returns what it measured. */
function measureInChild(url: string, job: string, asOf: Date): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...HEAP_FLAGS,
        '--expose-gc',
        ...process.execArgv.filter((a) => !a.startsWith('--max-')),
        __filename,
        '--measure',
        job,
        asOf.toISOString(),
      ],
      {
        env: { ...process.env, BENCH_JOB_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (!line)
        return reject(new Error(`The ${job} process exited ${code} without a result: ${output.slice(-500)}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as Measured);
    });
  });
}

/** In the child: boots the app (schedules off) and runs the job once, sampling memory. */
async function measureHere(job: string, asOf: Date): Promise<void> {
  const url = process.env.BENCH_JOB_URL!;
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
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const run = await jobs.run(JobName[job as keyof typeof JobName], { asOf });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(timer);
    sample();
    const measured: Measured = {
      status: run.status,
      error: run.error ?? null,
      processed: run.processed ?? null,
      affected: run.affected ?? null,
      seconds,
      baselineRssMb: mb(baseline.rss),
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
      cpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(measured)}\n`);
  } finally {
    await app.close();
  }
}

/** Runs the jobs over the benchmark database and returns their entries. */
export async function run(
  ctx: BenchContext,
  options: { only?: string[]; rerun?: boolean } = {},
): Promise<BenchEntries> {
  const url = ctx.databaseUrl;
  // Pending migrations run here, without the API's statement limit, not in the measured processes.
  await migrateAndSeedProgramme(url);
  const scale = await countScaleRows(url);
  const anchor = scale.anchor ?? DEFAULT_SCALE_ANCHOR;
  if (scale.jobsRan)
    ctx.log(`  note: the jobs ran on this database before; they find less work than on a fresh seed`);
  const { fromZonedTime } = await import('date-fns-tz');
  const anchorMs = fromZonedTime(`${anchor}T00:00:00`, TIME_ZONE).getTime();
  const rerun =
    options.rerun ?? ['1', 'true', 'yes'].includes((process.env.BENCH_JOBS_RERUN || '').toLowerCase());
  const entries: BenchEntries = {};
  await markJobsRan(url);
  for (const plan of JOBS.filter((p) => !options.only || options.only.includes(p.job))) {
    const asOf = plan.asOf(anchorMs);
    const queries = Object.entries(plan.counts).filter(([, sql]) => sql);
    const before = await Promise.all(queries.map(([, sql]) => count(url, sql)));
    ctx.log(`  ${plan.job} at ${asOf.toISOString()} over ${ctx.members.toLocaleString('en')} members …`);
    const first = await measureInChild(url, plan.job, asOf);
    const after = await Promise.all(queries.map(([, sql]) => count(url, sql)));
    const work = Object.fromEntries(queries.map(([name], i) => [name, after[i] - before[i]]));
    const again = rerun ? await measureInChild(url, plan.job, asOf) : null;
    const growth = Math.round((first.peakRssMb - first.baselineRssMb) * 10) / 10;
    const succeeded = first.status === 'SUCCEEDED';
    const details: Record<string, number | string | boolean> = {
      asOf: asOf.toISOString(),
      status: first.status,
      processed: first.processed ?? 0,
      affected: first.affected ?? 0,
      ...work,
      baselineRssMb: first.baselineRssMb,
      peakRssMb: first.peakRssMb,
      peakHeapMb: first.peakHeapMb,
      cpuSeconds: first.cpuSeconds,
    };
    if (first.error) details.error = first.error.slice(0, 300);
    if (again) {
      details.rerunSeconds = Math.round(again.seconds * 100) / 100;
      details.rerunAffected = again.affected ?? -1;
    }
    if (plan.thenAt) {
      const later = await measureInChild(url, plan.job, plan.thenAt(anchorMs));
      details.nextNightSeconds = Math.round(later.seconds * 100) / 100;
      details.nextNightAffected = later.affected ?? -1;
      ctx.log(
        `    the next night: ${later.status} in ${later.seconds.toFixed(1)} s (${later.cpuSeconds} s CPU), affected ${later.affected}`,
      );
    }
    ctx.log(
      `    ${first.status} in ${first.seconds.toFixed(1)} s (${first.cpuSeconds} s CPU in the job's process), processed ${first.processed}, affected ${first.affected}` +
        `${Object.entries(work)
          .map(([k, v]) => `, ${k} +${v}`)
          .join(
            '',
          )}; RSS ${first.baselineRssMb} → ${first.peakRssMb} MB (+${growth}), heap peak ${first.peakHeapMb} MB` +
        (again ? `; re-run ${again.seconds.toFixed(1)} s, affected ${again.affected}` : ''),
    );
    entries[`job.${plan.entry}.seconds1M`] = {
      value: Math.round(first.seconds * 100) / 100,
      unit: 's',
      target: TARGET_SECONDS,
      pass: succeeded && first.seconds < TARGET_SECONDS && (!again || again.affected === 0),
      details,
    };
    entries[`job.${plan.entry}.peakRssMB`] = {
      value: growth,
      unit: 'MB',
      target: TARGET_RSS_GROWTH_MB,
      pass: succeeded && growth < TARGET_RSS_GROWTH_MB,
      details: {
        baselineRssMb: first.baselineRssMb,
        peakRssMb: first.peakRssMb,
        peakHeapMb: first.peakHeapMb,
      },
    };
  }
  return entries;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Standalone: seeds the database unless it holds a complete seed of that size, then runs the jobs. */
async function standalone(): Promise<void> {
  const url =
    argument('url') ?? process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dl_bench_jobs';
  const members = Number(argument('members') ?? process.env.BENCH_MEMBERS ?? 1_000_000);
  const log = (line: string) => console.log(line);
  const existing = await countScaleRows(url).catch(() => null);
  if (!existing?.complete || existing.members !== members)
    await seedScale({ url, members, reset: true, log });
  const entries = await run(
    { databaseUrl: url, members, log },
    { only: argument('only')?.split(','), rerun: process.argv.includes('--rerun') },
  );
  for (const [name, entry] of Object.entries(entries))
    console.log(
      `${name}: ${entry.value} ${entry.unit} (target ${entry.target}) ${entry.pass ? 'PASS' : 'FAIL'}`,
    );
}

if (require.main === module) {
  const measuring = process.argv.indexOf('--measure');
  const work =
    measuring >= 0
      ? measureHere(process.argv[measuring + 1], new Date(process.argv[measuring + 2]))
      : standalone();
  work
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
