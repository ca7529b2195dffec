/**
 * The write benchmark's baseline: the statements the app sent for one `recordTransaction`
 * (captured in the same run), sent directly with mysql2 for new transactions at the same
 * concurrency, through a pool of the app's size, each transaction on one connection as the app
 * does. Child process of http-write.bench.ts (its startBaseline): set up once, then runs one timed
 * round per message on the same pool, so that its rounds alternate with the app's.
 */
import { createPool, Pool } from 'mysql2/promise';
import type { LoadResult } from './load';
import { instantiate, ReplayPlan } from './write-replay';

export interface BaselineSetup {
  databaseUrl: string;
  plan: ReplayPlan;
  members: string[];
  concurrency: number;
}

export interface BaselineRound {
  seconds: number;
  /** externalRef prefix of this round's transactions (new references in every round). */
  refPrefix: string;
}

export type BaselineRoundResult = LoadResult & { cpuMicros: number };

let setup: BaselineSetup;
let pool: Pool;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0;
}

async function runRound(round: BaselineRound): Promise<BaselineRoundResult> {
  const cpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + round.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const index = next++;
      // Every round walks the member sample from its start, as each of the app's rounds does.
      const statements = instantiate(setup.plan, `${round.refPrefix}${index}`, setup.members[index % setup.members.length]);
      const began = performance.now();
      const connection = await pool.getConnection();
      try {
        for (const { sql, parameters } of statements) await connection.query(sql, parameters);
      } finally {
        connection.release();
      }
      latencies.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: setup.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    latencyP50Ms: Math.round(percentile(latencies, 50)),
    latencyP99Ms: Math.round(percentile(latencies, 99)),
    errors: 0,
    non2xx: 0,
    graphqlErrors: 0,
    cpuMicros: cpu.user + cpu.system,
  };
}

function start(job: BaselineSetup): void {
  setup = job;
  pool = createPool({
    uri: job.databaseUrl.replace(/^mariadb:/, 'mysql:'),
    connectionLimit: Number(process.env.DATABASE_POOL_SIZE || 10),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
  });
  // The app's session settings (database/mysql-utc-driver).
  pool.pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'");
    connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  });
}

process.on('message', (message: { setup?: BaselineSetup; round?: BaselineRound; stop?: true }) => {
  if (message.setup) {
    start(message.setup);
    process.send!({ ready: true });
  } else if (message.round) {
    runRound(message.round).then(
      (result) => process.send!({ result }),
      (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
    );
  } else if (message.stop) {
    void (pool?.end() ?? Promise.resolve()).finally(() => process.exit(0));
  }
});
