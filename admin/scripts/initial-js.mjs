// What the browser loads before any lazy route: the entry module of dist/index.html and the chunks
// vite lists as <link rel="modulepreload"> (the entry's static imports), gzip-measured.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Paths under dist of the scripts index.html loads up front, in document order. */
export function initialScripts(html, base = '/admin/') {
  const urls = [];
  const tag = /<(script|link)\b[^>]*>/g;
  for (const [element, name] of html.matchAll(tag)) {
    const isEntry = name === 'script' && /type="module"/.test(element);
    const isPreload = name === 'link' && /rel="modulepreload"/.test(element);
    const url = /(?:src|href)="([^"]+)"/.exec(element)?.[1];
    if ((isEntry || isPreload) && url)
      urls.push(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  }
  return [...new Set(urls)];
}

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsFiles(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Sizes of the built admin: the initial JavaScript and all JavaScript, gzip bytes. */
export function measureBuild(dist) {
  const files = initialScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
  return {
    initialJsGzipBytes: files.reduce((sum, file) => sum + gzipBytes(join(dist, file)), 0),
    initialJsFiles: files,
    totalJsGzipBytes: jsFiles(dist).reduce((sum, file) => sum + gzipBytes(file), 0),
  };
}
