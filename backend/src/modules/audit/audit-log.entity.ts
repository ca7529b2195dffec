import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Column, Entity, Index } from 'typeorm';
import { ActorType } from '../../common/auth';
import { BaseRecord, IdColumn, JsonColumn } from '../../common/entity';

registerEnumType(ActorType, { name: 'ActorType', description: 'Who made a change: a staff user, an API client, a member, or the system.' });

@ObjectType({ description: 'One change made by a staff user or an API client (审计日志): who, what, and the record before and after.' })
@Entity('audit_log')
@Index(['entityType', 'entityId'])
export class AuditLog extends BaseRecord {
  @Field(() => ActorType)
  @Column({ type: 'varchar', length: 20 })
  actorType: ActorType;

  @Field(() => ID, { nullable: true })
  @Index()
  @IdColumn({ nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Field({ description: 'The operation, e.g. `createDealership`.' })
  @Index()
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field({ description: 'The kind of record changed, e.g. `Dealership`.' })
  @Column({ type: 'varchar', length: 64 })
  entityType: string;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  entityId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record before the change (null for a creation); secrets redacted.' })
  @JsonColumn({ nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The record after the change (null for a deletion); secrets redacted.' })
  @JsonColumn({ nullable: true })
  after: Record<string, unknown> | null;
}
