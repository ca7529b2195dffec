import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { StaffUser } from './staff-user.entity';
import { CreateStaffUserInput, StaffUserFilter, StaffUserPage, StaffUserSort, UpdateStaffUserInput } from './staff.types';
import { StaffService } from './staff.service';

const STAFF_READERS = [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];

@Resolver(() => StaffUser)
export class StaffResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => StaffUserPage, { description: 'Staff users; dealership-bound staff see only their colleagues.' })
  @Access({ roles: STAFF_READERS })
  staffUsers(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: StaffUserFilter,
    @Args('sort', { type: () => [StaffUserSort], nullable: true }) sort?: StaffUserSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.staff.list(principal, { filter, sort, page });
  }

  @Query(() => StaffUser, { nullable: true })
  @Access({ roles: STAFF_READERS })
  staffUser(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.staff.findOne(principal, id);
  }

  @Mutation(() => StaffUser)
  @Access({ roles: [StaffRole.ADMIN] })
  createStaffUser(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateStaffUserInput) {
    return this.staff.create(principal, input);
  }

  @Mutation(() => StaffUser, { description: 'Every field optional. Staff users are never deleted: set `active: false`.' })
  @Access({ roles: [StaffRole.ADMIN] })
  updateStaffUser(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateStaffUserInput,
  ) {
    return this.staff.update(principal, id, input);
  }

  @ResolveField(() => Dealership, { nullable: true })
  dealership(@Parent() user: StaffUser) {
    return this.loaders.one(Dealership, user.dealershipId);
  }
}
