import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { CapturedStatement } from './statement-recorder';

/** Secrets and settings of every benchmark app: production-like, schedules off, rate limits out of the way. */
export const BENCH_ADMIN = { username: 'bench.admin', password: 'Bench12345' };

export function benchAppEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const unlimited = '100000000';
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY: '44'.repeat(32),
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    DEMO_DATA: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
    RATE_LIMIT_ANONYMOUS: unlimited,
    RATE_LIMIT_STAFF: unlimited,
    RATE_LIMIT_MEMBER: unlimited,
    RATE_LIMIT_API_KEY: unlimited,
    RATE_LIMIT_LOGIN: unlimited,
    PORT: '0',
  };
}

/** Node flags that let a child run TypeScript sources, as `npm run bench` itself does. */
export function typescriptChildArgs(): { execArgv: string[]; env: NodeJS.ProcessEnv } {
  return {
    execArgv: ['-r', '@swc-node/register', ...(process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { SWC_NODE_PROJECT: join(__dirname, '..', '..', '..', 'backend', 'tsconfig.json') },
  };
}

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** CPU time the server process has used so far (user + system), in microseconds. */
  cpuMicros(): Promise<number>;
}

export interface AppServer extends ChildServer {
  /** The statements the app sends to the database while `work` runs (transaction control included). */
  capture(work: () => Promise<unknown>): Promise<CapturedStatement[]>;
}

/** Forks a child that reports `{ ready: port }`, and waits for it. */
export function forkServer(script: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<{ child: ChildProcess; port: number }> {
  const ts = typescriptChildArgs();
  const child = fork(script, [], {
    execArgv: ts.execArgv,
    env: { ...env, ...ts.env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${script} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready`));
    };
    child.once('exit', onExit);
    child.on('message', function ready(message: { ready?: number }) {
      if (message.ready === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('message', ready);
      resolve({ child, port: message.ready });
    });
  });
}

/** Sends `message` to a child and resolves with the `key` of its first answer that has one. */
export function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise<T>((resolve) => {
    child.on('message', function reply(answer: Record<string, unknown>) {
      if (!(key in answer)) return;
      child.off('message', reply);
      resolve(answer[key] as T);
    });
    child.send(message);
  });
}

/** A forked server (see forkServer) as a ChildServer. */
export function childServer(child: ChildProcess, port: number): ChildServer {
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => stopChild(child),
    cpuMicros: () => ask<number>(child, { cpu: true }, 'cpuMicros'),
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ stop: true });
  });
}

/** The real API in its own process over `databaseUrl`. */
export async function startAppServer(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<AppServer> {
  const { child, port } = await forkServer(join(__dirname, 'app-server.ts'), { ...benchAppEnv(databaseUrl), ...env });
  const request = <T>(message: object, key: string) => ask<T>(child, message, key);
  return {
    ...childServer(child, port),
    async capture(work) {
      await request({ capture: 'start' }, 'capturing');
      const failure = await work().then(
        () => undefined,
        (error: unknown) => error,
      );
      const captured = await request<CapturedStatement[]>({ capture: 'stop' }, 'captured');
      if (failure) throw failure;
      return captured;
    },
  };
}
