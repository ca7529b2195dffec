import { Controller, Get, Header } from '@nestjs/common';

/** Answers /admin when the admin panel has not been built (e.g. in tests run straight from source). */
@Controller('admin')
export class AdminController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Dealer Loyalty 管理后台</title></head>
<body><h1>Dealer Loyalty 管理后台</h1><p>The admin panel has not been built yet: run <code>npm run build</code>.
The GraphQL API is at <a href="/graphql">/graphql</a>.</p></body></html>`;
  }
}
