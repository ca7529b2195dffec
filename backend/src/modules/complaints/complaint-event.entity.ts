import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, IdColumn } from '../../common/entity';
import { Complaint } from './complaint.entity';
import { ComplaintEventType, ComplaintStatus } from './complaint.enums';

@ObjectType({ description: "One step on a complaint's timeline." })
@Entity('complaint_event')
@Index(['complaintId', 'createdAt'])
export class ComplaintEvent extends BaseRecord {
  @IdColumn({ references: () => Complaint })
  complaintId: string;

  @Field(() => ComplaintEventType)
  @Column({ type: 'varchar', length: 12 })
  type: ComplaintEventType;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 12 })
  actorType: string;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  @Field(() => ComplaintStatus, { nullable: true })
  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { nullable: true })
  @Column({ type: 'varchar', length: 12, nullable: true })
  toStatus: ComplaintStatus | null;
}
