/**
 * A MariaDB server of the test's own (its data directory in a temp folder, its own port), so a test
 * can kill and restart it without touching the shared server other suites use.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((path) => existsSync(path));

/** Why a private server cannot run here, or null when it can. */
export function privateMariaDbUnavailable(): string | null {
  if (!/^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '')) return 'the suite runs on SQLite (no database server to restart)';
  if (!existsSync(MARIADBD) || !INSTALL_DB) return `${MARIADBD} or mariadb-install-db is not installed`;
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export class PrivateMariaDb {
  private process?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Server URL (no database). */
  get url() {
    return `mysql://root@127.0.0.1:${this.port}/`;
  }

  static async create(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(tmpdir(), 'dl-fault-mariadb-'));
    execFileSync(
      INSTALL_DB!,
      ['--no-defaults', `--datadir=${join(dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${process.env.USER ?? 'root'}`],
      { stdio: 'ignore' },
    );
    const server = new PrivateMariaDb(dir, await freePort());
    await server.start();
    return server;
  }

  /** Starts the server on its data directory and waits until it answers. */
  async start(): Promise<void> {
    this.process = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--socket=${join(this.dir, 'sock')}`,
        `--pid-file=${join(this.dir, 'pid')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--user=${process.env.USER ?? 'root'}`,
        '--skip-name-resolve',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
        // Committed means on disk: what a client saw acknowledged must survive a SIGKILL.
        '--innodb-flush-log-at-trx-commit=1',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await this.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** SIGKILL: no shutdown, no flush beyond what InnoDB already made durable. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async query(sql: string): Promise<unknown> {
    const admin = new DataSource({ type: 'mysql', url: this.url, connectTimeout: 2000 });
    await admin.initialize();
    try {
      return await admin.query(sql);
    } finally {
      await admin.destroy();
    }
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
