import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { PageInput } from '../../common/list';
import { PointsEntry } from './points-entry.entity';
import { AdjustPointsInput, PointsEntryFilter, PointsEntryPage, PointsEntrySort, RedeemPointsInput } from './points.types';
import { PointsService } from './points.service';

@Resolver(() => PointsEntry)
export class PointsResolver {
  constructor(private readonly service: PointsService) {}

  @Query(() => PointsEntryPage, { description: 'The points ledger (积分流水), read-only.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.FINANCE, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF], scopes: ['members:read'] })
  pointsEntries(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: PointsEntryFilter,
    @Args('sort', { type: () => [PointsEntrySort], nullable: true }) sort?: PointsEntrySort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Mutation(() => PointsEntry, { description: 'Spends points (100 points = ¥1 off); idempotent on idempotencyKey.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.STORE_STAFF, StaffRole.CUSTOMER_SERVICE], scopes: ['transactions:write'] })
  redeemPoints(@CurrentPrincipal() principal: Principal, @Args('input') input: RedeemPointsInput) {
    return this.service.redeem(principal, input);
  }

  @Mutation(() => PointsEntry, { description: 'Manual correction by staff (signed); idempotent on idempotencyKey.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.CUSTOMER_SERVICE] })
  adjustPoints(@CurrentPrincipal() principal: Principal, @Args('input') input: AdjustPointsInput) {
    return this.service.adjust(principal, input);
  }
}
