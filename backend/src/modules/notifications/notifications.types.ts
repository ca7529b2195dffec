import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageOf, SortOrder } from '../../common/list';
import { Notification } from './notification.entity';
import { NotificationChannel, NotificationStatus, NotificationTemplate } from './notification.enums';

@ObjectType()
export class NotificationPage extends PageOf(Notification) {}

@InputType()
export class NotificationFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => NotificationTemplate, { nullable: true })
  template?: NotificationTemplate;

  @Field(() => NotificationStatus, { nullable: true })
  status?: NotificationStatus;

  @Field(() => NotificationChannel, { nullable: true })
  channel?: NotificationChannel;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum NotificationSortField {
  CREATED_AT = 'CREATED_AT',
  SCHEDULED_AT = 'SCHEDULED_AT',
}
registerEnumType(NotificationSortField, { name: 'NotificationSortField' });

@InputType()
export class NotificationSort {
  @Field(() => NotificationSortField)
  field: NotificationSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}
