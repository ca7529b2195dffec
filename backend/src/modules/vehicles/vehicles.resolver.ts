import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Member } from '../members/member.entity';
import { Vehicle } from './vehicle.entity';
import { CreateVehicleInput, PlateLookupResult, UpdateVehicleInput, VehicleFilter, VehiclePage, VehicleSort } from './vehicles.types';
import { VehiclesService } from './vehicles.service';

const READERS = [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];
const WRITERS = [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];

@Resolver(() => Vehicle)
export class VehiclesResolver {
  constructor(
    private readonly service: VehiclesService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => VehiclePage, { description: "Members' vehicles; store staff see their dealership's, or any by full plate or VIN." })
  @Access({ roles: READERS, scopes: ['members:read'] })
  vehicles(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: VehicleFilter,
    @Args('sort', { type: () => [VehicleSort], nullable: true }) sort?: VehicleSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Query(() => Vehicle, { nullable: true })
  @Access({ roles: READERS, scopes: ['members:read'] })
  vehicle(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Mutation(() => Vehicle)
  @Access({ roles: WRITERS, scopes: ['members:write'] })
  createVehicle(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateVehicleInput) {
    return this.service.create(principal, input);
  }

  @Mutation(() => Vehicle)
  @Access({ roles: WRITERS, scopes: ['members:write'] })
  updateVehicle(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateVehicleInput) {
    return this.service.update(principal, id, input);
  }

  @Mutation(() => Vehicle, { description: 'Refused with INVALID_STATE once transactions refer to the vehicle.' })
  @Access({ roles: WRITERS, scopes: ['members:write'] })
  deleteVehicle(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.service.delete(principal, id);
  }

  @Query(() => [PlateLookupResult], { description: 'Walk-in lookup (散客查询) by part of a plate, members and non-members alike.' })
  @Access({ roles: READERS, scopes: ['members:read'] })
  plateLookup(@CurrentPrincipal() principal: Principal, @Args('plate') plate: string) {
    return this.service.plateLookup(principal, plate);
  }

  @ResolveField(() => Member)
  member(@Parent() vehicle: Vehicle) {
    return this.loaders.one(Member, vehicle.memberId);
  }
}

@Resolver(() => PlateLookupResult)
export class PlateLookupResolver {
  constructor(private readonly loaders: Loaders) {}

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() result: PlateLookupResult) {
    return this.loaders.one(Member, result.memberId);
  }
}
