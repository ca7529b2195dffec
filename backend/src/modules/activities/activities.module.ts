import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionsModule } from '../transactions/transactions.module';
import { ActivitiesResolver } from './activities.resolver';
import { ActivitiesService } from './activities.service';
import { ActivityEarning } from './activity-earning';
import { ActivityInsightsService } from './activity-insights.service';
import { ActivityLifecycleJob } from './activity-lifecycle.job';
import { ActivityParticipation } from './activity-participation.entity';
import { ActivityParticipationsResolver } from './activity-participations.resolver';
import { ActivityParticipationsService } from './activity-participations.service';
import { Activity } from './activity.entity';

/** Marketing activities (营销活动): configuration, lifecycle, earning bonuses, event sign-ups, stats. */
@Module({
  imports: [TypeOrmModule.forFeature([Activity, ActivityParticipation]), TransactionsModule],
  providers: [
    ActivitiesService,
    ActivityParticipationsService,
    ActivityInsightsService,
    ActivityEarning,
    ActivityLifecycleJob,
    ActivitiesResolver,
    ActivityParticipationsResolver,
  ],
  exports: [ActivitiesService, ActivityParticipationsService, ActivityInsightsService, ActivityLifecycleJob],
})
export class ActivitiesModule {}
