import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Member } from '../members/member.entity';
import {
  ActivityParticipationFilter,
  ActivityParticipationPage,
  ActivityParticipationSort,
  CheckInParticipantInput,
  RegisterForActivityInput,
} from './activities.types';
import { ActivityParticipation } from './activity-participation.entity';
import { ActivityParticipationsService } from './activity-participations.service';
import { Activity } from './activity.entity';

/** Staff who sign members up at the desk or by phone, and check them in at the event. */
const SIGN_UP = [StaffRole.ADMIN, StaffRole.MARKETING, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];

@Resolver(() => ActivityParticipation)
export class ActivityParticipationsResolver {
  constructor(
    private readonly service: ActivityParticipationsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => ActivityParticipationPage, {
    description: 'Event sign-ups (报名); store staff see those of events at their dealership and of their own members.',
  })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['activities:write'] })
  participations(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: ActivityParticipationFilter,
    @Args('sort', { type: () => [ActivityParticipationSort], nullable: true }) sort?: ActivityParticipationSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Mutation(() => ActivityParticipation, {
    description: 'Signs a member up for an EVENT (SCHEDULED or ACTIVE): eligible, a place left (QUOTA_EXHAUSTED when full), once (CONFLICT).',
  })
  @Access({ roles: SIGN_UP, scopes: ['activities:write'] })
  registerForActivity(@Args('input') input: RegisterForActivityInput) {
    return this.service.register(input);
  }

  @Mutation(() => ActivityParticipation, {
    description: 'Checks a participant in (签到): from the start of the event’s first day to the end of its last day.',
  })
  @Access({ roles: SIGN_UP, scopes: ['activities:write'] })
  checkInParticipant(@CurrentPrincipal() principal: Principal, @Args('input') input: CheckInParticipantInput) {
    return this.service.checkIn(principal, input);
  }

  @Mutation(() => ActivityParticipation, { description: 'The logged-in member signs up for an announced EVENT (same rules as registerForActivity).' })
  @Access({ member: true })
  viewerRegisterForActivity(@CurrentPrincipal() principal: Principal, @Args('activityId', { type: () => ID }) activityId: string) {
    return this.service.register({ activityId, memberId: principal.member!.id }, { byMember: true });
  }

  @ResolveField(() => Activity)
  activity(@Parent() participation: ActivityParticipation) {
    return this.loaders.one(Activity, participation.activityId);
  }

  @ResolveField(() => Member)
  member(@Parent() participation: ActivityParticipation) {
    return this.loaders.one(Member, participation.memberId);
  }
}
