import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { Complaint } from './complaint.entity';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintOutcome,
  ComplaintPriority,
  ComplaintStatus,
} from './complaint.enums';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const SUBJECT = { min: 2, max: 200, message: 'must be 2–200 characters' };
const TEXT_MAX = 5000;

@ObjectType()
export class ComplaintPage extends PageOf(Complaint) {}

@InputType()
export class ComplaintFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Part of the ticket number or the subject.' })
  q?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The dealership complained about; store staff see only their own.',
  })
  dealershipId?: string;

  @Field(() => ID, { nullable: true, description: 'The staff user handling it.' })
  assigneeId?: string;

  @Field(() => ComplaintStatus, { nullable: true })
  status?: ComplaintStatus;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory;

  @Field(() => ComplaintPriority, { nullable: true })
  priority?: ComplaintPriority;

  @Field({
    nullable: true,
    description:
      'true: overdue now (not RESOLVED/CLOSED, and past resolveDueAt, or still OPEN past acknowledgeDueAt); false: not overdue.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field({ nullable: true, description: 'Filed at or after (UTC).' })
  @IsOptional()
  @IsDate()
  createdFrom?: Date;

  @Field({ nullable: true, description: 'Filed at or before (UTC).' })
  @IsOptional()
  @IsDate()
  createdTo?: Date;
}

export enum ComplaintSortField {
  CREATED_AT = 'CREATED_AT',
  PRIORITY = 'PRIORITY',
  RESOLVE_DUE_AT = 'RESOLVE_DUE_AT',
  STATUS = 'STATUS',
}
registerEnumType(ComplaintSortField, {
  name: 'ComplaintSortField',
  description:
    'PRIORITY sorts by urgency (LOW < NORMAL < HIGH < URGENT), STATUS by the lifecycle (OPEN … CLOSED).',
});

@InputType()
export class ComplaintSort {
  @Field(() => ComplaintSortField)
  field: ComplaintSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType({
  description: 'A complaint taken by staff (by phone, at the store, …); it starts OPEN with its SLA clock.',
})
export class CreateComplaintInput {
  @Field(() => ID, { nullable: true, description: 'The complaining member, if a member.' })
  @IsOptional()
  @IsString()
  memberId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The dealership complained about; default: store staff's own, else the transaction's, else the member's home dealership.",
  })
  @IsOptional()
  @IsString()
  dealershipId?: string;

  @Field(() => ID, { nullable: true, description: "One of the member's vehicles." })
  @IsOptional()
  @IsString()
  vehicleId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "One of the member's transactions (the service complained about).",
  })
  @IsOptional()
  @IsString()
  transactionId?: string;

  @Field(() => ComplaintCategory)
  @IsIn(Object.values(ComplaintCategory))
  category: ComplaintCategory;

  @Field(() => ComplaintPriority, { nullable: true, description: 'Default NORMAL; sets the SLA.' })
  @IsOptional()
  @IsIn(Object.values(ComplaintPriority))
  priority?: ComplaintPriority;

  @Field(() => ComplaintChannel)
  @IsIn(Object.values(ComplaintChannel))
  channel: ComplaintChannel;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(SUBJECT.min, SUBJECT.max, { message: SUBJECT.message })
  subject: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, TEXT_MAX)
  description?: string;
}

@InputType({
  description:
    'Every field optional; a priority change recomputes the SLA due times from when the complaint was filed.',
})
export class UpdateComplaintInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  dealershipId?: string | null;

  @Field(() => ComplaintCategory, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ComplaintCategory))
  category?: ComplaintCategory;

  @Field(() => ComplaintPriority, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ComplaintPriority))
  priority?: ComplaintPriority;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(SUBJECT.min, SUBJECT.max, { message: SUBJECT.message })
  subject?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, TEXT_MAX)
  description?: string | null;
}

@InputType()
export class AssignComplaintInput {
  @Field(() => ID)
  @IsString()
  complaintId: string;

  @Field(() => ID, {
    description:
      "An active CUSTOMER_SERVICE, ADMIN or STORE_STAFF user, group-wide or of the complaint's dealership.",
  })
  @IsString()
  assigneeId: string;
}

@InputType()
export class AddComplaintNoteInput {
  @Field(() => ID)
  @IsString()
  complaintId: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(1, TEXT_MAX, { message: `must be 1–${TEXT_MAX} characters` })
  note: string;
}

@InputType()
export class ResolveComplaintInput {
  @Field(() => ID)
  @IsString()
  complaintId: string;

  @Field(() => ComplaintOutcome)
  @IsIn(Object.values(ComplaintOutcome))
  outcome: ComplaintOutcome;

  @Field({ description: 'What was done (处理结果).' })
  @Transform(trimmed)
  @IsString()
  @Length(2, TEXT_MAX, { message: `must be 2–${TEXT_MAX} characters` })
  resolution: string;
}

@InputType()
export class CloseComplaintInput {
  @Field(() => ID)
  @IsString()
  complaintId: string;

  @Field(() => Int, { nullable: true, description: "The member's satisfaction (满意度), 1–5." })
  @IsOptional()
  @IsInt({ message: 'must be a whole number from 1 to 5' })
  @Min(1, { message: 'must be a whole number from 1 to 5' })
  @Max(5, { message: 'must be a whole number from 1 to 5' })
  satisfaction?: number;

  @Field({ nullable: true, description: "The member's words at closing." })
  @IsOptional()
  @IsString()
  @Length(0, TEXT_MAX)
  feedback?: string;
}

@InputType()
export class ReopenComplaintInput {
  @Field(() => ID)
  @IsString()
  complaintId: string;

  @Field({ description: "Why (usually the member's reply); kept as the REOPENED event's note." })
  @Transform(trimmed)
  @IsString()
  @Length(2, TEXT_MAX, { message: `must be 2–${TEXT_MAX} characters` })
  reason: string;
}

@InputType({
  description: 'A complaint the logged-in member files in the app (channel APP, priority NORMAL).',
})
export class FileComplaintInput {
  @Field(() => ComplaintCategory)
  @IsIn(Object.values(ComplaintCategory))
  category: ComplaintCategory;

  @Field()
  @Transform(trimmed)
  @IsString()
  @Length(SUBJECT.min, SUBJECT.max, { message: SUBJECT.message })
  subject: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, TEXT_MAX)
  description?: string;

  @Field(() => ID, { nullable: true, description: "Default: the member's home dealership." })
  @IsOptional()
  @IsString()
  dealershipId?: string;

  @Field(() => ID, { nullable: true, description: "One of the member's own vehicles." })
  @IsOptional()
  @IsString()
  vehicleId?: string;
}

@ObjectType({ description: 'Complaints of one category.' })
export class CategoryCount {
  @Field(() => ComplaintCategory)
  category: ComplaintCategory;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description:
    'Complaint figures (投诉统计) over the complaints filed in [from, to) (at one dealership when given); `open` and `overdue` are as of now.',
})
export class ComplaintStats {
  @Field(() => Int, { description: 'Complaints filed in the period.' })
  total: number;

  @Field(() => Int, { description: 'Of those, not RESOLVED or CLOSED now.' })
  open: number;

  @Field(() => Int, { description: 'Of those, overdue now.' })
  overdue: number;

  @Field(() => Int, { description: 'Of those, RESOLVED or CLOSED.' })
  resolved: number;

  @Field(() => Float, { description: 'resolved / total (0 when total is 0).' })
  resolutionRate: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from filing to acknowledgement, over the acknowledged ones; null when none.',
  })
  avgHoursToAcknowledge: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from filing to resolution, over the resolved ones; null when none.',
  })
  avgHoursToResolve: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean satisfaction (1–5) given at closing; null when none was given.',
  })
  avgSatisfaction: number | null;

  @Field(() => [CategoryCount], { description: 'Complaints filed in the period by category, most first.' })
  byCategory: CategoryCount[];
}
