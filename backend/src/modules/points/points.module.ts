import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BirthdayRewardsJob } from './birthday-rewards.job';
import { EarningRules } from './earning-rules';
import { PointsEntry } from './points-entry.entity';
import { PointsExpiryJob } from './points-expiry.job';
import { PointsLedgerService } from './points-ledger.service';
import { PointsLot } from './points-lot.entity';
import { PointsResolver } from './points.resolver';
import { PointsService } from './points.service';

/** The points ledger; global because transactions, activities, referrals and jobs all post to it. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PointsEntry, PointsLot])],
  providers: [PointsLedgerService, PointsService, PointsResolver, EarningRules, PointsExpiryJob, BirthdayRewardsJob],
  exports: [PointsLedgerService, PointsService, EarningRules],
})
export class PointsModule {}
