import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { Tier } from '../tiers/tier.entity';
import { ActivitiesService } from './activities.service';
import {
  ActivityFilter,
  ActivityPage,
  ActivityPreview,
  ActivitySort,
  ActivityStats,
  CancelActivityInput,
  CreateActivityInput,
  UpdateActivityInput,
} from './activities.types';
import { ActivityInsightsService } from './activity-insights.service';
import { Activity } from './activity.entity';

/** Marketing configures activities; every staff role and `activities:read` keys read them. */
const CONFIGURE = [StaffRole.ADMIN, StaffRole.MARKETING];

@Resolver(() => Activity)
export class ActivitiesResolver {
  constructor(
    private readonly service: ActivitiesService,
    private readonly insights: ActivityInsightsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => ActivityPage, { description: 'Marketing activities (营销活动).' })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['activities:read'] })
  activities(
    @Args('filter', { nullable: true }) filter?: ActivityFilter,
    @Args('sort', { type: () => [ActivitySort], nullable: true }) sort?: ActivitySort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list({ filter, sort, page });
  }

  @Query(() => Activity, { nullable: true })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['activities:read'] })
  activity(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Query(() => ActivityPreview, { description: 'Reach and expected cost of an activity from the last 90 days of transactions, before it is created or published.' })
  @Access({ roles: CONFIGURE })
  previewActivity(@Args('input') input: CreateActivityInput) {
    return this.insights.preview(input);
  }

  @Query(() => [Activity], {
    description: 'Activities the logged-in member can see: SCHEDULED from announceAt (预热) or ACTIVE, for the member’s tier and home dealership.',
  })
  @Access({ member: true })
  viewerActivities(@CurrentPrincipal() principal: Principal) {
    return this.service.forMember(principal.member!.id);
  }

  @Mutation(() => Activity, { description: 'Creates an activity as DRAFT.' })
  @Access({ roles: CONFIGURE })
  createActivity(@Args('input') input: CreateActivityInput) {
    return this.service.create(input);
  }

  @Mutation(() => Activity, {
    description: 'Every field optional. DRAFT/SCHEDULED: anything; ACTIVE: name, description, endsAt, capacity, budgetPoints, fixedCost; later: INVALID_STATE.',
  })
  @Access({ roles: CONFIGURE })
  updateActivity(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateActivityInput) {
    return this.service.update(id, input);
  }

  @Mutation(() => Activity, { description: 'Deletes a DRAFT; anything else is INVALID_STATE (cancel it instead).' })
  @Access({ roles: CONFIGURE })
  deleteActivity(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }

  @Mutation(() => Activity, { description: 'DRAFT → SCHEDULED, or ACTIVE when startsAt has come.' })
  @Access({ roles: CONFIGURE })
  publishActivity(@Args('id', { type: () => ID }) id: string) {
    return this.service.publish(id);
  }

  @Mutation(() => Activity, { description: 'Cancels an activity that has not ended; its sign-ups are cancelled, points already earned stay.' })
  @Access({ roles: CONFIGURE })
  cancelActivity(@Args('input') input: CancelActivityInput) {
    return this.service.cancel(input);
  }

  @ResolveField(() => [Tier], { description: 'The eligible tiers; empty: every tier.' })
  async eligibleTiers(@Parent() activity: Activity) {
    const tiers = await Promise.all(activity.eligibleTierIds.map((id) => this.loaders.one(Tier, id)));
    return tiers.filter((t): t is Tier => !!t);
  }

  @ResolveField(() => [Dealership], { description: 'The dealerships it is limited to; empty: every dealership.' })
  async dealerships(@Parent() activity: Activity) {
    const dealerships = await Promise.all(activity.dealershipIds.map((id) => this.loaders.one(Dealership, id)));
    return dealerships.filter((d): d is Dealership => !!d);
  }

  @ResolveField(() => ActivityStats, { description: 'Reach, participation, points, revenue, cost and ROI (computed for a whole page at once).' })
  stats(@Parent() activity: Activity) {
    return this.loaders.batch('activity-stats', activity.id, (ids) => this.insights.statsFor(ids));
  }
}
