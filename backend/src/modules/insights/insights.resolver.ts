import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { Tier } from '../tiers/tier.entity';
import { Dashboard, DashboardFilter, TierCount } from './insights.types';
import { InsightsService } from './insights.service';

/** Group-wide readers; store staff read their own dealership only (the service enforces it). */
const DASHBOARD_READERS = [
  StaffRole.ADMIN,
  StaffRole.MARKETING,
  StaffRole.FINANCE,
  StaffRole.CUSTOMER_SERVICE,
  StaffRole.STORE_STAFF,
];

@Resolver()
export class InsightsResolver {
  constructor(private readonly insights: InsightsService) {}

  @Query(() => Dashboard, {
    description:
      'The KPI dashboard (经营看板) over [from, to), at most 400 days, for the group or one dealership; store staff see their own dealership only.',
  })
  @Access({ roles: DASHBOARD_READERS })
  dashboard(@CurrentPrincipal() principal: Principal, @Args('filter') filter: DashboardFilter) {
    return this.insights.dashboard(principal, filter);
  }
}

@Resolver(() => TierCount)
export class TierCountResolver {
  constructor(private readonly loaders: Loaders) {}

  @ResolveField(() => Tier)
  tier(@Parent() line: TierCount) {
    return this.loaders.one(Tier, line.tierId);
  }
}
