import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { requestContextMiddleware } from './common/context/request-context.middleware';
import { installSqliteTransactionLock } from './common/database/sqlite-transaction-lock';
import { hardenHttp } from './common/security';
import { AppConfig } from './config/app-config';
import { runMigrations } from './database/run-migrations';
import { SeedService } from './modules/seeding/seed.service';

/**
 * Builds the application exactly as it serves: migrations run, the default programme seeded (and
 * demo data when asked), the bootstrap admin created. Used by `main`, the tests and the scripts.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  if (config.database.kind === 'sqlite') {
    const { BetterSqlite3QueryRunner } = await import('typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner');
    installSqliteTransactionLock(BetterSqlite3QueryRunner.prototype as never);
  }
  // The JSON body parser is installed by hardenHttp, with the configured size limit.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(requestContextMiddleware);
  app.enableShutdownHooks();
  hardenHttp(app, config.security);

  await runMigrations(app.get(DataSource));
  // Modules register their earning rules, hooks and jobs in onModuleInit: seed data (the demo's year
  // of business) must go through the same rules as live requests, so the app is initialised first.
  await app.init();
  await app.get(SeedService).seed({ demoData: config.demoData, adminUsername: config.adminUsername, adminPassword: config.adminPassword });
  return app;
}
