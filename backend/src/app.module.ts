import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from './common/common.module';
import { formatGraphqlError } from './common/errors/format-error';
import { complexityLimitPlugin, depthLimitRule, introspectionSwitchPlugin } from './common/graphql';
import { RateLimitModule } from './common/rate-limit';
import { repoRoot } from './common/paths';
import { InputValidationPipe } from './common/validation';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { ActivitiesModule } from './modules/activities/activities.module';
import { AdminModule } from './modules/admin/admin.module';
import { ApiClientsModule } from './modules/api-clients/api-clients.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BenefitsModule } from './modules/benefits/benefits.module';
import { DealershipsModule } from './modules/dealerships/dealerships.module';
import { FollowUpsModule } from './modules/follow-ups/follow-ups.module';
import { HealthModule } from './modules/health/health.module';
import { InsightsModule } from './modules/insights/insights.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { SeedingModule } from './modules/seeding/seeding.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { StaffModule } from './modules/staff/staff.module';
import { CardsModule } from './modules/cards/cards.module';
import { ComplaintsModule } from './modules/complaints/complaints.module';
import { ReportsModule } from './modules/reports/reports.module';
import { MembersModule } from './modules/members/members.module';
import { PointsModule } from './modules/points/points.module';
import { ProgrammeModule } from './modules/programme/programme.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { TiersModule } from './modules/tiers/tiers.module';
import { TransactionsModule } from './modules/transactions/transactions.module';
import { VehiclesModule } from './modules/vehicles/vehicles.module';
import { RemindersModule } from './modules/reminders/reminders.module';

/** The whole API, configured from an AppConfig so tests and scripts build it the same way as `main`. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const adminDist = join(repoRoot(), 'admin', 'dist');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
            redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.database)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          // Batches are capped at GRAPHQL_MAX_BATCH operations by hardenHttp, before GraphQL runs.
          allowBatchedHttpRequests: true,
          validationRules: [depthLimitRule(config.security.maxDepth)],
          plugins: [
            complexityLimitPlugin(config.security.maxComplexity),
            introspectionSwitchPlugin(config.security.apiKeyIntrospection),
            // No HTTP cache hints are set anywhere; Apollo's default cache-control plugin would still wrap every field resolver.
            ApolloServerPluginCacheControlDisabled(),
          ],
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphqlError,
        }),
        ScheduleModule.forRoot(),
        ...(existsSync(join(adminDist, 'index.html'))
          ? [ServeStaticModule.forRoot({ rootPath: adminDist, serveRoot: '/admin' })]
          : [AdminModule]),
        CommonModule,
        RateLimitModule,
        HealthModule,
        DealershipsModule,
        StaffModule,
        ApiClientsModule,
        AuthModule,
        AuditModule,
        NotificationsModule,
        JobsModule,
        SeedingModule,
        ProgrammeModule,
        PointsModule,
        TiersModule,
        VehiclesModule,
        RemindersModule,
        MembersModule,
        TransactionsModule,
        ActivitiesModule,
        CardsModule,
        BenefitsModule,
        ReportsModule,
        ReferralsModule,
        ComplaintsModule,
        FollowUpsModule,
        InsightsModule,
      ],
      providers: [{ provide: APP_PIPE, useClass: InputValidationPipe }],
    };
  }
}
