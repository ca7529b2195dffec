/**
 * admin.initialJsKB: the gzip size of the JavaScript the admin panel loads before its first screen,
 * from `admin/dist/build-stats.json` (written by the admin build), building the admin first when
 * the file is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchEntries } from './lib/types';

const TARGET_KB = 700;
const STATS = join(__dirname, '..', '..', 'admin', 'dist', 'build-stats.json');

export async function run(ctx: BenchContext): Promise<BenchEntries> {
  if (!existsSync(STATS)) {
    ctx.log('  admin/dist/build-stats.json is missing: building the admin (npx nx build admin)');
    const build = spawnSync('npx', ['nx', 'build', 'admin', '--skip-nx-cache'], {
      cwd: join(__dirname, '..', '..'),
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    });
    if (build.status !== 0) throw new Error(`The admin build failed (exit ${build.status ?? build.signal})`);
  }
  const stats = JSON.parse(readFileSync(STATS, 'utf8')) as { initialJsGzipBytes?: unknown };
  if (typeof stats.initialJsGzipBytes !== 'number') throw new Error(`${STATS} has no numeric initialJsGzipBytes`);
  const kb = stats.initialJsGzipBytes / 1024;
  return {
    'admin.initialJsKB': {
      value: Number(kb.toFixed(1)),
      unit: 'KB (gzip)',
      target: TARGET_KB,
      pass: kb <= TARGET_KB,
      details: { initialJsGzipBytes: stats.initialJsGzipBytes },
    },
  };
}
