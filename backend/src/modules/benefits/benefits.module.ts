import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { TiersModule } from '../tiers/tiers.module';
import { BenefitCode } from './benefit-code.entity';
import { MemberBenefitsResolver, TierBenefitsResolver } from './benefit-fields.resolver';
import { BenefitGrantsJob } from './benefit-grants.job';
import { BenefitRedemption } from './benefit-redemption.entity';
import { Benefit } from './benefit.entity';
import { BenefitsResolver } from './benefits.resolver';
import { BenefitsService } from './benefits.service';
import { EntitlementsResolver } from './entitlements.resolver';
import { EntitlementsService } from './entitlements.service';
import { MemberBenefit } from './member-benefit.entity';
import { RedemptionsResolver } from './redemptions.resolver';
import { RedemptionsService } from './redemptions.service';

/**
 * Benefits (权益): definitions per tier, members' entitlements (granted on entering a tier, renewed
 * by the BENEFIT_GRANTS job), and their redemption (核销) at a store.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Benefit, MemberBenefit, BenefitRedemption, BenefitCode]),
    TiersModule,
    MembersModule,
  ],
  providers: [
    BenefitsService,
    EntitlementsService,
    RedemptionsService,
    BenefitsResolver,
    EntitlementsResolver,
    RedemptionsResolver,
    TierBenefitsResolver,
    MemberBenefitsResolver,
    BenefitGrantsJob,
  ],
  exports: [BenefitsService, EntitlementsService, RedemptionsService],
})
export class BenefitsModule {}
