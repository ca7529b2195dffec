import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { PointsEntry, PointsEntryType } from './points-entry.entity';

const KEY = /^[A-Za-z0-9:_\-.]{8,100}$/;
const KEY_MESSAGE = 'must be 8–100 letters, digits or :_-.';

@ObjectType()
export class PointsEntryPage extends PageOf(PointsEntry) {}

@InputType()
export class PointsEntryFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => PointsEntryType, { nullable: true })
  type?: PointsEntryType;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum PointsEntrySortField {
  CREATED_AT = 'CREATED_AT',
  POINTS = 'POINTS',
}
registerEnumType(PointsEntrySortField, { name: 'PointsEntrySortField' });

@InputType()
export class PointsEntrySort {
  @Field(() => PointsEntrySortField)
  field: PointsEntrySortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType()
export class RedeemPointsInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field(() => Int, { description: 'Points to spend (100 points = ¥1 off).' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  points: number;

  @Field()
  @IsString()
  @Length(1, 200)
  reason: string;

  @Field(() => ID, { nullable: true, description: 'Where the points are spent; store staff always at their own.' })
  @IsOptional()
  @IsString()
  dealershipId?: string;

  @Field({ description: 'Unique per redemption; a retry with the same key returns the first result.' })
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey: string;
}

@InputType()
export class AdjustPointsInput {
  @Field(() => ID)
  @IsString()
  memberId: string;

  @Field(() => Int, { description: 'Signed: positive credits (a bonus, expiring like earned points), negative debits.' })
  @IsInt()
  @NotEquals(0, { message: 'must not be 0' })
  @Min(-100_000_000)
  @Max(100_000_000)
  points: number;

  @Field()
  @IsString()
  @Length(2, 200)
  reason: string;

  @Field()
  @Matches(KEY, { message: KEY_MESSAGE })
  idempotencyKey: string;
}
