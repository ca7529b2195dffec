import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { BenefitRedemption } from './benefit-redemption.entity';
import {
  BenefitCodePayload,
  BenefitRedemptionFilter,
  BenefitRedemptionPage,
  BenefitRedemptionSort,
  RedeemBenefitInput,
} from './benefits.types';
import { MemberBenefit } from './member-benefit.entity';
import { RedemptionsService } from './redemptions.service';

@Resolver(() => BenefitRedemption)
export class RedemptionsResolver {
  constructor(
    private readonly service: RedemptionsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => BenefitRedemptionPage, {
    description: 'Redemptions (核销记录), newest first; store staff see those at their dealership.',
  })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['benefits:read'] })
  benefitRedemptions(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: BenefitRedemptionFilter,
    @Args('sort', { type: () => [BenefitRedemptionSort], nullable: true }) sort?: BenefitRedemptionSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Mutation(() => BenefitRedemption, {
    description:
      'Redeems (核销) one use of an entitlement, by memberBenefitId or by the member’s one-time code; idempotent on idempotencyKey.',
  })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.STORE_STAFF], scopes: ['benefits:write'] })
  redeemBenefit(@CurrentPrincipal() principal: Principal, @Args('input') input: RedeemBenefitInput) {
    return this.service.redeem(principal, input);
  }

  @Mutation(() => BenefitCodePayload, {
    description:
      'A one-time code (8 characters, 10 minutes) for one of the logged-in member’s ACTIVE entitlements, shown at the store.',
  })
  @Access({ member: true })
  createBenefitCode(
    @CurrentPrincipal() principal: Principal,
    @Args('memberBenefitId', { type: () => ID }) memberBenefitId: string,
  ) {
    return this.service.createCode(principal, memberBenefitId);
  }

  @ResolveField(() => MemberBenefit)
  memberBenefit(@Parent() redemption: BenefitRedemption) {
    return this.loaders.one(MemberBenefit, redemption.memberBenefitId);
  }
}
