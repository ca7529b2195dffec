import { IsDecimal } from '../../common/validation';
import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayUnique, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { TransactionType } from '../transactions/transaction.enums';

@ObjectType({ description: 'Points per ¥1 paid for one transaction type.' })
export class EarningRate {
  @Field(() => TransactionType)
  type: TransactionType;

  @Field(() => Float, { description: 'Points per ¥1, e.g. 1, 0.5, 0.01.' })
  rate: number;
}

@InputType()
export class EarningRateInput {
  @Field(() => TransactionType)
  @IsIn(Object.values(TransactionType))
  type: TransactionType;

  @Field(() => Float)
  @IsDecimal(4)
  @Min(0)
  @Max(100)
  rate: number;
}

@ObjectType({
  description: 'The numbers of the loyalty programme (积分规则): earning, expiry, tiers, codes.',
})
export class ProgrammeSettings {
  @Field(() => [EarningRate])
  earningRates: EarningRate[];

  @Field(() => Int, {
    description: 'Earned points expire at the end of this many months after the month earned.',
  })
  pointsExpiryMonths: number;

  @Field(() => Int, { description: 'Points that buy ¥1 off.' })
  pointsPerYuan: number;

  @Field(() => Int)
  birthdayPoints: number;

  @Field(() => Int, {
    description: 'Points to the referrer (推荐有礼) on the referred member’s first vehicle purchase.',
  })
  referralRewardPoints: number;

  @Field(() => Int, {
    description:
      'Most referrals rewarded per referrer per calendar year (programme time zone); the rest are CAPPED.',
  })
  referralYearlyCap: number;

  @Field(() => Int, { description: 'Rolling window for qualifying points, spend and visits, months.' })
  qualifyingWindowMonths: number;

  @Field(() => Int, { description: 'A tier is kept this long, then reviewed, months.' })
  tierReviewMonths: number;

  @Field(() => [TransactionType], { description: 'Transaction types counted as service visits.' })
  serviceVisitTypes: TransactionType[];

  @Field(() => Int)
  codeTtlMinutes: number;

  @Field(() => Int)
  codeMaxAttempts: number;

  @Field(() => Int)
  activationLapseDays: number;

  @Field(() => Int, { description: 'Default maintenance interval, km.' })
  maintenanceIntervalKm: number;

  @Field(() => Int, { description: 'Default maintenance interval, months.' })
  maintenanceIntervalMonths: number;
}

@InputType()
export class UpdateProgrammeSettingsInput {
  @Field(() => [EarningRateInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => EarningRateInput)
  earningRates?: EarningRateInput[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  pointsExpiryMonths?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  pointsPerYuan?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  birthdayPoints?: number;

  @Field(() => Int, {
    nullable: true,
    description: '0 switches referral rewards off (referrals stay QUALIFIED).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  referralRewardPoints?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  referralYearlyCap?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  qualifyingWindowMonths?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  tierReviewMonths?: number;

  @Field(() => [TransactionType], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsIn(Object.values(TransactionType), { each: true })
  serviceVisitTypes?: TransactionType[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  codeTtlMinutes?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  codeMaxAttempts?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  activationLapseDays?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(500)
  maintenanceIntervalKm?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36)
  maintenanceIntervalMonths?: number;
}
