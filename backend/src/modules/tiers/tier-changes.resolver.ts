import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { TierChange } from './tier-change.entity';
import { Tier } from './tier.entity';
import { TierChangeFilter, TierChangePage, TierChangeSort } from './tiers.types';
import { TiersService } from './tiers.service';

@Resolver(() => TierChange)
export class TierChangesResolver {
  constructor(
    private readonly service: TiersService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => TierChangePage, { description: 'History of tier upgrades, downgrades and manual changes.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF] })
  tierChanges(
    @Args('filter', { nullable: true }) filter?: TierChangeFilter,
    @Args('sort', { type: () => [TierChangeSort], nullable: true }) sort?: TierChangeSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.listChanges({ filter, sort, page });
  }

  @ResolveField(() => Tier, { nullable: true })
  fromTier(@Parent() change: TierChange) {
    return this.loaders.one(Tier, change.fromTierId);
  }

  @ResolveField(() => Tier)
  toTier(@Parent() change: TierChange) {
    return this.loaders.one(Tier, change.toTierId);
  }
}
