import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageOf, SortOrder } from '../../common/list';
import { Referral, ReferralStatus } from './referral.entity';

@ObjectType()
export class ReferralPage extends PageOf(Referral) {}

@InputType()
export class ReferralFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The member who referred (推荐人); store staff may name any member.',
  })
  referrerId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The member who joined with the code (被推荐人); store staff may name any member.',
  })
  refereeId?: string;

  @Field(() => ReferralStatus, { nullable: true })
  status?: ReferralStatus;
}

export enum ReferralSortField {
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ReferralSortField, { name: 'ReferralSortField' });

@InputType()
export class ReferralSort {
  @Field(() => ReferralSortField)
  field: ReferralSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}
