/**
 * write.recordTransaction.tps / .ratio and write.replay.addedRows: `recordTransaction` over HTTP
 * with an API key (the DMS path) at concurrency 16 with new externalRefs; the baseline sends the
 * statements the app was seen to send for one transaction directly with mysql2 (lib/write-baseline.ts).
 * Both sides are warmed up, then measured in alternating rounds, as the read benchmark does: a cold
 * app (JIT, buffer pool) ran 20–30% slower than a warm one, and the baseline, measured after it,
 * found the pages the app had loaded. Then 10,000 already-recorded transactions are pushed again,
 * which must add no row anywhere.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_ADMIN, startAppServer, stopChild, typescriptChildArgs } from './lib/app-process';
import { countRows, queryOnce, randomIds } from './lib/database';
import { authHeaders, gql, login } from './lib/gql-client';
import { interleaved, measured } from './lib/interleave';
import { assertClean, LoadResult, runLoad } from './lib/load';
import type { BenchContext, BenchEntries } from './lib/types';
import type { BaselineRound, BaselineRoundResult, BaselineSetup } from './lib/write-baseline';
import { replayPlan } from './lib/write-replay';

const TARGET_TPS = 500;
const TARGET_RATIO = 0.5;
const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_WRITE_SECONDS || 16);
const ROUNDS = 4;
/** Untimed load on each side first: JIT, pool connections and the sampled members' buffer pool pages. */
const WARM_UP_SECONDS = 8;
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

/** The baseline child (lib/write-baseline.ts), set up once, then asked for one timed round at a time. */
async function startBaseline(setup: BaselineSetup) {
  const ts = typescriptChildArgs();
  const child = fork(join(__dirname, 'lib', 'write-baseline.ts'), [], {
    execArgv: ts.execArgv,
    env: { ...process.env, ...ts.env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answer = <T>(message: object) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`Write baseline exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (reply: T & { error?: string }) => {
        child.off('exit', onExit);
        if (reply.error) reject(new Error(`Write baseline failed: ${reply.error}`));
        else resolve(reply);
      });
      child.send(message);
    });
  await answer({ setup });
  return {
    round: async (round: BaselineRound) => (await answer<{ result: BaselineRoundResult }>({ round })).result,
    stop: () => stopChild(child),
  };
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
    ctx.log(`  recordTransaction sends ${captured.length} statements; ${WARM_UP_SECONDS} s warm-up, then ${ROUNDS} alternating rounds, ${SECONDS} s each side at concurrency ${CONCURRENCY}`);
    // BENCH_VERBOSE=1 lists them: what a change to the write path added or saved.
    if (process.env.BENCH_VERBOSE) for (const { sql } of captured) ctx.log(`    ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);

    // Each round has its own reference prefix and, like the baseline's, walks the member sample from its start.
    const refPrefix = (round: number) => `DMS-${runId}-${round}-`;
    const push = (prefix: string, plan: { durationSeconds?: number; amount?: number; start?: number }): Promise<LoadResult> =>
      runLoad({
        url: `${app.url}/graphql`,
        connections: CONCURRENCY,
        headers: authHeaders({ apiKey }),
        bodyTemplate: JSON.stringify({ query: RECORD_TRANSACTION, variables: { input: input(dealershipId, `${prefix}__N__`, '__ITEM__') } }),
        items: members,
        order: 'sequence',
        ...plan,
      });

    const baseline = await startBaseline({ databaseUrl: ctx.databaseUrl, plan, members, concurrency: CONCURRENCY });
    const appCpu = { micros: 0 };
    const baselineCpu = { micros: 0 };
    let results: { app: LoadResult; baseline: LoadResult };
    let firstRoundRequests = 0;
    try {
      assertClean('recordTransaction warm-up', await push(`WARM-${runId}-`, { durationSeconds: WARM_UP_SECONDS }));
      await baseline.round({ seconds: WARM_UP_SECONDS, refPrefix: `BASE-WARM-${runId}-` });
      let appRound = 0;
      let baselineRound = 0;
      results = await interleaved(ROUNDS, {
        app: () =>
          measured(app, appCpu, async () => {
            const round = appRound++;
            const result = await push(refPrefix(round), { durationSeconds: SECONDS / ROUNDS });
            if (round === 0) firstRoundRequests = result.requests;
            return result;
          }),
        baseline: async () => {
          const result = await baseline.round({ seconds: SECONDS / ROUNDS, refPrefix: `BASE-${runId}-${baselineRound++}-` });
          baselineCpu.micros += result.cpuMicros;
          return result;
        },
      });
    } finally {
      await baseline.stop();
    }
    const recorded = results.app;
    assertClean('recordTransaction', recorded);
    // The replays push the first round's references 0 … REPLAYS-1: it recorded the lowest, the rest are
    // recorded now (any that already existed are replays, and harmless).
    if (firstRoundRequests < REPLAYS) {
      assertClean('recordTransaction top-up', await push(refPrefix(0), { amount: REPLAYS - firstRoundRequests, start: firstRoundRequests }));
    }
    const baselineTps = results.baseline.requestsPerSecond;

    ctx.log(`  replaying ${REPLAYS.toLocaleString('en')} recorded transactions`);
    const tables = await allTables(ctx.databaseUrl);
    const before = await countRows(ctx.databaseUrl, tables);
    const replayed = await push(refPrefix(0), { amount: REPLAYS, start: 0 });
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
          baselineTransactions: results.baseline.requests,
          baselineP50Ms: results.baseline.latencyP50Ms,
          baselineP99Ms: results.baseline.latencyP99Ms,
          // CPU per transaction of each client process: the part of the gap that is the app's own work.
          appCpuMsPerTransaction: Number((appCpu.micros / 1000 / recorded.requests).toFixed(3)),
          baselineCpuMsPerTransaction: Number((baselineCpu.micros / 1000 / results.baseline.requests).toFixed(3)),
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
