/**
 * read.member.ratio: `member(id)` with tier and home dealership over HTTP at 32 connections for
 * 20 s, as requests per second relative to a plain node:http + mysql2 server sending the same
 * statements to the same database in the same run (lib/read-baseline-server.ts). Each server runs
 * in its own process, the load generator in a third; the two are measured in alternating rounds.
 */
import { join } from 'node:path';
import { BENCH_ADMIN, benchAppEnv, childServer, forkServer, startAppServer } from './lib/app-process';
import { queryOnce, randomIds } from './lib/database';
import { authHeaders, gql, login } from './lib/gql-client';
import { interleaved, measured } from './lib/interleave';
import { assertClean, LoadResult, runLoad } from './lib/load';
import { readStatementsFrom } from './lib/read-statements';
import type { BenchContext, BenchEntries } from './lib/types';

const TARGET_RATIO = 0.35;
const CONNECTIONS = 32;
const DURATION_SECONDS = Number(process.env.BENCH_READ_SECONDS || 20);
const ROUNDS = 4;
const WARM_UP_SECONDS = 3;
const SAMPLE_IDS = 20_000;

export const MEMBER_QUERY =
  'query Member($id: ID!) { member(id: $id) { id memberNo name tier { id name } homeDealership { id name } } }';

/** `member(id)` over random sampled ids. */
function load(url: string, token: string, ids: string[], seconds: number): Promise<LoadResult> {
  return runLoad({
    url,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    headers: authHeaders({ token }),
    bodyTemplate: JSON.stringify({ query: MEMBER_QUERY, variables: { id: '__ITEM__' } }),
    items: ids,
    order: 'random',
  });
}

export async function run(ctx: BenchContext): Promise<BenchEntries> {
  const ids = await randomIds(ctx.databaseUrl, 'member', SAMPLE_IDS);
  const [withDealership] = await queryOnce<{ id: string }>(
    ctx.databaseUrl,
    'SELECT id FROM member WHERE homeDealershipId IS NOT NULL LIMIT 1',
  );
  const app = await startAppServer(ctx.databaseUrl);
  try {
    const token = await login(app.url, BENCH_ADMIN.username, BENCH_ADMIN.password);
    // The statements of one request, from a member with a home dealership where there is one.
    const probeId = withDealership?.id ?? ids[0];
    await gql(app.url, MEMBER_QUERY, { id: probeId }, { token });
    const captured = await app.capture(() => gql(app.url, MEMBER_QUERY, { id: probeId }, { token }));
    const statements = readStatementsFrom(captured);

    const forked = await forkServer(join(__dirname, 'lib', 'read-baseline-server.ts'), {
      ...benchAppEnv(ctx.databaseUrl),
      BASELINE_STATEMENTS: JSON.stringify(statements),
    });
    const baseline = childServer(forked.child, forked.port);
    try {
      const appUrl = `${app.url}/graphql`;
      const baselineUrl = `${baseline.url}/graphql`;
      ctx.log(`  member(id) sends ${captured.length} statements; ${ROUNDS} alternating rounds, ${DURATION_SECONDS} s each side`);
      // Warm-up: JIT, pool connections and the buffer pool pages of the sampled members.
      await load(appUrl, token, ids, WARM_UP_SECONDS);
      await load(baselineUrl, token, ids, WARM_UP_SECONDS);
      const seconds = DURATION_SECONDS / ROUNDS;
      // CPU per request is the contention-proof view: what each server spends, whatever else runs.
      const appCpu = { micros: 0 };
      const baselineCpu = { micros: 0 };
      const results = await interleaved(ROUNDS, {
        app: () => measured(app, appCpu, () => load(appUrl, token, ids, seconds)),
        baseline: () => measured(baseline, baselineCpu, () => load(baselineUrl, token, ids, seconds)),
      });
      assertClean('app member(id)', results.app);
      assertClean('baseline member(id)', results.baseline);
      const ratio = results.app.requestsPerSecond / results.baseline.requestsPerSecond;
      return {
        'read.member.ratio': {
          value: Number(ratio.toFixed(3)),
          unit: 'ratio',
          target: TARGET_RATIO,
          pass: ratio >= TARGET_RATIO,
          baseline: Math.round(results.baseline.requestsPerSecond),
          details: {
            appRps: Math.round(results.app.requestsPerSecond),
            appP50Ms: results.app.latencyP50Ms,
            appP99Ms: results.app.latencyP99Ms,
            baselineRps: Math.round(results.baseline.requestsPerSecond),
            baselineP50Ms: results.baseline.latencyP50Ms,
            baselineP99Ms: results.baseline.latencyP99Ms,
            appCpuMsPerRequest: Number((appCpu.micros / 1000 / results.app.requests).toFixed(3)),
            baselineCpuMsPerRequest: Number((baselineCpu.micros / 1000 / results.baseline.requests).toFixed(3)),
            statements: captured.length,
            connections: CONNECTIONS,
          },
        },
      };
    } finally {
      await baseline.stop();
    }
  } finally {
    await app.stop();
  }
}
