import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { InsightsResolver, TierCountResolver } from './insights.resolver';
import { InsightsService } from './insights.service';

/** The managers' KPI dashboard, read with grouped SQL from the other modules' tables. */
@Module({
  imports: [ReportsModule],
  providers: [InsightsService, InsightsResolver, TierCountResolver],
})
export class InsightsModule {}
