import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ALL_STAFF_ROLES, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { requestContext } from '../../common/context/request-context';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { maskMobile } from '../../common/validation';
import { Card } from '../cards/card.entity';
import { Dealership } from '../dealerships/dealership.entity';
import { PointsEntryPage } from '../points/points.types';
import { PointsService } from '../points/points.service';
import { Tier } from '../tiers/tier.entity';
import { Vehicle } from '../vehicles/vehicle.entity';
import { Member } from './member.entity';
import { MembersService } from './members.service';
import {
  ActivateMemberInput,
  CreateMemberInput,
  EraseMemberInput,
  MemberFilter,
  MemberPage,
  MemberSort,
  RegisterMemberInput,
  SetMemberStatusInput,
  UpdateMemberInput,
} from './members.types';

const DESK = [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];
/** Roles that work with members in aggregate and see phone numbers masked. */
const MASKED_PHONE_ROLES = [StaffRole.MARKETING, StaffRole.FINANCE];

@Resolver(() => Member)
export class MembersResolver {
  constructor(
    private readonly service: MembersService,
    private readonly points: PointsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => MemberPage, { description: 'Members; store staff see their dealership’s, or another store’s by exact phone, member number or plate.' })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['members:read'] })
  members(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: MemberFilter,
    @Args('sort', { type: () => [MemberSort], nullable: true }) sort?: MemberSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Query(() => Member, { nullable: true })
  @Access({ roles: ALL_STAFF_ROLES, scopes: ['members:read'] })
  member(@Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(id);
  }

  @Mutation(() => Member, { description: 'Registration at a store by staff: ACTIVE at once (channel STORE), optionally with the first vehicle.' })
  @Access({ roles: DESK })
  createMember(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateMemberInput) {
    return this.service.create(principal, input);
  }

  @Mutation(() => Member, { description: 'Online self-registration: PENDING_ACTIVATION; an activation code is sent by SMS at once.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE], scopes: ['members:write'] })
  registerMember(@Args('input') input: RegisterMemberInput) {
    return this.service.register(input);
  }

  @Mutation(() => Boolean, { description: 'Sends a new activation code (rate-limited per phone).' })
  @Access({ roles: DESK, scopes: ['members:write'] })
  sendActivationCode(@Args('memberId', { type: () => ID }) memberId: string) {
    return this.service.sendActivationCode(memberId);
  }

  @Mutation(() => Member, { description: 'Activates an online registration with its SMS code (6 digits, 10 minutes, limited attempts).' })
  @Access({ roles: DESK, scopes: ['members:write'] })
  activateMember(@Args('input') input: ActivateMemberInput) {
    return this.service.activate(input);
  }

  @Mutation(() => Member, { description: 'Every field optional; store staff edit only their own dealership’s members.' })
  @Access({ roles: DESK, scopes: ['members:write'] })
  updateMember(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateMemberInput) {
    return this.service.update(principal, id, input);
  }

  @Mutation(() => Member, { description: 'Freeze (冻结), unfreeze or cancel (注销) a membership, with a reason.' })
  @Access({ roles: DESK })
  setMemberStatus(@CurrentPrincipal() principal: Principal, @Args('input') input: SetMemberStatusInput) {
    return this.service.setStatus(principal, input);
  }

  @Mutation(() => Member, { description: 'PIPL deletion: anonymises name, phone, e-mail, ID number and birthday; ledgers and transactions stay.' })
  @Access({ roles: [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE] })
  eraseMember(@CurrentPrincipal() principal: Principal, @Args('input') input: EraseMemberInput) {
    return this.service.erase(principal, input);
  }

  @ResolveField(() => String, { description: 'Mainland mobile number; masked (138****5678) for marketing and finance.' })
  phone(@Parent() member: Member) {
    const role = requestContext.current()?.principal?.staff?.role;
    return role && MASKED_PHONE_ROLES.includes(role) && member.phone ? maskMobile(member.phone) : member.phone;
  }

  @ResolveField(() => Dealership, { nullable: true })
  homeDealership(@Parent() member: Member) {
    return this.loaders.one(Dealership, member.homeDealershipId);
  }

  @ResolveField(() => Tier)
  tier(@Parent() member: Member) {
    return this.loaders.one(Tier, member.tierId);
  }

  @ResolveField(() => [Vehicle])
  vehicles(@Parent() member: Member) {
    return this.loaders.many(Vehicle, 'memberId', member.id);
  }

  @ResolveField(() => [Card], { description: 'The member’s cards, all statuses.' })
  cards(@Parent() member: Member) {
    return this.loaders.many(Card, 'memberId', member.id);
  }

  @ResolveField(() => PointsEntryPage, { description: 'The member’s points ledger, newest first.' })
  pointsEntries(@Parent() member: Member, @Args('page', { nullable: true }) page?: PageInput) {
    return this.points.list(undefined, { filter: { memberId: member.id }, page });
  }

  @ResolveField(() => Int, { description: 'Points that expire within the coming days (default 30).' })
  expiringPoints(@Parent() member: Member, @Args('withinDays', { type: () => Int, nullable: true }) withinDays?: number) {
    const days = Math.max(0, Math.min(withinDays ?? 30, 3660));
    return this.loaders.batch(`expiringPoints:${days}`, member.id, (ids) => this.points.expiringPoints(ids, days));
  }
}
