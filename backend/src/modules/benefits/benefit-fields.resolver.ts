import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../../common/dataloader';
import { Member } from '../members/member.entity';
import { Tier } from '../tiers/tier.entity';
import { Benefit } from './benefit.entity';
import { BenefitsService } from './benefits.service';
import { EntitlementsService } from './entitlements.service';
import { MemberBenefit } from './member-benefit.entity';

/** `Tier.benefits`, batched: one query for every tier on the page. */
@Resolver(() => Tier)
export class TierBenefitsResolver {
  constructor(
    private readonly service: BenefitsService,
    private readonly loaders: Loaders,
  ) {}

  @ResolveField(() => [Benefit], {
    description: 'The active benefits members of this tier receive, by code.',
  })
  benefits(@Parent() tier: Tier) {
    return this.loaders.batch('tierBenefits', tier.id, (tierIds) => this.service.activeForTiers(tierIds));
  }
}

/** `Member.benefits`, batched: one query for every member on the page. */
@Resolver(() => Member)
export class MemberBenefitsResolver {
  constructor(
    private readonly service: EntitlementsService,
    private readonly loaders: Loaders,
  ) {}

  @ResolveField(() => [MemberBenefit], {
    description: 'The member’s ACTIVE entitlements (quota left, period running), soonest end first.',
  })
  benefits(@Parent() member: Member) {
    return this.loaders.batch('memberActiveBenefits', member.id, (memberIds) =>
      this.service.activeFor(memberIds),
    );
  }
}
