import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Member } from '../members/member.entity';
import { Tier } from './tier.entity';
import { CreateTierInput, SetMemberTierInput, TierFilter, TierPage, TierSort, UpdateTierInput } from './tiers.types';
import { TiersService } from './tiers.service';

@Resolver(() => Tier)
export class TiersResolver {
  constructor(
    private readonly service: TiersService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => TierPage, { description: 'The tiers of the programme (会员等级), lowest rank first by default.' })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['members:read'], member: true })
  tiers(
    @Args('filter', { nullable: true }) filter?: TierFilter,
    @Args('sort', { type: () => [TierSort], nullable: true }) sort?: TierSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list({ filter, sort, page });
  }

  @Query(() => Tier, { nullable: true })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['members:read'], member: true })
  tier(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Mutation(() => Tier)
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING] })
  createTier(@Args('input') input: CreateTierInput) {
    return this.service.create(input);
  }

  @Mutation(() => Tier, { description: 'Every field optional; applies to evaluations from now on.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING] })
  updateTier(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateTierInput) {
    return this.service.update(id, input);
  }

  @Mutation(() => Tier, { description: 'Refused with INVALID_STATE while members hold the tier or its history refers to it.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING] })
  deleteTier(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }

  @Mutation(() => Member, { description: "Sets a member's tier by hand (reason required); reviewed a year on like any other." })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.MARKETING] })
  setMemberTier(@CurrentPrincipal() principal: Principal, @Args('input') input: SetMemberTierInput) {
    return this.service.setMemberTier(principal, input);
  }

  @ResolveField(() => Int, { description: 'Members holding the tier now.' })
  memberCount(@Parent() tier: Tier) {
    return this.loaders.count(Member, 'tierId', tier.id);
  }
}
