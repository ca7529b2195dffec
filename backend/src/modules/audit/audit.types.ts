import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageOf, SortOrder } from '../../common/list';
import { AuditLog } from './audit-log.entity';

@ObjectType()
export class AuditLogPage extends PageOf(AuditLog) {}

@InputType()
export class AuditLogFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field({ nullable: true, description: 'e.g. `Dealership`.' })
  entityType?: string;

  @Field(() => ID, { nullable: true })
  entityId?: string;

  @Field({ nullable: true, description: 'The operation, e.g. `updateDealership`.' })
  action?: string;

  @Field({ nullable: true })
  createdFrom?: Date;

  @Field({ nullable: true })
  createdTo?: Date;
}

export enum AuditLogSortField {
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AuditLogSortField, { name: 'AuditLogSortField' });

@InputType()
export class AuditLogSort {
  @Field(() => AuditLogSortField)
  field: AuditLogSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}
