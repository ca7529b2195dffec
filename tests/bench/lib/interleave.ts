import type { ChildServer } from './app-process';
import { LoadResult } from './load';

/**
 * Runs the measured system and its baseline in alternating rounds (A B B A …), so that a change in
 * the machine's background load during the run — 2 shared cores here — falls on both alike.
 */
export async function interleaved(
  rounds: number,
  measure: { app: () => Promise<LoadResult>; baseline: () => Promise<LoadResult> },
): Promise<{ app: LoadResult; baseline: LoadResult }> {
  const app: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const which of order) (which === 'app' ? app : baseline).push(await measure[which]());
  }
  return { app: combine(app), baseline: combine(baseline) };
}

/** Sums the rounds; latency percentiles are the request-weighted mean of the rounds' percentiles. */
export function combine(results: LoadResult[]): LoadResult {
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const weighted = (pick: (r: LoadResult) => number) =>
    Math.round(results.reduce((sum, r) => sum + pick(r) * r.requests, 0) / Math.max(1, requests));
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    latencyP50Ms: weighted((r) => r.latencyP50Ms),
    latencyP99Ms: weighted((r) => r.latencyP99Ms),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    graphqlErrors: results.reduce((sum, r) => sum + r.graphqlErrors, 0),
    firstError: results.find((r) => r.firstError)?.firstError,
  };
}

/** Runs a load against a server, adding the CPU time the server spent on it to `cpu.micros`. */
export async function measured(server: Pick<ChildServer, 'cpuMicros'>, cpu: { micros: number }, work: () => Promise<LoadResult>): Promise<LoadResult> {
  const before = await server.cpuMicros();
  const result = await work();
  cpu.micros += (await server.cpuMicros()) - before;
  return result;
}
