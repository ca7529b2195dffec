import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { loadConfig } from './config/app-config';
import { SeedService } from './modules/seeding/seed.service';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  const logger = new Logger('Dealer Loyalty');
  const lines = [
    `GraphQL API   ${base}/graphql`,
    `Admin panel   ${base}/admin`,
    `Health        ${base}/health`,
    `Database      ${config.database.kind === 'sqlite' ? config.database.sqliteFile : config.database.url.replace(/\/\/[^@]*@/, '//***@')}`,
    ...app.get(SeedService).loginHints(),
  ];
  // Printed plainly too, so the URLs and logins are readable among the JSON logs.
  console.log(`\nDealer Loyalty is running\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  logger.log(lines.join(' | '));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
