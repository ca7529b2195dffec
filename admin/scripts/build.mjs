#!/usr/bin/env node
// Builds the admin with vite into admin/dist (served by the backend at /admin), then measures the
// initial JavaScript (gzip), prints it, writes dist/build-stats.json and fails above the budget.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { measureBuild } from './initial-js.mjs';

const LIMIT_KB = 700;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

await build({ root, configFile: join(root, 'vite.config.mts'), logLevel: 'warn' });

const stats = measureBuild(dist);
writeFileSync(join(dist, 'build-stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `admin: initial JS ${kb(stats.initialJsGzipBytes)} KB gzip (limit ${LIMIT_KB} KB) in ${stats.initialJsFiles.length} file(s); ` +
    `all JS ${kb(stats.totalJsGzipBytes)} KB gzip`,
);
if (stats.initialJsGzipBytes > LIMIT_KB * 1024) {
  console.error(`admin: the initial JavaScript exceeds ${LIMIT_KB} KB gzip`);
  process.exit(1);
}
