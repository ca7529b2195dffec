import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, DecimalColumn, JsonColumn, MoneyColumn } from '../../common/entity';
import { MoneyScalar } from '../../common/scalars';
import { TransactionType } from '../transactions/transaction.enums';
import { ActivityStatus, ActivityType } from './activity.enums';

@ObjectType({ description: 'A marketing activity (营销活动): extra points, an event with sign-up, a referral or birthday campaign.' })
@Entity('activity')
@Index(['status', 'startsAt'])
export class Activity extends BaseRecord {
  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ActivityType)
  @Column({ type: 'varchar', length: 20 })
  type: ActivityType;

  @Field(() => ActivityStatus)
  @Column({ type: 'varchar', length: 12 })
  status: ActivityStatus;

  @Field(() => Date, { nullable: true, description: 'Announced from here (预热), usually 3–7 days before the start.' })
  @DateTimeColumn({ nullable: true })
  announceAt: Date | null;

  @Field()
  @DateTimeColumn()
  startsAt: Date;

  @Field()
  @DateTimeColumn()
  endsAt: Date;

  @Field(() => [ID], { description: 'Tiers that may take part; empty: every tier.' })
  @JsonColumn()
  eligibleTierIds: string[];

  @Field(() => [ID], { description: 'Dealerships where it applies; empty: every dealership.' })
  @JsonColumn()
  dealershipIds: string[];

  @Field(() => [TransactionType], { description: 'Transaction types it applies to; empty: every type.' })
  @JsonColumn()
  transactionTypes: TransactionType[];

  @Field(() => MoneyScalar, { nullable: true, description: 'Smallest qualifying transaction, fen.' })
  @MoneyColumn({ nullable: true, default: null })
  minAmount: number | null;

  @Field(() => Float, { nullable: true, description: 'POINTS_MULTIPLIER: factor on earned points, e.g. 2.' })
  @DecimalColumn({ nullable: true })
  multiplier: number | null;

  @Field(() => Int, { nullable: true, description: 'BONUS_POINTS: fixed points per qualifying transaction.' })
  @Column({ type: 'int', nullable: true })
  bonusPoints: number | null;

  @Field(() => Int, { nullable: true, description: 'EVENT: points on check-in.' })
  @Column({ type: 'int', nullable: true })
  rewardPoints: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Field(() => Int, { nullable: true, description: 'Most points the activity may issue.' })
  @Column({ type: 'int', nullable: true })
  budgetPoints: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Fixed cost of running it (venue, gifts), fen.' })
  @MoneyColumn({ nullable: true, default: null })
  fixedCost: number | null;

  @Field(() => Int, { description: 'Points issued so far (transaction bonuses and event rewards, less reversals).' })
  @Column({ type: 'int', default: 0 })
  pointsIssued: number;

  @Field(() => Date, { nullable: true, description: 'When it was published (left DRAFT).' })
  @DateTimeColumn({ nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its rewards were settled.' })
  @DateTimeColumn({ nullable: true })
  settledAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;
}
