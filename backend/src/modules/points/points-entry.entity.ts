import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn, IdColumn } from '../../common/entity';
import { Member } from '../members/member.entity';

export enum PointsEntryType {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
  EXPIRE = 'EXPIRE',
  ADJUST = 'ADJUST',
  REFERRAL = 'REFERRAL',
  ACTIVITY = 'ACTIVITY',
  BIRTHDAY = 'BIRTHDAY',
  REVERSAL = 'REVERSAL',
}
registerEnumType(PointsEntryType, {
  name: 'PointsEntryType',
  description: 'EARN on a transaction, REDEEM (积分抵扣), EXPIRE (积分过期), ADJUST by staff, REFERRAL/ACTIVITY/BIRTHDAY bonuses, REVERSAL of an earning.',
});

@ObjectType({ description: 'One line of the append-only points ledger (积分流水): signed points and the balance after.' })
@Entity('points_entry')
@Index(['memberId', 'createdAt'])
// Period sums over the whole ledger (dashboard KPIs) read by time.
@Index(['createdAt'])
export class PointsEntry extends BaseRecord {
  @Field(() => ID)
  @IdColumn({ references: () => Member })
  memberId: string;

  @Field(() => PointsEntryType)
  @Index()
  @Column({ type: 'varchar', length: 16 })
  type: PointsEntryType;

  @Field(() => Int, { description: 'Signed change of the balance: credits positive, debits negative.' })
  @Column({ type: 'int' })
  points: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  balanceAfter: number;

  @Field(() => Int, { description: 'Signed change of the points debt (reversals that could not be clawed back).' })
  @Column({ type: 'int', default: 0 })
  debtChange: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  debtAfter: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. TRANSACTION, POINTS_LOT, ACTIVITY.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  sourceType: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @IdColumn({ nullable: true })
  sourceId: string | null;

  @Field(() => Date, { nullable: true, description: 'For credits: when the lot they opened expires.' })
  @DateTimeColumn({ nullable: true })
  expiresAt: Date | null;

  @Field(() => ID, { nullable: true })
  @IdColumn({ nullable: true })
  dealershipId: string | null;

  @Field(() => ID, { nullable: true, description: 'Staff user, API client or member that made the change; null for jobs.' })
  @IdColumn({ nullable: true })
  operatorId: string | null;

  /** Unique per retryable write (namespaced by operation); replays return this entry. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 160, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  payloadHash: string | null;
}
