import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, CurrentPrincipal, Principal, StaffRole } from '../../common/auth';
import { Loaders } from '../../common/dataloader';
import { PageInput } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { ComplaintEvent } from './complaint-event.entity';
import { isOverdue } from './complaint-rules';
import { Complaint } from './complaint.entity';
import {
  AddComplaintNoteInput,
  AssignComplaintInput,
  CloseComplaintInput,
  ComplaintFilter,
  ComplaintPage,
  ComplaintSort,
  ComplaintStats,
  CreateComplaintInput,
  FileComplaintInput,
  ReopenComplaintInput,
  ResolveComplaintInput,
  UpdateComplaintInput,
} from './complaints.types';
import { ComplaintsService } from './complaints.service';

/** Customer service and the group's admins work on every complaint; store staff on their dealership's. */
const HANDLERS = [StaffRole.ADMIN, StaffRole.CUSTOMER_SERVICE, StaffRole.STORE_STAFF];
/** The figures hold no personal data: marketing reads them too (service quality drives campaigns). */
const STATS_READERS = [...HANDLERS, StaffRole.MARKETING];
const READ = ['complaints:read'];
const WRITE = ['complaints:write'];

@Resolver(() => Complaint)
export class ComplaintsResolver {
  constructor(
    private readonly service: ComplaintsService,
    private readonly loaders: Loaders,
  ) {}

  @Query(() => ComplaintPage, { description: 'Complaints (投诉); store staff see their own dealership’s.' })
  @Access({ roles: HANDLERS, scopes: READ })
  complaints(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { nullable: true }) filter?: ComplaintFilter,
    @Args('sort', { type: () => [ComplaintSort], nullable: true }) sort?: ComplaintSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.list(principal, { filter, sort, page });
  }

  @Query(() => Complaint, {
    nullable: true,
    description: 'One complaint with its timeline; null when missing or at another store (store staff).',
  })
  @Access({ roles: HANDLERS, scopes: READ })
  complaint(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(principal, id);
  }

  @Query(() => ComplaintStats, {
    description:
      'Complaint figures over the complaints filed in [from, to); store staff: their own dealership.',
  })
  @Access({ roles: STATS_READERS, scopes: READ })
  complaintStats(
    @CurrentPrincipal() principal: Principal,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('dealershipId', { type: () => ID, nullable: true }) dealershipId?: string,
  ) {
    return this.service.stats(principal, from, to, dealershipId);
  }

  @Mutation(() => Complaint, {
    description: 'Takes a complaint (建单): OPEN, a ticket number, SLA due times by priority.',
  })
  @Access({ roles: HANDLERS, scopes: WRITE })
  createComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateComplaintInput) {
    return this.service.create(principal, input);
  }

  @Mutation(() => Complaint, {
    description: 'Edits a complaint that is not CLOSED; a new priority recomputes the due times.',
  })
  @Access({ roles: HANDLERS, scopes: WRITE })
  updateComplaint(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateComplaintInput,
  ) {
    return this.service.update(principal, id, input);
  }

  @Mutation(() => Complaint, { description: 'Acknowledges (受理) an OPEN complaint.' })
  @Access({ roles: HANDLERS, scopes: WRITE })
  acknowledgeComplaint(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.service.acknowledge(principal, id);
  }

  @Mutation(() => Complaint, {
    description:
      'Assigns (分派) a handler: OPEN (acknowledged on the way) and ACKNOWLEDGED go IN_PROGRESS; IN_PROGRESS is reassigned.',
  })
  @Access({ roles: HANDLERS, scopes: WRITE })
  assignComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: AssignComplaintInput) {
    return this.service.assign(principal, input);
  }

  @Mutation(() => Complaint, { description: 'Adds a note to the timeline (any status but CLOSED).' })
  @Access({ roles: HANDLERS, scopes: WRITE })
  addComplaintNote(@CurrentPrincipal() principal: Principal, @Args('input') input: AddComplaintNoteInput) {
    return this.service.addNote(principal, input);
  }

  @Mutation(() => Complaint, {
    description: 'Resolves (处理完成) an ACKNOWLEDGED or IN_PROGRESS complaint with its outcome.',
  })
  @Access({ roles: HANDLERS, scopes: WRITE })
  resolveComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: ResolveComplaintInput) {
    return this.service.resolve(principal, input);
  }

  @Mutation(() => Complaint, {
    description: 'Closes (结案) a RESOLVED complaint with the member’s satisfaction (1–5).',
  })
  @Access({ roles: HANDLERS, scopes: WRITE })
  closeComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: CloseComplaintInput) {
    return this.service.close(principal, input);
  }

  @Mutation(() => Complaint, {
    description: 'Reopens a RESOLVED complaint (the member replied): back IN_PROGRESS, resolution withdrawn.',
  })
  @Access({ roles: HANDLERS, scopes: WRITE })
  reopenComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: ReopenComplaintInput) {
    return this.service.reopen(principal, input);
  }

  @Mutation(() => Complaint, {
    description: 'The logged-in member files a complaint in the app (channel APP).',
  })
  @Access({ member: true })
  fileComplaint(@CurrentPrincipal() principal: Principal, @Args('input') input: FileComplaintInput) {
    return this.service.file(principal, input);
  }

  @ResolveField(() => Boolean, {
    description:
      'Overdue now (超时): not RESOLVED/CLOSED, and past resolveDueAt, or still OPEN past acknowledgeDueAt.',
  })
  overdue(@Parent() complaint: Complaint) {
    return isOverdue(complaint, new Date());
  }

  @ResolveField(() => Member, { nullable: true })
  member(@Parent() complaint: Complaint) {
    return this.loaders.one(Member, complaint.memberId);
  }

  @ResolveField(() => Dealership, { nullable: true })
  dealership(@Parent() complaint: Complaint) {
    return this.loaders.one(Dealership, complaint.dealershipId);
  }

  @ResolveField(() => StaffUser, { nullable: true })
  assignee(@Parent() complaint: Complaint) {
    return this.loaders.one(StaffUser, complaint.assigneeId);
  }

  @ResolveField(() => [ComplaintEvent], { description: 'The timeline, oldest first.' })
  events(@Parent() complaint: Complaint) {
    return this.loaders.many(ComplaintEvent, 'complaintId', complaint.id);
  }
}
