import { IsDecimal } from '../../common/validation';
import { Field, Float, ID, InputType, Int, ObjectType, OmitType, PartialType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { MoneyScalar } from '../../common/scalars';
import { TransactionType } from '../transactions/transaction.enums';
import { ActivityParticipation, ParticipationStatus } from './activity-participation.entity';
import { Activity } from './activity.entity';
import { ActivityStatus, ActivityType } from './activity.enums';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Id lists are sets: duplicates are dropped. */
const uniqueIds = ({ value }: { value: unknown }) => (Array.isArray(value) ? [...new Set(value)] : value);

@ObjectType()
export class ActivityPage extends PageOf(Activity) {}

@ObjectType()
export class ActivityParticipationPage extends PageOf(ActivityParticipation) {}

@ObjectType({ description: 'How an activity did (活动效果): reach, participation, points, revenue, cost and ROI.' })
export class ActivityStats {
  @Field(() => Int, { description: 'ACTIVE members in the eligible tiers and home dealerships, now.' })
  eligibleMembers: number;

  @Field(() => Int, { description: 'EVENT sign-ups (报名), checked-in and rewarded ones included.' })
  registered: number;

  @Field(() => Int, { description: 'EVENT participants who checked in (签到), rewarded ones included.' })
  checkedIn: number;

  @Field(() => Int, {
    description:
      'Members who took part: with a posted transaction the activity added points to (POINTS_MULTIPLIER, BONUS_POINTS), checked in (EVENT), or credited REFERRAL/BIRTHDAY points during the window.',
  })
  participants: number;

  @Field(() => Float, { description: 'participants / eligibleMembers (0 when nobody is eligible).' })
  participationRate: number;

  @Field(() => Int, { description: 'Points the activity issued (less reversals); REFERRAL/BIRTHDAY: those points credited in the window.' })
  pointsIssued: number;

  @Field(() => MoneyScalar, {
    description: 'Participants’ posted transactions during the activity, fen: those it applied to, for earning activities.',
  })
  revenue: number;

  @Field(() => MoneyScalar, { description: 'Points issued at their redemption value (100 points = ¥1) plus the fixed cost, fen.' })
  cost: number;

  @Field(() => Float, { nullable: true, description: 'revenue / cost; null when the cost is 0.' })
  roi: number | null;
}

@ObjectType({ description: 'What an activity would have reached and cost over the last 90 days of transactions (预估).' })
export class ActivityPreview {
  @Field(() => Int, { description: 'ACTIVE members in the eligible tiers and home dealerships.' })
  eligibleMembers: number;

  @Field(() => Int, { description: 'Posted transactions of the last 90 days the rules match (tier, dealership, type, minimum amount).' })
  matchingTransactions: number;

  @Field(() => Int, {
    description:
      'Extra points it would have issued, before any budget: the multiplier’s share per transaction, bonusPoints per transaction, or rewardPoints × min(capacity, eligible members) for an EVENT.',
  })
  expectedPoints: number;

  @Field(() => MoneyScalar, { description: 'expectedPoints at their redemption value plus the fixed cost, fen.' })
  expectedCost: number;

  @Field({ description: 'True when expectedPoints exceeds budgetPoints (the budget would cap it).' })
  exceedsBudget: boolean;
}

@InputType()
export class ActivityFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Matches name or description.' })
  q?: string;

  @Field(() => ActivityType, { nullable: true })
  type?: ActivityType;

  @Field(() => ActivityStatus, { nullable: true })
  status?: ActivityStatus;

  @Field(() => ID, { nullable: true, description: 'Activities that apply at this dealership (those for every dealership included).' })
  dealershipId?: string;

  @Field({ nullable: true, description: 'Published activities (not DRAFT or CANCELLED) whose window [startsAt, endsAt) contains this instant.' })
  activeAt?: Date;
}

export enum ActivitySortField {
  CREATED_AT = 'CREATED_AT',
  STARTS_AT = 'STARTS_AT',
  ENDS_AT = 'ENDS_AT',
  NAME = 'NAME',
}
registerEnumType(ActivitySortField, { name: 'ActivitySortField' });

@InputType()
export class ActivitySort {
  @Field(() => ActivitySortField)
  field: ActivitySortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType({ description: 'A new activity; created as DRAFT. Type-specific fields: see each field.' })
export class CreateActivityInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string | null;

  @Field(() => ActivityType)
  @IsEnum(ActivityType)
  type: ActivityType;

  @Field(() => Date, { nullable: true, description: 'Shown to members from here (预热), at most startsAt; default: from startsAt.' })
  @IsOptional()
  @IsDate()
  announceAt?: Date | null;

  @Field()
  @IsDate()
  startsAt: Date;

  @Field({ description: 'Exclusive end; after startsAt.' })
  @IsDate()
  endsAt: Date;

  @Field(() => [ID], { nullable: true, description: 'Tiers that may take part; empty or omitted: every tier.' })
  @IsOptional()
  @Transform(uniqueIds)
  @IsString({ each: true })
  @ArrayMaxSize(50)
  eligibleTierIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Dealerships where it applies (earning) or is held (EVENT), whose members it targets; empty or omitted: all.',
  })
  @IsOptional()
  @Transform(uniqueIds)
  @IsString({ each: true })
  @ArrayMaxSize(500)
  dealershipIds?: string[] | null;

  @Field(() => [TransactionType], { nullable: true, description: 'POINTS_MULTIPLIER/BONUS_POINTS: transaction types it applies to; empty: all.' })
  @IsOptional()
  @Transform(uniqueIds)
  @IsEnum(TransactionType, { each: true })
  transactionTypes?: TransactionType[] | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'POINTS_MULTIPLIER/BONUS_POINTS: smallest qualifying transaction, fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minAmount?: number | null;

  @Field(() => Float, { nullable: true, description: 'POINTS_MULTIPLIER (required): factor above 1, at most 4 decimals, e.g. 2 or 1.5.' })
  @IsOptional()
  @IsDecimal(4)
  @Min(0)
  @Max(10)
  multiplier?: number | null;

  @Field(() => Int, { nullable: true, description: 'BONUS_POINTS (required): fixed points per qualifying transaction.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  bonusPoints?: number | null;

  @Field(() => Int, { nullable: true, description: 'EVENT (required): points for each participant who checked in, paid at settlement.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  rewardPoints?: number | null;

  @Field(() => Int, { nullable: true, description: 'EVENT (required): most sign-ups (名额).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => Int, { nullable: true, description: 'Most points the activity may issue; none: no cap.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  budgetPoints?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Fixed cost (venue, gifts), fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  fixedCost?: number | null;
}

/**
 * Every field optional; null clears a nullable field. DRAFT and SCHEDULED activities change freely;
 * an ACTIVE one only its name, description, end, capacity, budget and fixed cost.
 */
@InputType({ description: 'Every field optional. ACTIVE: only name, description, endsAt, capacity, budgetPoints, fixedCost.' })
export class UpdateActivityInput extends PartialType(OmitType(CreateActivityInput, ['type'] as const)) {}

@InputType()
export class CancelActivityInput {
  @Field(() => ID)
  @IsString()
  activityId: string;

  @Field({ description: 'Why it is cancelled; kept on the activity.' })
  @Transform(trim)
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;
}

@InputType()
export class RegisterForActivityInput {
  @Field(() => ID)
  @IsString()
  activityId: string;

  @Field(() => ID)
  @IsString()
  memberId: string;
}

@InputType()
export class CheckInParticipantInput {
  @Field(() => ID)
  @IsString()
  participationId: string;
}

@InputType()
export class ActivityParticipationFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  activityId?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ParticipationStatus, { nullable: true })
  status?: ParticipationStatus;
}

export enum ActivityParticipationSortField {
  REGISTERED_AT = 'REGISTERED_AT',
}
registerEnumType(ActivityParticipationSortField, { name: 'ActivityParticipationSortField' });

@InputType()
export class ActivityParticipationSort {
  @Field(() => ActivityParticipationSortField)
  field: ActivityParticipationSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}
