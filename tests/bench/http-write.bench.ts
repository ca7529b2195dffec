/**
 * write.recordTransaction.tps / .ratio and write.replay.addedRows: `recordTransaction` over HTTP
 * with an API key (the DMS path) at concurrency 16 with new externalRefs; the baseline sends the
 * statements the app was seen to send for one transaction directly with mysql2 (lib/write-baseline.ts);
 * then 10,000 already-recorded transactions are pushed again, which must add no row anywhere.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_ADMIN, startAppServer, typescriptChildArgs } from './lib/app-process';
import { countRows, queryOnce, randomIds } from './lib/database';
import { authHeaders, gql, login } from './lib/gql-client';
import { assertClean, LoadResult, runLoad } from './lib/load';
import type { BenchContext, BenchEntries } from './lib/types';
import { replayPlan, ReplayPlan } from './lib/write-replay';

const TARGET_TPS = 500;
const TARGET_RATIO = 0.5;
const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS || 16);
const REPLAYS = Number(process.env.BENCH_REPLAYS || 10_000);
const SAMPLE_MEMBERS = 20_000;
/** Yesterday at 10:00 UTC: within the qualifying window, never in the future. */
const OCCURRED_AT = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) + 'T02:00:00.000Z';

export const RECORD_TRANSACTION =
  'mutation RecordTransaction($input: RecordTransactionInput!) { recordTransaction(input: $input) { id externalRef dealershipId memberId pointsEarned status } }';

function input(dealershipId: string, externalRef: string, memberId: string) {
  return { dealershipId, externalRef, memberId, type: 'MAINTENANCE', amount: 86_000, occurredAt: OCCURRED_AT };
}

async function allTables(url: string): Promise<string[]> {
  const rows = await queryOnce<{ name: string }>(
    url,
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  return rows.map((r) => r.name);
}

function runBaseline(job: { databaseUrl: string; plan: ReplayPlan; members: string[]; concurrency: number; seconds: number; refPrefix: string }) {
  const ts = typescriptChildArgs();
  const child = fork(join(__dirname, 'lib', 'write-baseline.ts'), [], {
    execArgv: ts.execArgv,
    env: { ...process.env, ...ts.env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<{ transactions: number; seconds: number; cpuMicros: number }>((resolve, reject) => {
    child.once('message', (message: { result?: { transactions: number; seconds: number; cpuMicros: number }; error?: string }) =>
      message.result ? resolve(message.result) : reject(new Error(`Write baseline failed: ${message.error}`)),
    );
    child.once('exit', (code) => code && reject(new Error(`Write baseline exited with ${code}`)));
    child.send(job);
  });
}

export async function run(ctx: BenchContext): Promise<BenchEntries> {
  const members = await randomIds(ctx.databaseUrl, 'member', SAMPLE_MEMBERS, "status = 'ACTIVE'");
  const runId = Date.now().toString(36).toUpperCase();
  const app = await startAppServer(ctx.databaseUrl);
  try {
    const token = await login(app.url, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const dealership = await gql<{ createDealership: { id: string } }>(
      app.url,
      'mutation($input: CreateDealershipInput!) { createDealership(input: $input) { id } }',
      { input: { code: `BENCH-${runId}`, name: `Benchmark store ${runId}` } },
      { token },
    );
    const dealershipId = dealership.createDealership.id;
    const client = await gql<{ createApiClient: { apiKey: string } }>(
      app.url,
      'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }',
      { input: { name: `DMS benchmark ${runId}`, scopes: ['transactions:write'] } },
      { token },
    );
    const apiKey = client.createApiClient.apiKey;

    // The statements of one transaction, for the baseline.
    await gql(app.url, RECORD_TRANSACTION, { input: input(dealershipId, `WARM-${runId}`, members[0]) }, { apiKey });
    const probeRef = `PROBE-${runId}`;
    // A member already in the top tier: a probe that upgraded its member would capture the upgrade's
    // statements too (tier change, benefit grants, notice), which the baseline cannot replay for others.
    const [topTierMember] = await randomIds(ctx.databaseUrl, 'member', 1, "status = 'ACTIVE' AND tierId = (SELECT id FROM tier ORDER BY `rank` DESC LIMIT 1)");
    const probeMember = topTierMember ?? members[1];
    const captured = await app.capture(() => gql(app.url, RECORD_TRANSACTION, { input: input(dealershipId, probeRef, probeMember) }, { apiKey }));
    const plan = replayPlan(captured, probeRef, probeMember);
    ctx.log(`  recordTransaction sends ${captured.length} statements; ${SECONDS} s at concurrency ${CONCURRENCY}`);
    // BENCH_VERBOSE=1 lists them: what a change to the write path added or saved.
    if (process.env.BENCH_VERBOSE) for (const { sql } of captured) ctx.log(`    ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);

    const refPrefix = `DMS-${runId}-`;
    const body = JSON.stringify({ query: RECORD_TRANSACTION, variables: { input: input(dealershipId, `${refPrefix}__N__`, '__ITEM__') } });
    const push = (plan: { durationSeconds?: number; amount?: number; start?: number }): Promise<LoadResult> =>
      runLoad({ url: `${app.url}/graphql`, connections: CONCURRENCY, headers: authHeaders({ apiKey }), bodyTemplate: body, items: members, order: 'sequence', ...plan });

    const cpuBefore = await app.cpuMicros();
    const recorded = await push({ durationSeconds: SECONDS });
    const appCpuMicros = (await app.cpuMicros()) - cpuBefore;
    assertClean('recordTransaction', recorded);
    // Make sure references 0 … REPLAYS-1 all exist (any that did exist are replays, and harmless).
    if (recorded.requests < REPLAYS) assertClean('recordTransaction top-up', await push({ amount: REPLAYS - recorded.requests, start: recorded.requests }));

    ctx.log('  baseline: the same statements with mysql2');
    const baseline = await runBaseline({ databaseUrl: ctx.databaseUrl, plan, members, concurrency: CONCURRENCY, seconds: SECONDS, refPrefix: `BASE-${runId}-` });
    const baselineTps = baseline.transactions / baseline.seconds;

    ctx.log(`  replaying ${REPLAYS.toLocaleString('en')} recorded transactions`);
    const tables = await allTables(ctx.databaseUrl);
    const before = await countRows(ctx.databaseUrl, tables);
    const replayed = await push({ amount: REPLAYS, start: 0 });
    assertClean('replay', replayed);
    const after = await countRows(ctx.databaseUrl, tables);
    const added = tables.reduce((sum, t) => sum + (after[t] - before[t]), 0);
    const grown = tables.filter((t) => after[t] !== before[t]).map((t) => `${t} +${after[t] - before[t]}`);

    const tps = recorded.requestsPerSecond;
    const ratio = tps / baselineTps;
    return {
      'write.recordTransaction.tps': {
        value: Math.round(tps),
        unit: 'transactions/s',
        target: TARGET_TPS,
        pass: tps >= TARGET_TPS,
        details: { p50Ms: recorded.latencyP50Ms, p99Ms: recorded.latencyP99Ms, transactions: recorded.requests, concurrency: CONCURRENCY, statements: captured.length },
      },
      'write.recordTransaction.ratio': {
        value: Number(ratio.toFixed(3)),
        unit: 'ratio',
        target: TARGET_RATIO,
        pass: ratio >= TARGET_RATIO,
        baseline: Math.round(baselineTps),
        details: {
          appTps: Math.round(tps),
          baselineTps: Math.round(baselineTps),
          baselineTransactions: baseline.transactions,
          // CPU per transaction of each client process: the part of the gap that is the app's own work.
          appCpuMsPerTransaction: Number((appCpuMicros / 1000 / recorded.requests).toFixed(3)),
          baselineCpuMsPerTransaction: Number((baseline.cpuMicros / 1000 / baseline.transactions).toFixed(3)),
        },
      },
      'write.replay.addedRows': {
        value: added,
        unit: 'rows',
        target: 0,
        pass: added === 0,
        details: { replayed: replayed.requests, replaysPerSecond: Math.round(replayed.requestsPerSecond), tablesCounted: tables.length, ...(grown.length ? { grown: grown.join(', ') } : {}) },
      },
    };
  } finally {
    await app.stop();
  }
}
