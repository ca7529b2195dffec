/** Writes the GraphQL schema the API serves to schema/schema.graphql (`npm run schema`). */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { repoRoot } from '../common/paths';
import { printSchemaFile } from '../common/schema-printer';

async function main() {
  const config = loadConfig({ ...process.env, DATABASE_URL: 'sqlite::memory:', DEMO_DATA: 'false', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent', JWT_SECRET: 'x', DATA_ENCRYPTION_KEY: '0'.repeat(64) });
  const app = await createApp(config);
  const file = join(repoRoot(), 'schema', 'schema.graphql');
  writeFileSync(file, printSchemaFile(app.get(GraphQLSchemaHost).schema));
  await app.close();
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
