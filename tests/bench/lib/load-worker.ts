/**
 * Child-process entry that runs autocannon against one URL, so the load generator does not share
 * an event loop with the server it measures (nor with the runner). Receives a LoadPlan over IPC and
 * answers with a LoadResult; see load.ts.
 */
import autocannon from 'autocannon';
import type { LoadPlan, LoadResult } from './load';

function bodyFor(plan: LoadPlan, index: number): string {
  const item = plan.items.length ? plan.items[index % plan.items.length] : '';
  return plan.bodyTemplate.replaceAll('__N__', String(index)).replaceAll('__ITEM__', item);
}

function run(plan: LoadPlan): Promise<LoadResult> {
  let next = plan.start ?? 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationSeconds }),
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: plan.headers,
            setupRequest: (request: Record<string, unknown>) => {
              const index = plan.order === 'random' ? Math.floor(Math.random() * Math.max(1, plan.items.length)) : next++;
              return { ...request, body: bodyFor(plan, index) };
            },
            onResponse: (status: number, body: string) => {
              // A GraphQL error still answers 200: count it, or a broken run would look fast.
              if (status !== 200 || body.includes('"errors"')) {
                graphqlErrors++;
                firstError ??= body.slice(0, 500);
              }
            },
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          seconds: result.duration,
          requestsPerSecond: result.requests.total / result.duration,
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          graphqlErrors,
          firstError,
        });
      },
    );
  });
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.message }, () => process.exit(1)),
  );
});
