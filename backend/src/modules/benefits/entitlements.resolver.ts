import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Member } from '../members/member.entity';
import { Benefit } from './benefit.entity';
import { MemberBenefitFilter, MemberBenefitPage, MemberBenefitSort } from './benefits.types';
import { EntitlementsService } from './entitlements.service';
import { MemberBenefit } from './member-benefit.entity';

@Resolver(() => MemberBenefit)
export class EntitlementsResolver {
  constructor(
    private readonly service: EntitlementsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => MemberBenefitPage, {
    description:
      "Members' entitlements; store staff see their dealership's members', or any one member's by memberId.",
  })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['benefits:read'] })
  memberBenefits(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: MemberBenefitFilter,
    @Args('sort', { type: () => [MemberBenefitSort], nullable: true }) sort?: MemberBenefitSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @ResolveField(() => Int, { description: 'Uses left in the period: quota − used.' })
  remaining(@Parent() entitlement: MemberBenefit) {
    return Math.max(0, entitlement.quota - entitlement.used);
  }

  @ResolveField(() => Member)
  member(@Parent() entitlement: MemberBenefit) {
    return this.loaders.one(Member, entitlement.memberId);
  }

  @ResolveField(() => Benefit)
  benefit(@Parent() entitlement: MemberBenefit) {
    return this.loaders.one(Benefit, entitlement.benefitId);
  }
}
