#!/usr/bin/env node
// Builds the admin placeholder: writes admin/dist/index.html. No dependencies, no network.
// The backend serves admin/dist at /admin. This page is replaced by the react-admin app later.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const html = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Dealer Loyalty 管理后台</title>
    <style>
      :root { color-scheme: light dark; }
      body {
        margin: 0;
        font-family: system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif;
        line-height: 1.6;
      }
      main { max-width: 40rem; margin: 4rem auto; padding: 0 1.5rem; }
      h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
      .sub { opacity: 0.7; margin-top: 0; }
      code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      footer { margin-top: 3rem; font-size: 0.85rem; opacity: 0.6; }
    </style>
  </head>
  <body>
    <main>
      <h1>Dealer Loyalty 管理后台</h1>
      <p class="sub">Admin panel · 会员与积分管理平台</p>
      <p>
        管理后台由本服务在 <code>/admin</code> 提供。图形化管理界面尚未构建，当前页面只是占位页。
      </p>
      <p>
        The admin panel is served here, at <code>/admin</code>. Its user interface has not been built
        yet; this page is a placeholder.
      </p>
      <ul>
        <li><a href="/graphql">GraphQL API</a> — <code>/graphql</code></li>
        <li><a href="/health">Health check</a> — <code>/health</code></li>
      </ul>
      <footer>@dealer-loyalty/admin ${version}</footer>
    </main>
  </body>
</html>
`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'index.html'), html);
console.log(`admin: wrote ${join('admin', 'dist', 'index.html')}`);
