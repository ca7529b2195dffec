import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Member } from '../members/member.entity';
import { TierChange } from './tier-change.entity';
import { TierChangedHooks } from './tier-changed.hooks';
import { TierChangesResolver } from './tier-changes.resolver';
import { TierEvaluationJob } from './tier-evaluation.job';
import { Tier } from './tier.entity';
import { TiersResolver } from './tiers.resolver';
import { TiersService } from './tiers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Tier, TierChange, Member])],
  providers: [TiersService, TiersResolver, TierChangesResolver, TierEvaluationJob, TierChangedHooks],
  exports: [TiersService, TierChangedHooks],
})
export class TiersModule {}
