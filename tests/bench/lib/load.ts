import { fork } from 'node:child_process';
import { join } from 'node:path';
import { typescriptChildArgs } from './app-process';

/** One load run: POST bodies built from a template at a fixed concurrency. */
export interface LoadPlan {
  url: string;
  connections: number;
  /** Run for this long, unless `amount` is set. */
  durationSeconds?: number;
  /** Send exactly this many requests. */
  amount?: number;
  headers: Record<string, string>;
  /** The body; `__N__` becomes the request's index, `__ITEM__` the item at that index (modulo). */
  bodyTemplate: string;
  items: string[];
  /** `random`: each request picks an item at random; `sequence`: indices count up from `start`. */
  order: 'random' | 'sequence';
  start?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Responses that were not 200 or carried GraphQL `errors`. */
  graphqlErrors: number;
  firstError?: string;
}

/** Runs autocannon in a child process and returns its figures. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const ts = typescriptChildArgs();
  const child = fork(join(__dirname, 'load-worker.ts'), [], {
    execArgv: ts.execArgv,
    env: { ...process.env, ...ts.env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.once('message', (message: { result?: LoadResult; error?: string }) => {
      settled = true;
      if (message.result) resolve(message.result);
      else reject(new Error(`Load generator failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`Load generator exited with ${code}`));
    });
    child.send(plan);
  });
}

/** Fails loudly when a load run was not clean: figures from failing requests mean nothing. */
export function assertClean(label: string, result: LoadResult): void {
  if (result.errors || result.non2xx || result.graphqlErrors) {
    throw new Error(
      `${label}: ${result.errors} connection errors, ${result.non2xx} non-2xx, ${result.graphqlErrors} GraphQL errors; first: ${result.firstError ?? '-'}`,
    );
  }
}
