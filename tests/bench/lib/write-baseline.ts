/**
 * The write benchmark's baseline: the statements the app sent for one `recordTransaction`
 * (captured in the same run), sent directly with mysql2 for new transactions at the same
 * concurrency, through a pool of the app's size, each transaction on one connection as the app
 * does. Child process of http-write.bench.ts: receives its job over IPC, answers with the count.
 */
import { createPool } from 'mysql2/promise';
import { instantiate, ReplayPlan } from './write-replay';

interface BaselineJob {
  databaseUrl: string;
  plan: ReplayPlan;
  members: string[];
  concurrency: number;
  seconds: number;
  refPrefix: string;
}

async function run(job: BaselineJob): Promise<{ transactions: number; seconds: number; cpuMicros: number }> {
  const cpuBefore = process.cpuUsage();
  const pool = createPool({
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
  let next = 0;
  let done = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const index = next++;
      const statements = instantiate(job.plan, `${job.refPrefix}${index}`, job.members[index % job.members.length]);
      const connection = await pool.getConnection();
      try {
        for (const { sql, parameters } of statements) await connection.query(sql, parameters);
      } finally {
        connection.release();
      }
      done++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.end();
  return { transactions: done, seconds, cpuMicros: cpu.user + cpu.system };
}

process.once('message', (job: BaselineJob) => {
  run(job).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
  );
});
