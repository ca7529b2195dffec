import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { Referral } from './referral.entity';
import { ReferralsResolver } from './referrals.resolver';
import { ReferralsService } from './referrals.service';

/** Referrals (推荐有礼): listens to registrations, activations and purchases; rewards referrers. */
@Module({
  imports: [TypeOrmModule.forFeature([Referral]), MembersModule, TransactionsModule],
  providers: [ReferralsService, ReferralsResolver],
  exports: [ReferralsService],
})
export class ReferralsModule {}
