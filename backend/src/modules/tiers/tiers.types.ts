import { IsDecimal } from '../../common/validation';
import { Field, Float, ID, InputType, Int, ObjectType, PartialType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { MoneyScalar } from '../../common/scalars';
import { TierChange, TierChangeReason } from './tier-change.entity';
import { Tier } from './tier.entity';

const CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const CODE_MESSAGE = 'must be 2–32 capital letters, digits or _, starting with a letter';

@ObjectType()
export class TierPage extends PageOf(Tier) {}

@ObjectType()
export class TierChangePage extends PageOf(TierChange) {}

@InputType()
export class TierFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Matches code or name.' })
  q?: string;
}

export enum TierSortField {
  RANK = 'RANK',
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(TierSortField, { name: 'TierSortField' });

@InputType()
export class TierSort {
  @Field(() => TierSortField)
  field: TierSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class TierChangeFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => TierChangeReason, { nullable: true })
  reason?: TierChangeReason;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum TierChangeSortField {
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TierChangeSortField, { name: 'TierChangeSortField' });

@InputType()
export class TierChangeSort {
  @Field(() => TierChangeSortField)
  field: TierChangeSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class CreateTierInput {
  @Field({ description: 'Stable code, e.g. DIAMOND.' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @Field()
  @IsString()
  @Length(1, 50)
  name: string;

  @Field(() => Int, { description: 'Higher is better; unique.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  rank: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  qualifyingPoints: number;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  minSpend?: number;

  @Field(() => Float, { description: 'e.g. 1.5; up to 4 decimals, 0–10.' })
  @IsDecimal(4)
  @Min(0)
  @Max(10)
  pointsMultiplier: number;

  @Field(() => Float, { description: 'Price factor, e.g. 0.85; above 0, at most 1.' })
  @IsDecimal(4)
  @Min(0.01)
  @Max(1)
  discountRate: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  freeMaintenancePerYear?: number;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  upgradeRepairAmount?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  upgradeServiceVisits?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 2000)
  description?: string;
}

/** Every field optional; the same rules as creating a tier. */
@InputType()
export class UpdateTierInput extends PartialType(CreateTierInput) {}

@InputType()
export class SetMemberTierInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field(() => ID)
  @IsString()
  tierId: string;

  @Field({ description: 'Why the tier is set by hand; kept on the tier change and in the audit trail.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 500, { message: 'must be 2–500 characters' })
  reason: string;
}
