import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { ComplaintCategory, ComplaintChannel, ComplaintOutcome, ComplaintPriority, ComplaintStatus } from './complaint.enums';

@ObjectType({ description: 'A complaint (投诉工单) with its SLA, assignment, resolution and timeline.' })
@Entity('complaint')
@Index(['status', 'resolveDueAt'])
@Index(['dealershipId', 'createdAt'])
export class Complaint extends BaseRecord {
  @Field({ description: 'Ticket number, e.g. TS20261122-0007.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 24 })
  ticketNo: string;

  @Field(() => ID, { nullable: true })
  @Index()
  @IdColumn({ nullable: true, references: () => Member })
  memberId: string | null;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true, references: () => Dealership })
  dealershipId: string | null;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  vehicleId: string | null;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  transactionId: string | null;

  @Field(() => ComplaintCategory)
  @Column({ type: 'varchar', length: 32 })
  category: ComplaintCategory;

  @Field(() => ComplaintPriority)
  @Column({ type: 'varchar', length: 8 })
  priority: ComplaintPriority;

  @Field(() => ComplaintChannel)
  @Column({ type: 'varchar', length: 8 })
  channel: ComplaintChannel;

  @Field(() => ComplaintStatus)
  @Column({ type: 'varchar', length: 12 })
  status: ComplaintStatus;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff user handling it.' })
  @Index()
  @IdColumn({ nullable: true })
  assigneeId: string | null;

  @Field({ description: 'Acknowledge by (30 min; URGENT 15).' })
  @DateTimeColumn()
  acknowledgeDueAt: Date;

  @Field({ description: 'Resolve by (48 h; URGENT 24, LOW 120).' })
  @DateTimeColumn()
  resolveDueAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;

  @Field(() => ComplaintOutcome, { nullable: true })
  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: ComplaintOutcome | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction at closing, 1–5.' })
  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @Field(() => String, { nullable: true, description: "The member's words at closing." })
  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Field(() => Int, { description: '0; 1 when the acknowledgement SLA was missed; 2 when the resolution SLA was missed.' })
  @Column({ type: 'int', default: 0 })
  escalationLevel: number;
}
