import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root (where nx.json is), found from this file whether run from src or dist. */
export function repoRoot(): string {
  let dir = __dirname;
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}
