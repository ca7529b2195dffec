import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { FollowUp } from './follow-up.entity';
import { FollowUpFilter, FollowUpPage, FollowUpSort, RecordFollowUpAttemptInput } from './follow-ups.types';
import { FollowUpsService } from './follow-ups.service';

/** Customer service works the calls group-wide; store staff those of their dealership. */
const CALLERS = [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];

@Resolver(() => FollowUp)
export class FollowUpsResolver {
  constructor(
    private readonly service: FollowUpsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => FollowUpPage, {
    description: 'Follow-up calls (回访), soonest due first; store staff see their dealership’s.',
  })
  @Access({ roles: CALLERS })
  followUps(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: FollowUpFilter,
    @Args('sort', { type: () => [FollowUpSort], nullable: true }) sort?: FollowUpSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Mutation(() => FollowUp, {
    description:
      'Records one call attempt: reached → DONE with satisfaction (1–5) and outcome; the third unreached attempt → UNREACHABLE.',
  })
  @Access({ roles: CALLERS })
  recordFollowUpAttempt(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordFollowUpAttemptInput,
  ) {
    return this.service.recordAttempt(principal, input);
  }

  @ResolveField(() => Member)
  member(@Parent() followUp: FollowUp) {
    return this.loaders.one(Member, followUp.memberId);
  }

  @ResolveField(() => Dealership, { nullable: true, description: 'The store that makes the call.' })
  dealership(@Parent() followUp: FollowUp) {
    return this.loaders.one(Dealership, followUp.dealershipId);
  }

  @ResolveField(() => StaffUser, { nullable: true, description: 'The staff user the call is assigned to.' })
  assignee(@Parent() followUp: FollowUp) {
    return this.loaders.one(StaffUser, followUp.assigneeId);
  }
}
