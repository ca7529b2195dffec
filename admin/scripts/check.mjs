#!/usr/bin/env node
// Checks the built admin placeholder: admin/dist/index.html exists, carries the title, links to
// /graphql, and loads nothing from the network. Run after the build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.html');
const failures = [];
if (!existsSync(file)) {
  failures.push(`${file} does not exist; run the admin build first`);
} else {
  const html = readFileSync(file, 'utf8');
  if (!html.includes('<title>Dealer Loyalty 管理后台</title>')) failures.push('title is missing');
  if (!html.includes('href="/graphql"')) failures.push('link to /graphql is missing');
  if (/(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html)) failures.push('page loads an external resource');
}
if (failures.length) {
  for (const f of failures) console.error(`admin check: ${f}`);
  process.exit(1);
}
console.log('admin check: dist/index.html ok');
