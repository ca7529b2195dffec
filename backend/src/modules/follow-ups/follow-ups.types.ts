import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { FollowUp } from './follow-up.entity';
import { FollowUpKind, FollowUpStatus } from './follow-up.enums';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@ObjectType()
export class FollowUpPage extends PageOf(FollowUp) {}

@InputType()
export class FollowUpFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The store that follows it up; store staff see only their own.',
  })
  dealershipId?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => FollowUpKind, { nullable: true })
  kind?: FollowUpKind;

  @Field(() => FollowUpStatus, { nullable: true })
  status?: FollowUpStatus;

  @Field({
    nullable: true,
    description: 'Calls due before this instant (e.g. now: the overdue ones, with status PENDING).',
  })
  dueBefore?: Date;
}

export enum FollowUpSortField {
  DUE_AT = 'DUE_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(FollowUpSortField, { name: 'FollowUpSortField' });

@InputType()
export class FollowUpSort {
  @Field(() => FollowUpSortField)
  field: FollowUpSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}

@InputType({ description: 'One call attempt of a follow-up (回访): reached or not, and what came of it.' })
export class RecordFollowUpAttemptInput {
  @Field(() => ID)
  @IsString()
  followUpId: string;

  @Field({ description: 'Whether the member answered. A reached call completes the follow-up (DONE).' })
  @IsBoolean()
  reached: boolean;

  @Field(() => Int, { nullable: true, description: 'Satisfaction (满意度) 1–5, when reached.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What came of the call, e.g. 满意, 需再次进店, 转投诉.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  outcome?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Notes of this attempt; appended to the call log with the attempt number.',
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Length(0, 1000)
  notes?: string | null;
}
