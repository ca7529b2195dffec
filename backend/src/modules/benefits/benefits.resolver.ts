import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Tier } from '../tiers/tier.entity';
import { Benefit } from './benefit.entity';
import {
  BenefitFilter,
  BenefitPage,
  BenefitSort,
  BenefitTierQuota,
  CreateBenefitInput,
  UpdateBenefitInput,
} from './benefits.types';
import { BenefitsService } from './benefits.service';

/** Marketing configures the benefits; administrators may too. */
const CONFIGURERS = [StaffRole.ADMIN, StaffRole.MARKETING];

@Resolver(() => Benefit)
export class BenefitsResolver {
  constructor(
    private readonly service: BenefitsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => BenefitPage, { description: 'Benefit definitions (权益), by code unless sorted otherwise.' })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['benefits:read'] })
  benefits(
    @Args('filter', { nullable: true }) filter?: BenefitFilter,
    @Args('sort', { type: () => [BenefitSort], nullable: true }) sort?: BenefitSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list({ filter, sort, page });
  }

  @Query(() => Benefit, { nullable: true })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['benefits:read'] })
  benefit(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Mutation(() => Benefit, {
    description:
      'Defines a benefit for tiers; members already in them receive it from the next BENEFIT_GRANTS run.',
  })
  @Access({ roles: CONFIGURERS })
  createBenefit(@Args('input') input: CreateBenefitInput) {
    return this.service.create(input);
  }

  @Mutation(() => Benefit, {
    description:
      'Every field optional; applies to grants and renewals from now on, not to entitlements already granted.',
  })
  @Access({ roles: CONFIGURERS })
  updateBenefit(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateBenefitInput) {
    return this.service.update(id, input);
  }

  @ResolveField(() => [Tier], { description: 'The tiers granted this benefit, in the order of tierIds.' })
  async tiers(@Parent() benefit: Benefit) {
    const tiers = await Promise.all((benefit.tierIds ?? []).map((id) => this.loaders.one(Tier, id)));
    return tiers.filter((tier): tier is Tier => !!tier);
  }

  @ResolveField(() => [BenefitTierQuota], {
    description: 'Tiers whose quota differs from `quota` (e.g. free maintenance 1/2/3/4 a year).',
  })
  quotaByTier(@Parent() benefit: Benefit) {
    return this.service.tierQuotas(benefit);
  }
}
