import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';
import { Member } from '../members/member.entity';
import { FollowUpKind, FollowUpStatus } from './follow-up.enums';

@ObjectType({ description: 'A follow-up call (回访) customer service makes.' })
@Entity('follow_up')
@Index(['status', 'dueAt'])
@Index(['memberId', 'createdAt'])
export class FollowUp extends BaseRecord {
  @Field(() => FollowUpKind)
  @Column({ type: 'varchar', length: 16 })
  kind: FollowUpKind;

  @Field(() => FollowUpStatus)
  @Column({ type: 'varchar', length: 12 })
  status: FollowUpStatus;

  @Field(() => ID)
  @IdColumn({ references: () => Member })
  memberId: string;

  @Field(() => ID, { nullable: true, description: 'The store that makes the call: where the service or complaint was, the event’s store, or the member’s home store.' })
  @Index()
  @IdColumn({ nullable: true })
  dealershipId: string | null;

  @Field(() => ID, { nullable: true, description: 'POST_SERVICE: the service transaction.' })
  @IdColumn({ nullable: true })
  transactionId: string | null;

  @Field(() => ID, { nullable: true, description: 'POST_COMPLAINT: the resolved complaint.' })
  @IdColumn({ nullable: true })
  complaintId: string | null;

  @Field(() => ID, { nullable: true, description: 'POST_EVENT: the event attended.' })
  @IdColumn({ nullable: true })
  activityId: string | null;

  /** What it follows up, once: e.g. `POST_SERVICE:<transactionId>`; unique, so generation is idempotent. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  sourceKey: string;

  @Field({ description: 'Call by (service + 72 h; resolution or check-in + 24 h; dormant recall + 7 days).' })
  @DateTimeColumn()
  dueAt: Date;

  @Field(() => Int, { description: 'Call attempts made so far.' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => ID, { nullable: true })
  @Index()
  @IdColumn({ nullable: true })
  assigneeId: string | null;

  @Field(() => String, { nullable: true, description: 'What came of the call; for a CANCELLED call, why it was cancelled.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  outcome: string | null;

  @Field(() => Int, { nullable: true, description: '1–5.' })
  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @Field(() => String, { nullable: true, description: 'Call log: one line per attempt, `#n <time> reached|not reached: notes`.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When it became DONE, UNREACHABLE or CANCELLED.' })
  @DateTimeColumn({ nullable: true })
  completedAt: Date | null;
}
