import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { MoneyScalar } from '../../common/scalars';
import { BenefitRedemption } from './benefit-redemption.entity';
import { Benefit } from './benefit.entity';
import { BenefitPeriod, BenefitType, MemberBenefitStatus } from './benefit.enums';
import { MemberBenefit } from './member-benefit.entity';

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const CODE_MESSAGE = 'must be 2–40 capital letters, digits or _, starting with a letter';
const KEY = /^[A-Za-z0-9:_\-.]{8,100}$/;
const KEY_MESSAGE = 'must be 8–100 letters, digits or :_-.';
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** No benefit is used more often than this in one period. */
const MAX_QUOTA = 10_000;
/** ¥1,000,000 in fen: the value of one use is never larger. */
const MAX_VALUE = 1_000_000_00;

@ObjectType()
export class BenefitPage extends PageOf(Benefit) {}

@ObjectType()
export class MemberBenefitPage extends PageOf(MemberBenefit) {}

@ObjectType()
export class BenefitRedemptionPage extends PageOf(BenefitRedemption) {}

@ObjectType({
  description:
    'A quota for one tier that differs from the benefit’s default quota (e.g. free maintenance: Gold 3 a year).',
})
export class BenefitTierQuota {
  @Field(() => ID)
  tierId: string;

  @Field(() => Int, { description: 'Uses per period for members of this tier.' })
  quota: number;
}

@InputType()
export class BenefitTierQuotaInput {
  @Field(() => ID, { description: 'One of the benefit’s tierIds.' })
  @IsString()
  tierId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  quota: number;
}

@ObjectType('BenefitCode', {
  description: 'A one-time code (核销码) the member shows at the store; single use, valid for 10 minutes.',
})
export class BenefitCodePayload {
  @Field({ description: '8 digits or capital letters (no 0/O, 1/I/L).' })
  code: string;

  @Field()
  expiresAt: Date;
}

// ---------- benefits ----------

@InputType()
export class BenefitFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Part of the code or name.' })
  q?: string;

  @Field(() => BenefitType, { nullable: true })
  type?: BenefitType;

  @Field(() => ID, { nullable: true, description: 'Benefits granted to this tier.' })
  tierId?: string;

  @Field({ nullable: true })
  active?: boolean;
}

export enum BenefitSortField {
  CODE = 'CODE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(BenefitSortField, { name: 'BenefitSortField' });

@InputType()
export class BenefitSort {
  @Field(() => BenefitSortField)
  field: BenefitSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class CreateBenefitInput {
  @Field({ description: 'Stable code, e.g. FREE_MAINTENANCE; unique.' })
  @Transform(trimmed)
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @Field({ description: 'Display name, e.g. 免费保养.' })
  @Transform(trimmed)
  @IsString()
  @Length(1, 100, { message: 'must be 1–100 characters' })
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @Field(() => BenefitType)
  @IsIn(Object.values(BenefitType))
  type: BenefitType;

  @Field(() => BenefitPeriod, {
    description: 'YEAR: 12 months from the grant; MONTH: one month; ONCE: until the tier review.',
  })
  @IsIn(Object.values(BenefitPeriod))
  period: BenefitPeriod;

  @Field(() => Int, { description: 'Uses per period (tiers without their own quota in quotaByTier).' })
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  quota: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value of one use, fen.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE)
  value?: number;

  @Field(() => [ID], {
    description: 'The tiers granted this benefit; members of a tier receive it when they enter it.',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  tierIds: string[];

  @Field(() => [BenefitTierQuotaInput], {
    nullable: true,
    description: 'Quotas of single tiers that differ from `quota`.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BenefitTierQuotaInput)
  quotaByTier?: BenefitTierQuotaInput[];

  @Field({ nullable: true, description: 'Default true; inactive benefits are no longer granted or renewed.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Every field optional; the same rules as creating a benefit. Applies to grants and renewals from now on. */
@InputType()
export class UpdateBenefitInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 100, { message: 'must be 1–100 characters' })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;

  @Field(() => BenefitType, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(BenefitType))
  type?: BenefitType;

  @Field(() => BenefitPeriod, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(BenefitPeriod))
  period?: BenefitPeriod;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_QUOTA)
  quota?: number;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VALUE)
  value?: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  tierIds?: string[];

  @Field(() => [BenefitTierQuotaInput], {
    nullable: true,
    description: 'Replaces the per-tier quotas; [] clears them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BenefitTierQuotaInput)
  quotaByTier?: BenefitTierQuotaInput[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

// ---------- entitlements ----------

@InputType()
export class MemberBenefitFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'One member’s entitlements (store staff: any member’s).' })
  memberId?: string;

  @Field(() => ID, { nullable: true })
  benefitId?: string;

  @Field(() => MemberBenefitStatus, { nullable: true })
  status?: MemberBenefitStatus;
}

export enum MemberBenefitSortField {
  PERIOD_END = 'PERIOD_END',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(MemberBenefitSortField, { name: 'MemberBenefitSortField' });

@InputType()
export class MemberBenefitSort {
  @Field(() => MemberBenefitSortField)
  field: MemberBenefitSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

// ---------- redemptions ----------

@InputType({
  description:
    'Redeems (核销) one use of an entitlement: name it by memberBenefitId or by the member’s one-time code, not both.',
})
export class RedeemBenefitInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  memberBenefitId?: string;

  @Field({ nullable: true, description: 'The one-time code from the member app (createBenefitCode).' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(6, 8, { message: 'must be 6–8 characters' })
  code?: string;

  @Field(() => ID, { description: 'Where it is redeemed; store staff at their own.' })
  @IsString()
  dealershipId: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;

  @Field({ description: 'A retry with the same key returns the first redemption.' })
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey: string;
}

@InputType()
export class BenefitRedemptionFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, { nullable: true })
  benefitId?: string;

  @Field(() => ID, { nullable: true, description: 'Where it was redeemed.' })
  dealershipId?: string;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum BenefitRedemptionSortField {
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(BenefitRedemptionSortField, { name: 'BenefitRedemptionSortField' });

@InputType()
export class BenefitRedemptionSort {
  @Field(() => BenefitRedemptionSortField)
  field: BenefitRedemptionSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}
