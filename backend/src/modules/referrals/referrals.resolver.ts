import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Member } from '../members/member.entity';
import { Referral } from './referral.entity';
import { ReferralFilter, ReferralPage, ReferralSort } from './referrals.types';
import { ReferralsService } from './referrals.service';

@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(
    private readonly service: ReferralsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => ReferralPage, {
    description:
      'Referrals (推荐有礼); store staff see those of their dealership’s members, or any member’s by referrerId/refereeId.',
  })
  @Access({
    roles: [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF],
    scopes: ['members:read'],
  })
  referrals(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: ReferralFilter,
    @Args('sort', { type: () => [ReferralSort], nullable: true }) sort?: ReferralSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @ResolveField(() => Member, { description: 'The member who referred (推荐人).' })
  referrer(@Parent() referral: Referral) {
    return this.loaders.one(Member, referral.referrerId);
  }

  @ResolveField(() => Member, { description: 'The member who joined with the code (被推荐人).' })
  referee(@Parent() referral: Referral) {
    return this.loaders.one(Member, referral.refereeId);
  }
}
