import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Member } from '../members/member.entity';
import { Dealership } from './dealership.entity';
import {
  CreateDealershipInput,
  DealershipFilter,
  DealershipPage,
  DealershipSort,
  UpdateDealershipInput,
} from './dealership.types';
import { DealershipsService } from './dealerships.service';

@Resolver(() => Dealership)
export class DealershipsResolver {
  constructor(
    private readonly service: DealershipsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => DealershipPage, { description: 'Dealerships of the group (the store directory).' })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['dealerships:read', 'members:read'], member: true })
  dealerships(
    @Args('filter', { nullable: true }) filter?: DealershipFilter,
    @Args('sort', { type: () => [DealershipSort], nullable: true }) sort?: DealershipSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list({ filter, sort, page });
  }

  @Query(() => Dealership, { nullable: true })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['dealerships:read', 'members:read'], member: true })
  dealership(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Mutation(() => Dealership)
  @Access({ roles: [StaffRole.ADMIN] })
  createDealership(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateDealershipInput) {
    return this.service.create(principal, input);
  }

  @Mutation(() => Dealership, {
    description: 'Every field optional; a dealership-bound admin changes only their own.',
  })
  @Access({ roles: [StaffRole.ADMIN] })
  updateDealership(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateDealershipInput,
  ) {
    return this.service.update(principal, id, input);
  }

  @Mutation(() => Dealership, {
    description: 'Deletes a dealership nothing refers to (INVALID_STATE otherwise: deactivate it instead).',
  })
  @Access({ roles: [StaffRole.ADMIN] })
  deleteDealership(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.service.delete(principal, id);
  }

  @ResolveField(() => Int, { description: 'Members whose home store this is.' })
  memberCount(@Parent() dealership: Dealership) {
    return this.loaders.count(Member, 'homeDealershipId', dealership.id);
  }
}
